// A sharded archive: several newsdex indexes (shards) under one directory,
// listed in one Xapian stub file that Xapian's own tools and newsdex-query
// open as a single database.
//
//   <archive>/archive.stub        the stub (below)
//   <archive>/shards/<key>/       one shard: a normal newsdex index directory
//                                 (index.stub, gen-NNNNNN/, lock)
//   <archive>/lock                held by the indexer during a sharded run
//
// archive.stub is an ordinary Xapian stub file; Xapian ignores lines
// starting with '#', and newsdex keeps its facts about the shards there:
//
//   # newsdex archive
//   # shard-by: month
//   # shard: 2025-03 dates: 20250301..20250331
//   auto shards/2025-03/index.stub
//   # shard: 2025-07 dates: 20250702..20250722
//   remote 127.0.0.1:33445
//
// A "# shard:" line names the database line that follows it and the dates
// of the articles it holds ("dates: none": no dated article, so no
// date-limited query can match it). Database lines without one are opened
// for every query. Local shards point at the shard's own stub, which Xapian
// follows, so a shard switching generations needs no change here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

struct ShardEntry {
    std::string key;       // empty: a database line with no "# shard:" line
    std::string database;  // the stub line: "auto shards/2025-03/index.stub", "remote HOST:PORT"
    // YYYYMMDD of the first and last dated article; both empty: unknown.
    std::string first_date, last_date;
    bool no_dates = false;  // known to hold no dated article

    bool is_remote() const { return database.rfind("remote ", 0) == 0; }
    // May hold articles dated within [since, until] (YYYYMMDD, empty: open).
    bool may_match(const std::string& since, const std::string& until) const;
};

struct ArchiveStub {
    std::string shard_by;  // year, month or source
    std::vector<ShardEntry> shards;

    ShardEntry* find(const std::string& key);
    // Throws IndexError naming the file on a line it cannot read.
    static ArchiveStub read(const std::filesystem::path& file);
    // Atomically and durably (a new file renamed over the old).
    void write(const std::filesystem::path& file) const;
};

class ArchiveLayout {
public:
    explicit ArchiveLayout(std::filesystem::path dir) : dir_(std::move(dir)) {}
    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path stub() const { return dir_ / "archive.stub"; }
    std::filesystem::path lock_file() const { return dir_ / "lock"; }
    std::filesystem::path shard_dir(const std::string& key) const { return dir_ / "shards" / key; }
    static std::string local_database(const std::string& key) { return "auto shards/" + key + "/index.stub"; }

    // A directory holding archive.stub.
    static bool is_archive(const std::filesystem::path& dir);

private:
    std::filesystem::path dir_;
};

// The shard an article belongs to under `shard_by` (year, month, source):
// "2025", "2025-03", or the source made safe as a directory name.
// Articles without a date (or source) go to "undated" ("nosource").
std::string shard_key(const std::string& shard_by, const std::string& date, const std::string& source);
bool valid_shard_scheme(const std::string& shard_by);

// "HOST:PORT" → host and port; throws std::invalid_argument.
std::pair<std::string, unsigned> parse_host_port(const std::string& address);
// A stub line "remote [-t MS] HOST:PORT": host, port and timeout (ms, 0 if
// not given). nullopt for other remote forms (programs).
struct RemoteAddress {
    std::string host;
    unsigned port = 0;
    unsigned timeout_ms = 0;
};
std::optional<RemoteAddress> parse_remote_line(const std::string& database);

}  // namespace newsdex
