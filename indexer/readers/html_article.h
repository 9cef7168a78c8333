// A saved web page as an Article.
#pragma once

#include "base/article.h"
#include "readers/origin.h"

#include <string_view>

namespace newsdex {

// `utf8` is the decoded page. Throws InputError when it holds no article.
Article parse_html_article(std::string_view utf8, const Origin& origin);

}  // namespace newsdex
