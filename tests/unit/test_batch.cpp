// --batch's input lines: plain text, or a JSON object whose keys override the
// command line's options for that line alone.
#include "base/errors.h"
#include "batch.h"

#include <catch2/catch.hpp>

using newsdex::line_options;
using newsdex::QueryError;
using newsdex::QueryOptions;

namespace {

QueryOptions defaults() {
    QueryOptions opt;
    opt.limit = 7;
    opt.since = "2025-01-01";
    opt.topics = {"sanctions"};
    return opt;
}

}  // namespace

TEST_CASE("a plain line is the query text, with the command line's options") {
    const QueryOptions opt = line_options(R"(  "пошлины на сталь" OR {не json)", defaults());
    REQUIRE(opt.words == std::vector<std::string>{R"(  "пошлины на сталь" OR {не json)"});
    CHECK(opt.limit == 7);
    CHECK(opt.since == "2025-01-01");
    CHECK(opt.topics == std::vector<std::string>{"sanctions"});
}

TEST_CASE("a JSON line's keys replace the defaults for that line") {
    const QueryOptions opt = line_options(
        R"({"query": "нефть", "limit": 3, "offset": 10, "since": "", "until": "30d", "sort": "-date",)"
        R"( "topic": ["energy", "economy"], "exact": true, "recent": true, "no_collapse": true, "facet": "year"})",
        defaults());
    CHECK(opt.words == std::vector<std::string>{"нефть"});
    CHECK(opt.limit == 3);
    CHECK(opt.offset == 10);
    CHECK(opt.since.empty());
    CHECK(opt.until == "30d");
    CHECK(opt.sort == "-date");
    CHECK(opt.topics == std::vector<std::string>{"energy", "economy"});
    CHECK(opt.exact);
    CHECK(opt.recent);
    CHECK(opt.no_collapse);
    CHECK(opt.facets == std::vector<std::string>{"year"});
}

TEST_CASE("a JSON line without a query searches by its filters alone") {
    const QueryOptions opt = line_options(R"({"topic": []})", defaults());
    CHECK(opt.words.empty());
    CHECK(opt.topics.empty());
    CHECK(opt.limit == 7);
}

TEST_CASE("a JSON line that is wrong says what is wrong") {
    const auto message = [](const std::string& line) {
        try {
            line_options(line, defaults());
        } catch (const QueryError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK_THAT(message(R"({"query": "x", "limt": 3})"), Catch::StartsWith("unknown key \"limt\""));
    CHECK_THAT(message(R"({"query": "x")"), Catch::StartsWith("not a JSON object: parse error"));
    CHECK(message(R"({"query": 5})") == "\"query\" must be a string");
    CHECK(message(R"({"limit": 0})") == "\"limit\" must be a whole number from 1 to 100000");
    CHECK(message(R"({"limit": 2.5})") == "\"limit\" must be a whole number from 1 to 100000");
    CHECK(message(R"({"offset": -1})") == "\"offset\" must be a whole number from 0 to 4000000000");
    CHECK(message(R"({"exact": "yes"})") == "\"exact\" must be true or false");
    CHECK(message(R"({"sort": "newest"})") == "\"sort\" must be relevance, date, -date, not 'newest'");
    CHECK(message(R"({"facet": ["source", "month"]})") == "\"facet\" must be source, year, topic, story, not 'month'");
    CHECK(message(R"({"topic": [1]})") == "\"topic\" must be a string or a list of strings");
}
