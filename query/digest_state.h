// --new: remembers, per user and query, when it was last run, so a nightly
// digest shows only articles indexed since. Kept in <index>/state.sqlite,
// beside the index generations rather than inside them, so a rebuild or
// compaction does not forget it, and the index itself stays read-only for
// the query tool.
#pragma once

#include "sqlite.h"
#include "utc_time.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

class DigestState {
public:
    explicit DigestState(const std::filesystem::path& index_dir);
    // YYYYMMDDHHMMSS of the last run of `key`, if there was one.
    std::optional<std::string> last_run(const std::string& key);
    void record_run(const std::string& key, const std::string& stamp);

private:
    sqlite::Database db_;
};

// A key for this user and query.
std::string digest_key(const std::string& query, const std::vector<std::string>& topics);

}  // namespace newsdex
