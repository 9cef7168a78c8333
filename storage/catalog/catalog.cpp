#include "catalog/catalog.h"

#include "base/errors.h"
#include "base/utc_time.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <vector>

namespace newsdex {
namespace {

// Each entry upgrades the schema by one version; never edit a shipped one.
const std::vector<const char*> kMigrations{
    // 1: articles and key/value metadata.
    R"sql(
    CREATE TABLE articles (
        docid      INTEGER PRIMARY KEY,  -- the Xapian document id
        id         TEXT NOT NULL UNIQUE, -- stable article id
        path       TEXT NOT NULL,        -- source file, absolute
        line       INTEGER NOT NULL DEFAULT 0,
        url        TEXT NOT NULL DEFAULT '',
        title      TEXT NOT NULL DEFAULT '',
        date       TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD or ''
        source     TEXT NOT NULL DEFAULT '',
        topic      TEXT NOT NULL DEFAULT '',
        tags       TEXT NOT NULL DEFAULT '[]', -- JSON array
        hash       TEXT NOT NULL,        -- content_hash() of the indexed fields
        size       INTEGER NOT NULL,     -- bytes of title + text
        indexed_at TEXT NOT NULL         -- UTC, ISO 8601
    );
    CREATE INDEX articles_date ON articles(date);
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    )sql",
    // 2: archive members, authors, encodings, and duplicates found elsewhere.
    R"sql(
    ALTER TABLE articles ADD COLUMN member TEXT NOT NULL DEFAULT '';   -- path inside an archive
    ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN encoding TEXT NOT NULL DEFAULT ''; -- detected input encoding
    ALTER TABLE articles ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';-- text_fingerprint()
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE TABLE duplicates (
        id       TEXT PRIMARY KEY,      -- the duplicate's own id
        docid    INTEGER NOT NULL,      -- the indexed article with the same text
        path     TEXT NOT NULL,
        member   TEXT NOT NULL DEFAULT '',
        line     INTEGER NOT NULL DEFAULT 0,
        found_at TEXT NOT NULL
    );
    CREATE INDEX duplicates_docid ON duplicates(docid);
    )sql",
    // 3: incremental runs: what each input file looked like when last read,
    // which run last saw each article, and a record of every run.
    R"sql(
    CREATE TABLE files (
        path     TEXT PRIMARY KEY,   -- absolute
        size     INTEGER NOT NULL,   -- -1: read it again next time
        mtime_ns INTEGER NOT NULL,
        inode    INTEGER NOT NULL,
        hash     TEXT NOT NULL,      -- XXH3-128 of the file's bytes
        articles INTEGER NOT NULL    -- articles it held (indexed or unchanged)
    );
    CREATE INDEX files_hash ON files(hash);
    CREATE INDEX articles_path ON articles(path);
    CREATE INDEX duplicates_path ON duplicates(path);
    ALTER TABLE articles ADD COLUMN seen_run INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        kind        TEXT NOT NULL,   -- index, rebuild, compact
        summary     TEXT,            -- the run's summary line
        exit_code   INTEGER          -- NULL while running, or if it died
    );
    )sql",
    // 4: topic scores of each article (also in Xapian values, schema.h).
    R"sql(
    CREATE TABLE article_topics (
        docid INTEGER NOT NULL,
        topic TEXT NOT NULL,
        score REAL NOT NULL,    -- 0..1
        PRIMARY KEY (docid, topic)
    );
    CREATE INDEX article_topics_topic ON article_topics(topic, score);
    )sql",
    // 5: story threads (also Xapian values 2 and 7, schema.h).
    R"sql(
    ALTER TABLE articles ADD COLUMN story TEXT;  -- 16 hex digits; NULL until the linker ran
    CREATE INDEX articles_story ON articles(story);
    )sql",
};


}  // namespace

Catalog::Catalog(const std::filesystem::path& file, Mode mode)
    : db_(file, mode == Mode::ReadOnly ? sqlite::Database::Mode::ReadOnly : sqlite::Database::Mode::ReadWriteCreate) {
    if (mode == Mode::ReadWrite) {
        // WAL lets queries read while the indexer writes.
        db_.exec("PRAGMA journal_mode=WAL");
        db_.exec("PRAGMA synchronous=NORMAL");
        migrate();
    } else if (schema_version() > kSchemaVersion) {
        throw IndexError(file.string() + ": catalog schema version " + std::to_string(schema_version()) +
                         " is newer than this newsdex understands (" + std::to_string(kSchemaVersion) + ")");
    }
}

int Catalog::schema_version() {
    sqlite::Statement s(db_, "PRAGMA user_version");
    s.step();
    return static_cast<int>(s.integer(0));
}

void Catalog::migrate() {
    int version = schema_version();
    if (version > kSchemaVersion)
        throw IndexError("catalog schema version " + std::to_string(version) + " is newer than this newsdex understands");
    for (int v = version; v < kSchemaVersion; ++v) {
        sqlite::Transaction tx(db_);
        db_.exec(kMigrations[static_cast<std::size_t>(v)]);
        db_.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

sqlite::Statement& Catalog::prepared(std::optional<sqlite::Statement>& slot, const char* sql) {
    if (!slot) slot.emplace(db_, sql);
    return *slot;
}

std::optional<CatalogEntry> Catalog::find(const std::string& id) {
    sqlite::Statement& s = prepared(find_, "SELECT docid, hash, path, member, seen_run FROM articles WHERE id = ?1");
    s.bind(1, id);
    std::optional<CatalogEntry> entry;
    if (s.step())
        entry = CatalogEntry{static_cast<Xapian::docid>(s.integer(0)), s.text(1), s.text(2), s.text(3), s.integer(4)};
    s.reset();
    return entry;
}

std::optional<Xapian::docid> Catalog::docid_where(std::optional<sqlite::Statement>& cached, const char* sql,
                                                  const std::string& key) {
    sqlite::Statement& s = prepared(cached, sql);
    s.bind(1, key);
    std::optional<Xapian::docid> docid;
    if (s.step()) docid = static_cast<Xapian::docid>(s.integer(0));
    s.reset();
    return docid;
}

std::optional<Xapian::docid> Catalog::find_by_text(const std::string& text_hash) {
    return docid_where(find_text_, "SELECT docid FROM articles WHERE text_hash = ?1 LIMIT 1", text_hash);
}

std::optional<Xapian::docid> Catalog::find_duplicate(const std::string& id) {
    return docid_where(find_dup_, "SELECT docid FROM duplicates WHERE id = ?1", id);
}

void Catalog::record_duplicate(const Article& a, Xapian::docid original) {
    sqlite::Statement& s = prepared(record_dup_, R"sql(
            INSERT INTO duplicates (id, docid, path, member, line, found_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT(id) DO UPDATE SET docid = excluded.docid, path = excluded.path,
                member = excluded.member, line = excluded.line, found_at = excluded.found_at)sql");
    s.bind(1, a.id).bind(2, static_cast<int64_t>(original)).bind(3, a.path).bind(4, a.member).bind(5, a.line);
    s.bind(6, utc_now());
    s.run();
}

void Catalog::upsert(Xapian::docid docid, const Article& a, const std::string& hash, const std::string& text_hash,
                     int64_t size, int64_t run) {
    sqlite::Statement& s = prepared(upsert_, R"sql(
        INSERT INTO articles (docid, id, path, line, url, title, date, source, topic, tags, hash, size, indexed_at,
                              member, author, encoding, text_hash, seen_run)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT(docid) DO UPDATE SET
            id = excluded.id, path = excluded.path, line = excluded.line, url = excluded.url,
            title = excluded.title, date = excluded.date, source = excluded.source,
            topic = excluded.topic, tags = excluded.tags, hash = excluded.hash,
            size = excluded.size, indexed_at = excluded.indexed_at, member = excluded.member,
            author = excluded.author, encoding = excluded.encoding, text_hash = excluded.text_hash,
            seen_run = excluded.seen_run)sql");
    s.bind(1, static_cast<int64_t>(docid)).bind(2, a.id).bind(3, a.path).bind(4, a.line);
    s.bind(5, a.url).bind(6, a.title).bind(7, a.date).bind(8, a.source).bind(9, a.topic);
    s.bind(10, nlohmann::json(a.tags).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.bind(11, hash).bind(12, size).bind(13, utc_now());
    s.bind(14, a.member).bind(15, a.author).bind(16, a.encoding).bind(17, text_hash).bind(18, run);
    s.run();
}

void Catalog::set_story(Xapian::docid docid, const std::string& story) {
    sqlite::Statement& s = prepared(set_story_, "UPDATE articles SET story = ?2 WHERE docid = ?1");
    s.bind(1, static_cast<int64_t>(docid));
    if (story.empty()) s.bind_null(2);
    else s.bind(2, story);
    s.run();
}

Xapian::docid Catalog::max_docid() {
    sqlite::Statement s(db_, "SELECT COALESCE(MAX(docid), 0) FROM articles");
    s.step();
    return static_cast<Xapian::docid>(s.integer(0));
}

int64_t Catalog::count() {
    sqlite::Statement s(db_, "SELECT COUNT(*) FROM articles");
    s.step();
    return s.integer(0);
}

std::optional<std::string> Catalog::meta(const std::string& key) {
    sqlite::Statement s(db_, "SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void Catalog::set_meta(const std::string& key, const std::string& value) {
    sqlite::run(db_, "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value);
}

void Catalog::delete_meta(const std::string& key) {
    sqlite::run(db_, "DELETE FROM meta WHERE key = ?1", key);
}

void Catalog::for_each_file(const std::function<void(FileRecord&&)>& take) {
    sqlite::Statement s(db_, "SELECT path, size, mtime_ns, inode, hash, articles FROM files");
    while (s.step()) take(FileRecord{s.text(0), s.integer(1), s.integer(2), s.integer(3), s.text(4), s.integer(5)});
}

std::unordered_map<std::string, FileRecord> Catalog::files() {
    std::unordered_map<std::string, FileRecord> out;
    for_each_file([&](FileRecord&& f) {
        std::string path = f.path;
        out.emplace(std::move(path), std::move(f));
    });
    return out;
}

void Catalog::upsert_file(const FileRecord& f) {
    sqlite::Statement& s = prepared(upsert_file_, R"sql(
            INSERT INTO files (path, size, mtime_ns, inode, hash, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,
                inode = excluded.inode, hash = excluded.hash, articles = excluded.articles)sql");
    s.bind(1, f.path).bind(2, f.size).bind(3, f.mtime_ns).bind(4, f.inode).bind(5, f.hash).bind(6, f.articles);
    s.run();
}

void Catalog::delete_file(const std::string& path) {
    sqlite::run(db_, "DELETE FROM files WHERE path = ?1", path);
}

void Catalog::invalidate_file(const std::string& path) {
    sqlite::run(db_, "UPDATE files SET size = -1 WHERE path = ?1", path);
}

void Catalog::move_file(const std::string& from, const FileRecord& to) {
    delete_file(from);
    upsert_file(to);
    for (const char* sql : {"UPDATE articles SET path = ?2 WHERE path = ?1", "UPDATE duplicates SET path = ?2 WHERE path = ?1"})
        sqlite::run(db_, sql, from, to.path);
}

std::vector<Xapian::docid> Catalog::articles_from(const std::string& path, int64_t not_seen_in_run) {
    sqlite::Statement s(db_, "SELECT docid FROM articles WHERE path = ?1 AND seen_run != ?2");
    s.bind(1, path).bind(2, not_seen_in_run);
    std::vector<Xapian::docid> out;
    while (s.step()) out.push_back(static_cast<Xapian::docid>(s.integer(0)));
    return out;
}

void Catalog::mark_seen(Xapian::docid docid, int64_t run) {
    sqlite::Statement& s = prepared(mark_seen_, "UPDATE articles SET seen_run = ?2 WHERE docid = ?1");
    s.bind(1, static_cast<int64_t>(docid)).bind(2, run);
    s.run();
}

void Catalog::delete_article(Xapian::docid docid) {
    for (const char* sql : {"DELETE FROM articles WHERE docid = ?1", "DELETE FROM article_topics WHERE docid = ?1"})
        sqlite::run(db_, sql, docid);
}

void Catalog::renumber(Xapian::docid from, Xapian::docid to) {
    for (const char* sql : {"UPDATE articles SET docid = ?2 WHERE docid = ?1",
                            "UPDATE article_topics SET docid = ?2 WHERE docid = ?1",
                            "UPDATE duplicates SET docid = ?2 WHERE docid = ?1"})
        sqlite::run(db_, sql, from, to);
}

void Catalog::move_range(Xapian::docid first, Xapian::docid last, Xapian::docid new_first) {
    if (first == new_first) return;
    // Through negative ids, so no row lands on one not yet moved.
    for (const char* table : {"articles", "article_topics", "duplicates"}) {
        sqlite::Statement away(db_, std::string("UPDATE ") + table +
                                        " SET docid = -(docid - ?1 + ?3) WHERE docid BETWEEN ?1 AND ?2");
        away.bind(1, static_cast<int64_t>(first)).bind(2, static_cast<int64_t>(last));
        away.bind(3, static_cast<int64_t>(new_first));
        away.run();
        sqlite::Statement back(db_, std::string("UPDATE ") + table + " SET docid = -docid WHERE docid < 0");
        back.run();
    }
}

std::vector<std::string> Catalog::take_duplicates_of(Xapian::docid docid) {
    std::vector<std::string> paths;
    {
        sqlite::Statement s(db_, "SELECT DISTINCT path FROM duplicates WHERE docid = ?1");
        s.bind(1, static_cast<int64_t>(docid));
        while (s.step()) paths.push_back(s.text(0));
    }
    sqlite::run(db_, "DELETE FROM duplicates WHERE docid = ?1", docid);
    return paths;
}

void Catalog::delete_duplicates_from(const std::string& path) {
    sqlite::run(db_, "DELETE FROM duplicates WHERE path = ?1", path);
}

std::vector<std::pair<Xapian::docid, std::string>> Catalog::all_articles() {
    sqlite::Statement s(db_, "SELECT docid, id FROM articles ORDER BY docid");
    std::vector<std::pair<Xapian::docid, std::string>> out;
    while (s.step()) out.emplace_back(static_cast<Xapian::docid>(s.integer(0)), s.text(1));
    return out;
}

int64_t Catalog::count_under(const std::string& root) {
    sqlite::Statement s(db_, "SELECT COUNT(*) FROM articles WHERE path = ?1 OR substr(path, 1, length(?2)) = ?2");
    s.bind(1, root).bind(2, root.back() == '/' ? root : root + "/");
    s.step();
    return s.integer(0);
}

int64_t Catalog::begin_run(const std::string& kind) {
    sqlite::run(db_, "INSERT INTO runs (started_at, kind) VALUES (?1, ?2)", utc_now(), kind);
    return sqlite3_last_insert_rowid(db_.handle());
}

void Catalog::finish_run(int64_t run, const std::string& summary, int exit_code) {
    sqlite::run(db_, "UPDATE runs SET finished_at = ?2, summary = ?3, exit_code = ?4 WHERE id = ?1", run, utc_now(),
                summary, exit_code);
}

}  // namespace newsdex

namespace newsdex {

void Catalog::set_topics(Xapian::docid docid, const std::vector<std::pair<std::string, double>>& scores) {
    sqlite::run(db_, "DELETE FROM article_topics WHERE docid = ?1", docid);
    if (scores.empty()) return;
    sqlite::Statement& insert =
        prepared(insert_topic_, "INSERT INTO article_topics (docid, topic, score) VALUES (?1, ?2, ?3)");
    for (const auto& [topic, score] : scores)
        insert.bind(1, static_cast<int64_t>(docid)).bind(2, topic).bind_real(3, score).run();
}

}  // namespace newsdex
