#include "index/index_layout.h"

#include "base/errors.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using newsdex::IndexError;
using newsdex::IndexLayout;
using newsdex::testing::TempDir;
namespace fs = std::filesystem;

namespace {

void write_stub(const fs::path& dir, const std::string& line) {
    std::ofstream(dir / "index.stub") << line << '\n';
}

}  // namespace

TEST_CASE("the live generation is found however the directory is spelled", "[layout]") {
    TempDir dir;
    fs::create_directories(dir.path() / "gen-000002" / "xapian");
    write_stub(dir.path(), "auto gen-000002/xapian");
    // A shell's completion adds the slash; scripts write "DIR/.".
    for (const fs::path& spelled : {dir.path(), fs::path(dir.path().string() + "/"), dir.path() / ".",
                                    dir.path() / "gen-000002" / ".."}) {
        INFO(spelled);
        const IndexLayout layout(spelled);
        const auto live = layout.live();
        REQUIRE(live);
        CHECK(fs::equivalent(live->dir, dir.path() / "gen-000002"));
        // Spelled as the directory is, so that the generation is not taken
        // for a stale one beside itself.
        CHECK(live->dir == spelled / "gen-000002");
    }
}

TEST_CASE("a removal of stale generations keeps the live one whatever the spelling", "[layout]") {
    TempDir dir;
    for (const char* gen : {"gen-000001", "gen-000002"}) fs::create_directories(dir.path() / gen / "xapian");
    write_stub(dir.path(), "auto gen-000002/xapian");
    IndexLayout(dir.path().string() + "/").remove_stale_generations();
    CHECK_FALSE(fs::exists(dir.path() / "gen-000001"));
    CHECK(fs::exists(dir.path() / "gen-000002" / "xapian"));
}

TEST_CASE("a stub naming anything outside the index directory is refused", "[layout]") {
    TempDir dir;
    fs::create_directories(dir.path() / "gen-000001" / "xapian");
    for (const char* target : {"../gen-000001/xapian", "/tmp/gen-000001/xapian", "other/xapian",
                                      "gen-000001/../../gen-000001/xapian"}) {
        INFO(target);
        write_stub(dir.path(), std::string("auto ") + target);
        CHECK_THROWS_AS(IndexLayout(dir.path().string() + "/").live(), IndexError);
        CHECK_THROWS_AS(IndexLayout(dir.path()).live(), IndexError);
    }
}

TEST_CASE("one directory has one normalized spelling", "[layout]") {
    TempDir dir;
    const fs::path plain = newsdex::normalized_dir(dir.path());
    CHECK(plain.is_absolute());
    CHECK(plain.filename() == dir.path().filename());
    for (const fs::path& spelled : {fs::path(dir.path().string() + "/"), dir.path() / ".", dir.path() / "x" / ".."})
        CHECK(newsdex::normalized_dir(spelled) == plain);
    // As --new's state is keyed (query/digest_state.cpp): a run given
    // "DIR/" finds what a run given "DIR" stored.
    CHECK(newsdex::normalized_dir(fs::relative(dir.path())) == plain);
}
