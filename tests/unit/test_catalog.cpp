#include "catalog.h"
#include "errors.h"
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
        c.upsert(7, a, "hash1", 10);
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
    c.upsert(1, a, "h1", 1);
    c.upsert(1, a, "h2", 2);
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
