// Expands the paths given on the command line into the files to read.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace newsdex {

enum class InputKind { Text, JsonLines, Unsupported };

InputKind input_kind(const std::filesystem::path& file);

struct InputFile {
    std::filesystem::path path;  // absolute
    InputKind kind;
};

// Files under each path, depth first in name order (so runs are
// reproducible). Directories contribute only the kinds we read; hidden
// entries are skipped and directory symlinks are not followed (no loops).
// A path that cannot be read is reported through `reject` and skipped.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths,
                                      const std::function<void(const std::string& path, const std::string& reason)>& reject);

}  // namespace newsdex
