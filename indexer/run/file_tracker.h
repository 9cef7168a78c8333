// What makes a run incremental: which input files are unchanged since they
// were last read (so their articles need not be read again), which were
// renamed or moved, and which were deleted. Decisions go by (size, mtime,
// inode) first and by a hash of the file's bytes only when those differ.
#pragma once

#include "catalog/catalog.h"
#include "index/index_writer.h"
#include "run/input_files.h"

#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsdex {

// Whether a file recorded as `record` is, by its (size, mtime, inode), the
// same now: a record marked for reading again (size -1) never is.
bool unchanged_since(const FileRecord& record, const FileState& state);

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
        bool known = false;    // the index had it before this run
    };
    // Marks `path` (found as `state`) as present in this run and says
    // whether to read it.
    Decision examine(const std::string& path, const FileState& state);
    // After reading a file whole and without rejects.
    void read_done(const std::string& path, const Decision& decision, int64_t articles);
    // Makes the next run read `path` again (its last read was incomplete,
    // or it holds duplicates of a removed article).
    void invalidate(const std::string& path);

    // Files under `roots` that were known, not seen in this run, and are gone.
    std::vector<std::string> deleted_under(const std::vector<std::filesystem::path>& roots);
    void forget(const std::string& path);

private:
    struct Known {
        FileRecord record;
        bool seen = false;  // examined in this run
    };
    using KnownFiles = std::unordered_map<std::string, Known>;

    KnownFiles& known();
    std::unordered_multimap<std::string, std::string>& by_hash();

    IndexWriter& writer_;
    // Loaded on another thread while the caller lists the input files (the
    // two are most of a run that finds nothing changed).
    std::future<KnownFiles> loading_;
    KnownFiles known_;
    // hash → path, built only when a new file might be an old one moved.
    std::optional<std::unordered_multimap<std::string, std::string>> by_hash_;
};

}  // namespace newsdex
