// The SQLite catalog of article metadata. One row per article; `docid` is
// the article's Xapian document id (see schema.h).
#pragma once

#include "base/article.h"
#include "catalog/sqlite.h"

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsdex {

// What an input file looked like when it was last read.
struct FileRecord {
    std::string path;
    int64_t size = -1;
    int64_t mtime_ns = 0;
    int64_t inode = 0;
    std::string hash;
    int64_t articles = 0;
};

struct CatalogEntry {
    Xapian::docid docid = 0;
    std::string hash;
    std::string path, member;  // where the article was last read
    int64_t seen_run = 0;      // the last run that saw it
};

class Catalog {
public:
    enum class Mode { ReadOnly, ReadWrite };
    static constexpr int kSchemaVersion = 5;

    Catalog(const std::filesystem::path& file, Mode mode);

    std::optional<CatalogEntry> find(const std::string& id);
    // `run` is the run that saw the article (see begin_run).
    void upsert(Xapian::docid docid, const Article& article, const std::string& hash, const std::string& text_hash,
                int64_t size, int64_t run);
    void mark_seen(Xapian::docid docid, int64_t run);
    void delete_article(Xapian::docid docid);
    // The article, its topics and its duplicates move to another docid.
    void renumber(Xapian::docid from, Xapian::docid to);
    // Articles first..last move to new_first.., in order; nothing may be
    // between new_first and first but these.
    void move_range(Xapian::docid first, Xapian::docid last, Xapian::docid new_first);
    // The article's story thread (story_linker.h); empty: not known.
    void set_story(Xapian::docid docid, const std::string& story);
    // Replaces the article's topic scores.
    void set_topics(Xapian::docid docid, const std::vector<std::pair<std::string, double>>& scores);
    // Articles from `path` that run `not_seen_in_run` did not see.
    std::vector<Xapian::docid> articles_from(const std::string& path, int64_t not_seen_in_run);
    std::vector<std::pair<Xapian::docid, std::string>> all_articles();
    // Articles from files at or below the folder `root` (absolute).
    int64_t count_under(const std::string& root);

    // An indexed article whose text_fingerprint() is `text_hash`.
    std::optional<Xapian::docid> find_by_text(const std::string& text_hash);
    // Where an id was seen as a duplicate of an indexed article.
    std::optional<Xapian::docid> find_duplicate(const std::string& id);
    void record_duplicate(const Article& duplicate, Xapian::docid original);
    // Forgets the duplicates of an article; returns the files they were in.
    std::vector<std::string> take_duplicates_of(Xapian::docid docid);
    void delete_duplicates_from(const std::string& path);

    // Input files, for incremental runs: each handed over in turn (a
    // caller keeping them in its own form holds no second copy of them all),
    // or all at once.
    void for_each_file(const std::function<void(FileRecord&&)>& take);
    std::unordered_map<std::string, FileRecord> files();
    void upsert_file(const FileRecord& file);
    void delete_file(const std::string& path);
    void invalidate_file(const std::string& path);
    // A file renamed or moved: its articles and duplicates follow it.
    void move_file(const std::string& from, const FileRecord& to);

    // Runs: started before any batch, finished with its summary line.
    int64_t begin_run(const std::string& kind);
    void finish_run(int64_t run, const std::string& summary, int exit_code);
    Xapian::docid max_docid();
    int64_t count();

    std::optional<std::string> meta(const std::string& key);
    void set_meta(const std::string& key, const std::string& value);
    void delete_meta(const std::string& key);

    int schema_version();
    sqlite::Database& db() { return db_; }

private:
    void migrate();
    // Runs a cached one-parameter query whose first column is a docid.
    // A statement prepared on first use and kept for the catalog's life.
    sqlite::Statement& prepared(std::optional<sqlite::Statement>& slot, const char* sql);
    std::optional<Xapian::docid> docid_where(std::optional<sqlite::Statement>& cached, const char* sql,
                                             const std::string& key);

    sqlite::Database db_;
    // Prepared once: the indexer calls these for every article.
    std::optional<sqlite::Statement> find_;
    std::optional<sqlite::Statement> upsert_;
    std::optional<sqlite::Statement> find_text_;
    std::optional<sqlite::Statement> find_dup_;
    std::optional<sqlite::Statement> record_dup_;
    std::optional<sqlite::Statement> upsert_file_;
    std::optional<sqlite::Statement> mark_seen_;
    std::optional<sqlite::Statement> insert_topic_;
    std::optional<sqlite::Statement> set_story_;
};

}  // namespace newsdex
