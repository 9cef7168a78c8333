// The site name of a URL, used as an article's source when none is given.
#pragma once

#include <string>

namespace newsdex {

// "https://www.ria.ru/2023/x.html" → "ria.ru"; empty if it is not a URL.
std::string url_host(const std::string& url);

}  // namespace newsdex
