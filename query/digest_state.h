// --new: remembers, per user, index and query, when it was last run, so a
// nightly digest shows only articles indexed since. Kept in the user's own
// state folder ($XDG_STATE_HOME/newsdex/digests.sqlite, else
// ~/.local/state/...), so a user who may only read the index can use it and
// a rebuild or compaction does not forget it. Runs recorded by newsdex
// before 2026-12 in <index>/state.sqlite are still found there.
#pragma once

#include "catalog/sqlite.h"
#include "base/utc_time.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

class DigestState {
public:
    explicit DigestState(const std::filesystem::path& index_dir);
    // The same, kept in `state_dir` (tests).
    DigestState(const std::filesystem::path& index_dir, const std::filesystem::path& state_dir);
    // YYYYMMDDHHMMSS of the last run of `key`, if there was one.
    std::optional<std::string> last_run(const std::string& key);
    void record_run(const std::string& key, const std::string& stamp);

private:
    std::string index_;  // the index's absolute path: part of every key
    std::filesystem::path legacy_;  // <index>/state.sqlite
    sqlite::Database db_;
};

// A key for this user and query.
std::string digest_key(const std::string& query, const std::vector<std::string>& topics);

}  // namespace newsdex
