#include "digest_state.h"

#include "base/errors.h"
#include "base/user_dirs.h"
#include "base/utc_time.h"
#include "index/index_layout.h"

#include <unistd.h>

#include <cstdlib>

namespace newsdex {

namespace {

std::filesystem::path state_dir() {
    const std::optional<std::filesystem::path> dir = user_state_dir();
    if (!dir) throw IndexError("--new: no folder to keep its state in: set HOME or XDG_STATE_HOME");
    return *dir;
}

sqlite::Database open_state(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw IndexError(dir.string() + ": cannot create the --new state folder: " + ec.message());
    return sqlite::Database(dir / "digests.sqlite", sqlite::Database::Mode::ReadWriteCreate);
}

}  // namespace

DigestState::DigestState(const std::filesystem::path& index_dir) : DigestState(index_dir, state_dir()) {}

DigestState::DigestState(const std::filesystem::path& index_dir, const std::filesystem::path& state_dir)
    : index_(normalized_dir(index_dir).string()),
      legacy_(index_dir / "state.sqlite"),
      db_(open_state(state_dir)) {
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, last_run TEXT NOT NULL)");
}

std::optional<std::string> DigestState::last_run(const std::string& key) {
    sqlite::Statement s(db_, "SELECT last_run FROM digests WHERE key = ?1");
    s.bind(1, index_ + '\x1f' + key);
    if (s.step()) return s.text(0);
    std::error_code ec;
    if (!std::filesystem::exists(legacy_, ec)) return std::nullopt;
    try {
        sqlite::Database legacy(legacy_, sqlite::Database::Mode::ReadOnly);
        sqlite::Statement old(legacy, "SELECT last_run FROM digests WHERE key = ?1");
        old.bind(1, key);
        if (old.step()) return old.text(0);
    } catch (const IndexError&) {
        // Unreadable: as if never run.
    }
    return std::nullopt;
}

void DigestState::record_run(const std::string& key, const std::string& stamp) {
    sqlite::run(db_, "INSERT INTO digests (key, last_run) VALUES (?1, ?2) "
                     "ON CONFLICT(key) DO UPDATE SET last_run = excluded.last_run",
                index_ + '\x1f' + key, stamp);
}

std::string digest_key(const std::string& query, const std::vector<std::string>& topics) {
    const char* user = std::getenv("USER");
    std::string key = user && *user ? user : std::to_string(::getuid());
    key += '\x1f' + query;
    for (const std::string& t : topics) key += '\x1f' + t;
    return key;
}


}  // namespace newsdex
