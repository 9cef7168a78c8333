#include "base/errors.h"
#include "index/shard_archive.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace newsdex;

TEST_CASE("shard keys by year, month and source", "[shards]") {
    CHECK(shard_key("year", "2025-03-14", "wire") == "2025");
    CHECK(shard_key("month", "2025-03-14T10:00:00Z", "wire") == "2025-03");
    CHECK(shard_key("month", "", "wire") == "undated");
    CHECK(shard_key("year", "14.03.2025", "wire") == "undated");
    CHECK(shard_key("source", "2025-03-14", "RIA Novosti") == "ria_novosti");
    CHECK(shard_key("source", "2025-03-14", "") == "nosource");
    CHECK(shard_key("source", "", "../etc") == "_.._etc");
    CHECK(shard_key("source", "", "ТАСС") == "ТАСС");  // UTF-8 names stay readable
}

TEST_CASE("a shard may match a date range only if its dates overlap it", "[shards]") {
    ShardEntry s{"2024", "auto shards/2024/index.stub", "20240105", "20241220", false};
    CHECK(s.may_match("", ""));
    CHECK(s.may_match("20241201", ""));
    CHECK(s.may_match("", "20240105"));
    CHECK_FALSE(s.may_match("20241221", ""));
    CHECK_FALSE(s.may_match("", "20240104"));
    CHECK_FALSE(s.may_match("20250101", "20250131"));
    ShardEntry undated{"undated", "auto shards/undated/index.stub", "", "", true};
    CHECK(undated.may_match("", ""));
    CHECK_FALSE(undated.may_match("20000101", ""));
    ShardEntry unknown{"", "remote host:1", "", "", false};
    CHECK(unknown.may_match("20250101", "20250102"));  // no dates known: always asked
}

TEST_CASE("archive stub round trip, readable as a plain Xapian stub", "[shards]") {
    testing::TempDir dir;
    ArchiveStub stub;
    stub.shard_by = "month";
    stub.shards.push_back({"2025-03", "auto shards/2025-03/index.stub", "20250301", "20250331", false});
    stub.shards.push_back({"2025-07", "remote 127.0.0.1:33445", "20250702", "20250722", false});
    stub.shards.push_back({"undated", "auto shards/undated/index.stub", "", "", true});
    const auto file = dir.path() / "archive.stub";
    stub.write(file);

    const ArchiveStub back = ArchiveStub::read(file);
    CHECK(back.shard_by == "month");
    REQUIRE(back.shards.size() == 3);
    CHECK(back.shards[1].key == "2025-07");
    CHECK(back.shards[1].is_remote());
    CHECK(back.shards[1].first_date == "20250702");
    CHECK(back.shards[2].no_dates);
    // Every line Xapian reads is a database line or a comment.
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        CHECK((line[0] == '#' || line.rfind("auto ", 0) == 0 || line.rfind("remote ", 0) == 0));
}

TEST_CASE("hand-written stub lines without shard comments are kept", "[shards]") {
    testing::TempDir dir;
    const auto file = dir.path() / "archive.stub";
    std::ofstream(file) << "# shard-by: year\nauto shards/2024/index.stub\n\n# a note\nremote 10.0.0.5:4000\n";
    const ArchiveStub stub = ArchiveStub::read(file);
    REQUIRE(stub.shards.size() == 2);
    CHECK(stub.shards[0].key.empty());
    CHECK(stub.shards[1].database == "remote 10.0.0.5:4000");
    std::ofstream(file) << "# shard: 2024 dates: 2024..2025\nauto x\n";
    CHECK_THROWS_AS(ArchiveStub::read(file), IndexError);
}

TEST_CASE("remote stub lines", "[shards]") {
    auto r = parse_remote_line("remote 127.0.0.1:4000");
    REQUIRE(r);
    CHECK(r->host == "127.0.0.1");
    CHECK(r->port == 4000);
    r = parse_remote_line("remote -t 2500 search-1.example.org:6000");
    REQUIRE(r);
    CHECK(r->host == "search-1.example.org");
    CHECK(r->timeout_ms == 2500);
    CHECK_FALSE(parse_remote_line("remote :xapian-progsrv /srv/db"));
    CHECK_FALSE(parse_remote_line("remote host:notaport"));
    CHECK_FALSE(parse_remote_line("auto shards/2024/index.stub"));
    CHECK_THROWS_AS(parse_host_port("host"), std::invalid_argument);
    CHECK_THROWS_AS(parse_host_port("host:70000"), std::invalid_argument);
}
