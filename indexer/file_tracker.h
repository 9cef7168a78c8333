// What makes a run incremental: which input files are unchanged since they
// were last read (so their articles need not be read again), which were
// renamed or moved, and which were deleted. Decisions go by (size, mtime,
// inode) first and by a hash of the file's bytes only when those differ.
#pragma once

#include "catalog.h"
#include "index_writer.h"
#include "input_files.h"

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsdex {

// XXH3-128 of the file's bytes, as hex.
std::string file_hash(const std::filesystem::path& path);

class FileTracker {
public:
    explicit FileTracker(IndexWriter& writer);

    enum class Verdict { Read, Unchanged, Moved };
    struct Decision {
        Verdict verdict = Verdict::Read;
        int64_t articles = 0;  // for Unchanged and Moved: how many it holds
        FileState state;
        std::string hash;      // computed only when the state changed
    };
    // Marks `path` (found as `state`) as present in this run and says
    // whether to read it.
    Decision examine(const std::filesystem::path& path, const FileState& state);
    // After reading a file whole and without rejects.
    void read_done(const std::filesystem::path& path, const Decision& decision, int64_t articles);
    // Makes the next run read `path` again (its last read was incomplete,
    // or it holds duplicates of a removed article).
    void invalidate(const std::string& path);

    // Files under `roots` that were known, not seen in this run, and are gone.
    std::vector<std::string> deleted_under(const std::vector<std::filesystem::path>& roots) const;
    void forget(const std::string& path);

private:
    IndexWriter& writer_;
    std::unordered_map<std::string, FileRecord> known_;
    std::unordered_multimap<std::string, std::string> by_hash_;  // hash → path
    std::unordered_set<std::string> seen_;
};

}  // namespace newsdex
