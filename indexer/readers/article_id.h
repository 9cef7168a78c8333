// Stable article ids derived from where an article was found.
#pragma once

#include <filesystem>
#include <string>

namespace newsdex {

// The file's path relative to `base` when it lies under it (the default base
// is the current directory), else its absolute path. Indexing the same tree
// from the same base always yields the same ids.
std::string path_id(const std::filesystem::path& file, const std::filesystem::path& base);

}  // namespace newsdex
