// Access to ../shared/data (real news, Snowball vocabulary) for tests that
// use it when present and skip when it is not.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace newsdex::testing {

// The path of a file in shared/data, or nullopt when it is not there.
// NEWSDEX_SHARED_DATA in the environment overrides the build-time default.
std::optional<std::filesystem::path> shared_data_file(const std::string& name);

// Calls `line` for every line of an .xz (or plain) file, decompressed as a stream.
void for_each_line(const std::filesystem::path& file, const std::function<void(const std::string&)>& line);

}  // namespace newsdex::testing
