// The SQLite catalog of article metadata. One row per article; `docid` is
// the article's Xapian document id (see schema.h).
#pragma once

#include "article.h"
#include "sqlite.h"

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

namespace newsdex {

struct CatalogEntry {
    Xapian::docid docid = 0;
    std::string hash;
};

class Catalog {
public:
    enum class Mode { ReadOnly, ReadWrite };
    static constexpr int kSchemaVersion = 2;

    Catalog(const std::filesystem::path& file, Mode mode);

    std::optional<CatalogEntry> find(const std::string& id);
    void upsert(Xapian::docid docid, const Article& article, const std::string& hash, const std::string& text_hash,
                int64_t size);

    // An indexed article whose text_fingerprint() is `text_hash`.
    std::optional<Xapian::docid> find_by_text(const std::string& text_hash);
    // Where an id was seen as a duplicate of an indexed article.
    std::optional<Xapian::docid> find_duplicate(const std::string& id);
    void record_duplicate(const Article& duplicate, Xapian::docid original);
    Xapian::docid max_docid();
    int64_t count();

    std::optional<std::string> meta(const std::string& key);
    void set_meta(const std::string& key, const std::string& value);

    int schema_version();
    sqlite::Database& db() { return db_; }

private:
    void migrate();
    // Runs a cached one-parameter query whose first column is a docid.
    std::optional<Xapian::docid> docid_where(std::optional<sqlite::Statement>& cached, const char* sql,
                                             const std::string& key);

    sqlite::Database db_;
    // Prepared once: the indexer calls these for every article.
    std::optional<sqlite::Statement> find_;
    std::optional<sqlite::Statement> upsert_;
    std::optional<sqlite::Statement> find_text_;
    std::optional<sqlite::Statement> find_dup_;
    std::optional<sqlite::Statement> record_dup_;
};

}  // namespace newsdex
