// Reading input files whole, with the checks every reader needs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace newsdex {

// The file's bytes; throws InputError naming the file if it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Byte offset of the first invalid UTF-8 sequence, or npos if valid.
std::size_t invalid_utf8_offset(std::string_view text);

}  // namespace newsdex
