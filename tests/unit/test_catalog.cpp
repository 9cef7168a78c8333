#include "catalog/catalog.h"
#include "catalog/sqlite.h"
#include "base/errors.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace newsdex;

TEST_CASE("a new catalog is created at the current schema version and reopens", "[catalog]") {
    testing::TempDir dir;
    auto file = dir.path() / "catalog.sqlite";
    {
        Catalog c(file, Catalog::Mode::ReadWrite);
        CHECK(c.schema_version() == Catalog::kSchemaVersion);
        Article a;
        a.id = "x";
        a.path = "/x";
        a.tags = {"Экономика"};
        c.upsert(7, a, "hash1", "text1", 10, 0);
    }
    Catalog again(file, Catalog::Mode::ReadWrite);
    CHECK(again.schema_version() == Catalog::kSchemaVersion);
    auto found = again.find("x");
    REQUIRE(found);
    CHECK(found->docid == 7);
    CHECK(found->hash == "hash1");
    CHECK(again.max_docid() == 7);
    CHECK(again.count() == 1);

    Catalog readonly(file, Catalog::Mode::ReadOnly);
    CHECK(readonly.count() == 1);
}

TEST_CASE("upsert on the same docid replaces the row", "[catalog]") {
    testing::TempDir dir;
    Catalog c(dir.path() / "c.sqlite", Catalog::Mode::ReadWrite);
    Article a;
    a.id = "x";
    a.path = "/x";
    c.upsert(1, a, "h1", "t", 1, 0);
    c.upsert(1, a, "h2", "t", 2, 0);
    CHECK(c.count() == 1);
    CHECK(c.find("x")->hash == "h2");
}

TEST_CASE("a catalog from a newer newsdex is refused", "[catalog]") {
    testing::TempDir dir;
    auto file = dir.path() / "c.sqlite";
    {
        Catalog c(file, Catalog::Mode::ReadWrite);
        c.db().exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_AS(Catalog(file, Catalog::Mode::ReadWrite), IndexError);
    CHECK_THROWS_AS(Catalog(file, Catalog::Mode::ReadOnly), IndexError);
}

TEST_CASE("meta values round-trip", "[catalog]") {
    testing::TempDir dir;
    Catalog c(dir.path() / "c.sqlite", Catalog::Mode::ReadWrite);
    CHECK_FALSE(c.meta("k"));
    c.set_meta("k", "v1");
    c.set_meta("k", "v2");
    CHECK(c.meta("k") == std::optional<std::string>("v2"));
}

TEST_CASE("a version 1 catalog is migrated in place, keeping its rows", "[catalog]") {
    testing::TempDir dir;
    auto file = dir.path() / "c.sqlite";
    {
        // The schema as newsdex 0.1 wrote it (frozen: this is history).
        sqlite::Database db(file, sqlite::Database::Mode::ReadWriteCreate);
        db.exec(R"sql(
            CREATE TABLE articles (docid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
                line INTEGER NOT NULL DEFAULT 0, url TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
                date TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]', hash TEXT NOT NULL, size INTEGER NOT NULL, indexed_at TEXT NOT NULL);
            CREATE INDEX articles_date ON articles(date);
            CREATE INDEX articles_source ON articles(source);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO articles (docid, id, path, hash, size, indexed_at) VALUES (3, 'old', '/old.txt', 'h', 1, 'x');
            PRAGMA user_version = 1;)sql");
    }
    Catalog c(file, Catalog::Mode::ReadWrite);
    CHECK(c.schema_version() == Catalog::kSchemaVersion);
    CHECK(c.find("old")->docid == 3);
    sqlite::Statement s(c.db(), "SELECT member, author, encoding, text_hash FROM articles WHERE id = 'old'");
    REQUIRE(s.step());
    CHECK(s.text(0).empty());
    CHECK_FALSE(c.find_duplicate("old"));
}
