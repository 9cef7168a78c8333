// The files of one index directory, and how a new generation of the index
// replaces the live one without readers noticing.
//
//   <dir>/index.stub        Xapian stub file naming the live generation
//                           ("auto gen-000003/xapian"); Xapian's own tools
//                           (xapian-delve, quest) can open it directly
//   <dir>/gen-000003/       one generation: xapian/ and catalog.sqlite
//   <dir>/lock              held (flock) by the one writer; says who
//
// A rebuild or compaction writes a new generation beside the live one and
// publishes it by renaming a new stub over the old: readers see either the
// old generation or the new, never a mix. An index made by newsdex 0.1
// (xapian/ and catalog.sqlite directly in <dir>, no stub) is read as its own
// generation.
#pragma once

#include <filesystem>
#include <optional>

namespace newsdex {

struct Generation {
    std::filesystem::path dir;
    std::filesystem::path xapian() const { return dir / "xapian"; }
    std::filesystem::path catalog() const { return dir / "catalog.sqlite"; }
};

// A directory as one absolute path ending in its own name: "DIR/", "DIR/."
// and "." (as a shell's completion or a script writes them) give the path
// "DIR" gives. Lexical: links are not followed.
std::filesystem::path normalized_dir(const std::filesystem::path& dir);

class IndexLayout {
public:
    explicit IndexLayout(std::filesystem::path dir) : dir_(std::move(dir)) {}

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path stub() const { return dir_ / "index.stub"; }
    std::filesystem::path lock_file() const { return dir_ / "lock"; }

    // The generation readers use now; nullopt when there is no index yet.
    // Throws IndexError if the stub is unreadable or points outside `dir`.
    std::optional<Generation> live() const;
    // A new generation directory name, not yet created.
    Generation next_generation() const;
    // Makes `generation` the live one, atomically and durably.
    void publish(const Generation& generation) const;
    // Deletes generations that are not live (old ones after a switch,
    // leftovers of an interrupted rebuild). Call only holding the lock.
    void remove_stale_generations() const;

private:
    std::filesystem::path dir_;
};

}  // namespace newsdex
