#include "catalog.h"

#include "errors.h"

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
};

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

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

std::optional<CatalogEntry> Catalog::find(const std::string& id) {
    if (!find_) find_.emplace(db_, "SELECT docid, hash FROM articles WHERE id = ?1");
    sqlite::Statement& s = *find_;
    s.bind(1, id);
    std::optional<CatalogEntry> entry;
    if (s.step()) entry = CatalogEntry{static_cast<Xapian::docid>(s.integer(0)), s.text(1)};
    s.reset();
    return entry;
}

std::optional<Xapian::docid> Catalog::docid_where(std::optional<sqlite::Statement>& cached, const char* sql,
                                                  const std::string& key) {
    if (!cached) cached.emplace(db_, sql);
    sqlite::Statement& s = *cached;
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
    if (!record_dup_)
        record_dup_.emplace(db_, R"sql(
            INSERT INTO duplicates (id, docid, path, member, line, found_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT(id) DO UPDATE SET docid = excluded.docid, path = excluded.path,
                member = excluded.member, line = excluded.line, found_at = excluded.found_at)sql");
    sqlite::Statement& s = *record_dup_;
    s.bind(1, a.id).bind(2, static_cast<int64_t>(original)).bind(3, a.path).bind(4, a.member).bind(5, a.line);
    s.bind(6, utc_now());
    s.run();
}

void Catalog::upsert(Xapian::docid docid, const Article& a, const std::string& hash, const std::string& text_hash,
                     int64_t size) {
    if (!upsert_) upsert_.emplace(db_, R"sql(
        INSERT INTO articles (docid, id, path, line, url, title, date, source, topic, tags, hash, size, indexed_at,
                              member, author, encoding, text_hash)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
        ON CONFLICT(docid) DO UPDATE SET
            id = excluded.id, path = excluded.path, line = excluded.line, url = excluded.url,
            title = excluded.title, date = excluded.date, source = excluded.source,
            topic = excluded.topic, tags = excluded.tags, hash = excluded.hash,
            size = excluded.size, indexed_at = excluded.indexed_at, member = excluded.member,
            author = excluded.author, encoding = excluded.encoding, text_hash = excluded.text_hash)sql");
    sqlite::Statement& s = *upsert_;
    s.bind(1, static_cast<int64_t>(docid)).bind(2, a.id).bind(3, a.path).bind(4, a.line);
    s.bind(5, a.url).bind(6, a.title).bind(7, a.date).bind(8, a.source).bind(9, a.topic);
    s.bind(10, nlohmann::json(a.tags).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.bind(11, hash).bind(12, size).bind(13, utc_now());
    s.bind(14, a.member).bind(15, a.author).bind(16, a.encoding).bind(17, text_hash);
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
    sqlite::Statement s(db_, "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value);
    s.run();
}

}  // namespace newsdex
