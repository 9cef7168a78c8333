#include "digest_state.h"

#include "utc_time.h"

#include <unistd.h>

#include <cstdlib>

namespace newsdex {

DigestState::DigestState(const std::filesystem::path& index_dir)
    : db_(index_dir / "state.sqlite", sqlite::Database::Mode::ReadWriteCreate) {
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, last_run TEXT NOT NULL)");
}

std::optional<std::string> DigestState::last_run(const std::string& key) {
    sqlite::Statement s(db_, "SELECT last_run FROM digests WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void DigestState::record_run(const std::string& key, const std::string& stamp) {
    sqlite::Statement s(db_, "INSERT INTO digests (key, last_run) VALUES (?1, ?2) "
                             "ON CONFLICT(key) DO UPDATE SET last_run = excluded.last_run");
    s.bind(1, key).bind(2, stamp);
    s.run();
}

std::string digest_key(const std::string& query, const std::vector<std::string>& topics) {
    const char* user = std::getenv("USER");
    std::string key = user && *user ? user : std::to_string(::getuid());
    key += '\x1f' + query;
    for (const std::string& t : topics) key += '\x1f' + t;
    return key;
}


}  // namespace newsdex
