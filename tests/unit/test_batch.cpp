// --batch's input lines: plain text, or a JSON object whose keys override the
// command line's options for that line alone.
#include "base/errors.h"
#include "batch.h"
#include "ordered_output.h"
#include "test_articles.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <sstream>

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

// Answers made by several threads come out in the order of the lines.
TEST_CASE("answers are written in the order of their lines, each as soon as those before it are", "[batch]") {
    std::ostringstream out, err;
    newsdex::OrderedOutput output(out, err);
    output.put(2, {"two\n", "", true, false});
    CHECK(out.str().empty());  // waits for 1
    output.put(1, {"one\n", "note one\n", false, false});
    CHECK(out.str() == "one\ntwo\n");
    CHECK(err.str() == "note one\n");
    output.put(4, {"four\n", "", false, false});
    CHECK(out.str() == "one\ntwo\n");
    CHECK(output.any_hits());
    CHECK_FALSE(output.stopped());
}

TEST_CASE("after a final answer nothing more is written", "[batch]") {
    std::ostringstream out, err;
    newsdex::OrderedOutput output(out, err);
    output.put(3, {"three\n", "", true, false});
    output.put(2, {"two: index gone\n", "", false, true});
    output.put(1, {"one\n", "", false, false});
    CHECK(out.str() == "one\ntwo: index gone\n");
    CHECK(output.stopped());
    CHECK_FALSE(output.any_hits());  // three's hits were never written
    output.put(4, {"four\n", "", true, false});
    CHECK(out.str() == "one\ntwo: index gone\n");
}

namespace {

// run_batch over `lines` with `threads` threads: (exit status, stdout).
std::pair<int, std::string> batch(const std::filesystem::path& db, const std::string& lines, unsigned threads) {
    QueryOptions opt;
    opt.dbs = {db.string()};
    opt.threads = threads;
    opt.limit = 2;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(fmemopen(const_cast<char*>(lines.data()), lines.size(), "r"),
                                                        &std::fclose);
    std::ostringstream out;
    newsdex::TimeLimit unused(0, "");
    const int status = newsdex::run_batch(opt, in.get(), out, unused);
    return {status, out.str()};
}

}  // namespace

TEST_CASE("a batch answers alike on one thread and on several", "[batch]") {
    std::vector<newsdex::Article> articles;
    for (int i = 0; i < 40; ++i)
        articles.push_back(newsdex::testing::article("a" + std::to_string(i), "Заголовок " + std::to_string(i),
                                                     i % 2 ? "Пошлины на сталь выросли в " + std::to_string(i) + " раз."
                                                           : "Санкции против банков, выпуск " + std::to_string(i)));
    const newsdex::testing::ArticlesIndex index(articles);
    std::string lines;
    for (int i = 0; i < 30; ++i)
        lines += i % 5 == 4 ? "{\"query\": 42}\n" : i % 3 ? "пошлины сталь\n" : "санкции банков выпуск " + std::to_string(i) + "\n";
    const auto [one_status, one] = batch(index.path(), lines, 1);
    CHECK(one_status == 0);
    CHECK(one.find("\"type\":\"error\",\"query\":5,") != std::string::npos);
    for (unsigned threads : {2u, 4u}) {
        const auto [status, several] = batch(index.path(), lines, threads);
        CHECK(status == one_status);
        CHECK(several == one);
    }
}

TEST_CASE("a batch on an index that cannot be searched stops at its first line, whatever the threads", "[batch]") {
    const newsdex::testing::TempDir dir;
    for (unsigned threads : {1u, 3u}) {
        const auto [status, out] = batch(dir.path() / "no-such-index", "нефть\nгаз\nуголь\n", threads);
        CHECK(status == 2);
        CHECK(out.find("\"query\":1,") != std::string::npos);
        CHECK(out.find("\"query\":2,") == std::string::npos);
    }
}
