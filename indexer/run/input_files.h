// Expands the paths given on the command line into the files to read.
#pragma once

#include "run/rejects.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

// What a file looked like when the run found it: one stat per file is all
// an unchanged tree costs (see file_tracker.h).
struct FileState {
    int64_t size = 0;
    int64_t mtime_ns = 0;
    int64_t inode = 0;
};

// Throws InputError if the file cannot be examined.
FileState file_state(const std::string& path);

struct InputFile {
    // Absolute, or "-" for standard input. A string, not a path: there are
    // millions, and a path object splits itself into components.
    std::string path;
    int64_t size = -1;           // bytes, -1 when unknown (stdin, pipes)
    FileState state;             // for regular files
};

// Whether `path` is one of `roots` or lies inside one (the folders a run
// was given: files known there and gone are deleted ones).
bool is_under(const std::string& path, const std::vector<std::filesystem::path>& roots);

// Files under each path, depth first in name order (so runs are
// reproducible), each once however many of the paths hold it. Folders
// contribute only names worth reading (see input_format.h); hidden entries
// are skipped and folder symlinks are not followed (no loops). A path that
// cannot be read is rejected and skipped.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, RejectLog& rejects);

}  // namespace newsdex
