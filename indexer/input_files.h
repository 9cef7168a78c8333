// Expands the paths given on the command line into the files to read.
#pragma once

#include "rejects.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

struct InputFile {
    std::filesystem::path path;  // absolute, or "-" for standard input
    int64_t size = -1;           // bytes, -1 when unknown (stdin)
};

// Files under each path, depth first in name order (so runs are
// reproducible). Folders contribute only names worth reading (see
// input_format.h); hidden entries are skipped and folder symlinks are not
// followed (no loops). A path that cannot be read is rejected and skipped.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, RejectLog& rejects);

}  // namespace newsdex
