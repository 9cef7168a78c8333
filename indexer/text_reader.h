// Plain-text articles: the first non-empty line is the title, the rest is
// the body. UTF-8 only (legacy encodings are rejected, not garbled).
#pragma once

#include "article.h"

#include <filesystem>

namespace newsdex {

// Throws InputError naming the file when it is empty or not UTF-8.
Article read_text_article(const std::filesystem::path& file, const std::filesystem::path& base);

// The same, from bytes already read.
Article parse_text_article(std::string_view bytes, const std::filesystem::path& file,
                           const std::filesystem::path& base);

}  // namespace newsdex
