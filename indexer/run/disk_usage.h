// How much an index takes on disk, and how to say it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace newsdex {

// Bytes of the regular files under `dir`.
std::uintmax_t size_on_disk(const std::filesystem::path& dir);

// "12.3 MB" (MiB, as the summary lines print sizes).
std::string megabytes(std::uintmax_t bytes);

}  // namespace newsdex
