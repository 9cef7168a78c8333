// Files the indexer writes inside an index directory, written without
// following symbolic links. Anyone who can write into the directory could
// otherwise plant "lock -> /etc/passwd" or "index.stub.tmp-PID -> ..." and
// have a root cron job overwrite the target.
#pragma once

#include <filesystem>
#include <string_view>

namespace newsdex {

// Replaces `file` with `content` atomically: a new temporary file beside it
// (O_CREAT|O_EXCL|O_NOFOLLOW, so a name planted there is unlinked, never
// written through), synced, then renamed over `file` (rename replaces a
// symlink at `file` itself, not its target). Throws IndexError.
void replace_file(const std::filesystem::path& file, std::string_view content);

// Appends `content` to `file`, created if missing, and refuses a symbolic
// link or anything but a regular file there. Throws IndexError.
void append_to_file(const std::filesystem::path& file, std::string_view content);

// Creates the directory `dir` (its parent must exist) or accepts it if it
// is one already, but never a symbolic link planted at its name: Xapian and
// SQLite would write through it. Throws IndexError naming `what`.
void make_index_directory(const std::filesystem::path& dir, std::string_view what);

// open(2) of a file in an index directory with O_NOFOLLOW, then a check that
// it is a regular file with one name (a hard link to a file elsewhere is as
// bad as a symlink). Returns the descriptor; throws IndexError naming the
// file, with "is a symbolic link" when it is one, else "cannot open WHAT".
int open_index_file(const std::filesystem::path& file, int flags, std::string_view what = "file");

}  // namespace newsdex
