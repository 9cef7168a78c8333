// Plain-text articles: the first non-empty line is the title, the rest is
// the body.
#pragma once

#include "base/article.h"
#include "readers/origin.h"

#include <string_view>

namespace newsdex {

// `utf8` is already decoded. Throws InputError("empty file") when there is
// no text at all.
Article parse_text_article(std::string_view utf8, const Origin& origin);

// The source name of a file-based article: the first folder of its path
// in the archive, else of its id ("ria/2025/11/24/x.txt" → "ria"), else the
// folder (or archive) it is in.
std::string source_from_origin(const Origin& origin);

}  // namespace newsdex
