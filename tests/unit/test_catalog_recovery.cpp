// A catalog lost, emptied or restored from an older copy is rebuilt from the
// index's documents, deleting no article; an index older than its catalog,
// or one whose files changed behind newsdex's back, is refused by writers.
#include "analysis/analyzer.h"
#include "catalog/catalog.h"
#include "index/generation_compactor.h"
#include "index/index_file.h"
#include "index_fixture.h"
#include "index/index_writer.h"
#include "index/recovery.h"
#include "catalog/sqlite.h"
#include "index/table_fingerprint.h"
#include "temp_dir.h"
#include "analysis/topic_profiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

Article article(const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.path = "/src/" + id + ".txt";
    a.title = "Пошлины на " + id;
    a.text = text;
    a.date = "2025-11-24";
    a.source = "Wire";
    a.url = "https://example.ru/" + id;
    a.tags = {"экономика", id};
    return a;
}

const std::string kTariffText =
    "Правительство повысило импортные пошлины на сталь. Пошлины и тарифы вырастут, "
    "торговая война с США и таможенные пошлины обсуждают в ВТО; экспорт и импорт падают.";

TopicProfiles shipped_profiles() {
    Analyzer analyzer;
    return load_topic_profiles(analyzer, std::nullopt);
}

// Every column of every row but indexed_at and seen_run, and the topics.
std::vector<std::string> catalog_rows(const Generation& g) {
    Catalog c(g.catalog(), Catalog::Mode::ReadOnly);
    std::vector<std::string> out;
    sqlite::Statement s(c.db(), "SELECT docid, id, path, line, url, title, date, source, topic, tags, hash, size, "
                                "member, author, encoding, text_hash FROM articles ORDER BY docid");
    while (s.step()) {
        std::string row;
        for (int i = 0; i < 16; ++i) row += s.text(i) + "|";
        out.push_back(row);
    }
    sqlite::Statement t(c.db(), "SELECT docid, topic, round(score, 6) FROM article_topics ORDER BY docid, topic");
    while (t.step()) out.push_back("topic " + t.text(0) + " " + t.text(1) + " " + t.text(2));
    return out;
}

Xapian::doccount documents(const Generation& g) { return Xapian::Database(g.xapian().string()).get_doccount(); }

void write_articles(const Generation& g, const TopicProfiles& profiles, int first, int last) {
    WriterOptions options;
    options.topics = &profiles;
    IndexWriter w(g, options);
    for (int i = first; i <= last; ++i) w.write(article("a" + std::to_string(i), kTariffText + " Номер " + std::to_string(i)));
    w.seal();
}

void flip_middle_byte(const fs::path& file) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    const std::streamoff middle = f.tellg() / 2;
    f.seekg(middle);
    char c = 0;
    f.get(c);
    f.seekp(middle);
    f.put(static_cast<char>(c ^ 0x55));
}

}  // namespace

TEST_CASE("a deleted catalog is rebuilt from the documents, every row and topic as it was", "[recovery]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 30);
    const std::vector<std::string> before = catalog_rows(g);
    REQUIRE(before.size() > 30);  // some topic rows too
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(g.catalog().string() + suffix);

    WriterOptions options;
    options.topics = &profiles;
    {
        IndexWriter w(g, options);
        CHECK(w.catalog_rebuild().restored == 30);
        CHECK(w.catalog_rebuild().removed_documents == 0);
        CHECK(w.repaired() == 0);
    }
    CHECK(documents(g) == 30);
    CHECK(catalog_rows(g) == before);
    Catalog c(g.catalog(), Catalog::Mode::ReadOnly);
    CHECK(find_inconsistencies(g.xapian(), c).empty());
}

TEST_CASE("a catalog truncated to nothing is rebuilt the same way", "[recovery]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 12);
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(g.catalog().string() + suffix);
    std::ofstream(g.catalog(), std::ios::trunc).close();
    IndexWriter w(g, WriterOptions{});
    CHECK(w.catalog_rebuild().restored == 12);
    CHECK(documents(g) == 12);
    CHECK(w.catalog().count() == 12);
}

TEST_CASE("a catalog restored from an older copy gets the rows it lacks, and no document goes", "[recovery]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 10);
    const fs::path old_copy = dir.path() / "catalog-backup.sqlite";
    {
        Catalog c(g.catalog(), Catalog::Mode::ReadWrite);
        sqlite::Statement vacuum(c.db(), "VACUUM INTO ?1");
        vacuum.bind(1, old_copy.string());
        vacuum.run();
    }
    write_articles(g, profiles, 11, 20);
    write_articles(g, profiles, 21, 30);  // two revisions later: not one interrupted batch
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(g.catalog().string() + suffix);
    fs::copy_file(old_copy, g.catalog());

    WriterOptions options;
    options.topics = &profiles;
    IndexWriter w(g, options);
    CHECK(w.catalog_rebuild().restored == 20);
    CHECK(w.repaired() == 0);
    CHECK(documents(g) == 30);
    CHECK(w.catalog().count() == 30);
}

TEST_CASE("an index older than its catalog is refused; --rebuild-catalog makes the catalog follow it", "[recovery]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 10);
    const fs::path old_index = dir.path() / "xapian-backup";
    fs::copy(g.xapian(), old_index);
    write_articles(g, profiles, 11, 15);
    write_articles(g, profiles, 16, 20);
    fs::remove_all(g.xapian());
    fs::copy(old_index, g.xapian());

    CHECK_THROWS_WITH(IndexWriter(g, WriterOptions{}), Catch::Contains("older than its catalog"));
    {
        Catalog c(g.catalog(), Catalog::Mode::ReadOnly);
        CHECK(c.count() == 20);  // refused: nothing changed
    }
    WriterOptions rebuild;
    rebuild.rebuild_catalog = true;
    IndexWriter w(g, rebuild);
    CHECK(w.catalog_rebuild().removed_rows == 10);
    CHECK(w.catalog_rebuild().restored == 0);
    CHECK(w.catalog().count() == 10);
    CHECK(documents(g) == 10);
}

TEST_CASE("a writer refuses to write into an index whose files changed since it was sealed", "[recovery][damage]") {
    const char* table = GENERATE("postlist.glass", "position.glass", "termlist.glass");
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    // Enough text that a flip in the middle of a table lands in a leaf
    // block, which Xapian itself does not notice when it opens the table.
    write_articles(g, profiles, 1, 200);
    flip_middle_byte(g.xapian() / table);

    IndexWriter w(g, WriterOptions{});
    CHECK(w.write(article("a1", kTariffText + " Номер 1")) == WriteOutcome::Unchanged);  // reading is fine
    CHECK_THROWS_WITH(w.write(article("new", "другой текст")), Catch::Contains("changed since newsdex last wrote them"));
}

TEST_CASE("an index only read, or opened by a writer that changed nothing, stays as sealed", "[recovery][damage]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 20);
    {
        Catalog c(g.catalog(), Catalog::Mode::ReadOnly);
        REQUIRE(c.meta(kTablesMeta));
    }
    {
        IndexWriter idle(g, WriterOptions{});
        idle.write(article("a3", kTariffText + " Номер 3"));  // unchanged
        idle.commit();
    }
    { Xapian::Database reader(g.xapian().string()); }
    write_articles(g, profiles, 21, 22);  // would throw if the fingerprint had gone stale
    CHECK(documents(g) == 22);
}

TEST_CASE("an index fingerprinted by an older version is checked again from its next writing run",
          "[recovery][damage]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 200);  // enough that the flip below lands in a leaf block
    {
        Catalog c(g.catalog(), Catalog::Mode::ReadWrite);
        const std::string recorded = *c.meta(kTablesMeta);
        c.delete_meta(kTablesMeta);
        // The older version's key: its hash is of another kind, never compared.
        c.set_meta("xapian_tables", recorded.substr(0, recorded.find(' ')) + " 0123456789abcdef0123456789abcdef");
    }
    write_articles(g, profiles, 201, 202);
    {
        Catalog c(g.catalog(), Catalog::Mode::ReadOnly);
        CHECK(c.meta(kTablesMeta));
        CHECK_FALSE(c.meta("xapian_tables"));
    }
    flip_middle_byte(g.xapian() / "postlist.glass");
    IndexWriter w(g, WriterOptions{});
    CHECK_THROWS_WITH(w.write(article("new", "другой текст")), Catch::Contains("changed since newsdex last wrote them"));
}

TEST_CASE("a writer refuses when the catalog and the index count different articles", "[recovery][damage]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 5);
    {
        Catalog c(g.catalog(), Catalog::Mode::ReadWrite);
        c.db().exec("DELETE FROM articles WHERE id = 'a2'");
    }
    IndexWriter w(g, WriterOptions{});
    CHECK_THROWS_WITH(w.write(article("new", "другой текст")),
                      Catch::Contains("the index holds 5 documents but the catalog 4 articles"));
    CHECK(w.repair() == 1);  // what `check` does: the row comes back from the document
    CHECK(w.catalog().count() == 5);
}

TEST_CASE("a compaction that fails leaves no generation behind", "[recovery][compaction]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 5);
    {
        // The compacted copy then fails its check against the catalog.
        Catalog c(g.catalog(), Catalog::Mode::ReadWrite);
        c.db().exec("UPDATE articles SET hash = 'x' WHERE id = 'a3'");
    }
    const IndexLayout layout(dir.path());
    CHECK_THROWS_WITH(compact_generation(layout, g), Catch::Contains("failed its check"));
    std::vector<std::string> entries;
    for (const auto& e : fs::directory_iterator(dir.path())) entries.push_back(e.path().filename().string());
    std::sort(entries.begin(), entries.end());
    CHECK(entries == std::vector<std::string>{g.dir.filename().string(), "index.stub"});
}

TEST_CASE("the index fingerprint covers every table file and changes with any byte", "[recovery][damage]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    const TopicProfiles profiles = shipped_profiles();
    write_articles(g, profiles, 1, 3);
    const std::string before = table_fingerprint(g.xapian());
    CHECK(before.size() == 32);
    CHECK(table_fingerprint(g.xapian()) == before);
    flip_middle_byte(g.xapian() / "docdata.glass");
    CHECK(table_fingerprint(g.xapian()) != before);
}

TEST_CASE("a generation or segment directory planted as a symbolic link is refused", "[recovery][symlink]") {
    testing::TempDir dir;
    fs::create_directories(dir.path() / "elsewhere");
    fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "gen-000001");
    CHECK_THROWS_WITH(make_index_directory(dir.path() / "gen-000001", "index generation"),
                      Catch::Contains("is a symbolic link"));
    CHECK_THROWS_WITH(IndexWriter(Generation{dir.path() / "gen-000001"}), Catch::Contains("is a symbolic link"));
    CHECK(fs::is_empty(dir.path() / "elsewhere"));
    make_index_directory(dir.path() / "real", "index generation");
    make_index_directory(dir.path() / "real", "index generation");  // an existing directory is fine
    CHECK(fs::is_directory(dir.path() / "real"));
}
