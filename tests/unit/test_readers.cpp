#include "errors.h"
#include "jsonl_reader.h"
#include "text_reader.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace newsdex;

TEST_CASE("a text article is a title line and a body", "[readers]") {
    Article a = parse_text_article("\xEF\xBB\xBF\n  Заголовок статьи \r\nПервый абзац.\r\nВторой абзац.\r\n\r\n",
                                   "/data/news/a.txt", "/data");
    CHECK(a.title == "Заголовок статьи");
    CHECK(a.text == "Первый абзац.\nВторой абзац.");
    CHECK(a.id == "news/a.txt");
    CHECK(a.source == "news");
}

TEST_CASE("a text article outside the base keeps its absolute path as id", "[readers]") {
    Article a = parse_text_article("Заголовок\nТекст", "/elsewhere/a.txt", "/data");
    CHECK(a.id == "/elsewhere/a.txt");
}

TEST_CASE("empty and non-UTF-8 text files are rejected with the file named", "[readers]") {
    CHECK_THROWS_WITH(parse_text_article("", "/d/empty.txt", "/d"), Catch::Contains("/d/empty.txt") && Catch::Contains("empty"));
    CHECK_THROWS_WITH(parse_text_article(" \n\n ", "/d/blank.txt", "/d"), Catch::Contains("empty"));
    // "Пошлины" in Windows-1251
    CHECK_THROWS_WITH(parse_text_article("\xCF\xEE\xF8\xEB\xE8\xED\xFB", "/d/cp1251.txt", "/d"),
                      Catch::Contains("/d/cp1251.txt") && Catch::Contains("UTF-8"));
}

TEST_CASE("JSON Lines: good lines index, bad lines are rejected one by one", "[readers]") {
    std::istringstream in(
        "{\"id\":\"a-1\",\"title\":\"Первая\",\"text\":\"Текст\",\"date\":\"2025-11-24\",\"tags\":[\"Экономика\"],\"source\":\"ria\"}\n"
        "{not json}\n"
        "\n"
        "[1,2]\n"
        "{\"title\":\"\",\"text\":\"\"}\n"
        "{\"url\":\"https://x/2\",\"title\":\"Вторая\",\"text\":\"Текст\",\"date\":\"вчера\"}\n"
        "{\"title\":\"Третья\",\"text\":\"Текст\",\"tags\":5}\n"
        "{\"title\":\"Четвёртая\",\"text\":\"Текст\"}\n");
    std::vector<Article> got;
    std::vector<std::string> rejected;
    read_json_lines(in, "/d/feed.jsonl", "/d", [&](Article&& a) { got.push_back(std::move(a)); },
                    [&](const std::string& where, const std::string& why) { rejected.push_back(where + ": " + why); });
    REQUIRE(got.size() == 3);
    CHECK(got[0].id == "a-1");
    CHECK(got[0].date == "2025-11-24");
    CHECK(got[0].line == 1);
    CHECK(got[1].id == "https://x/2");   // no id: the url
    CHECK(got[1].date.empty());          // unparseable date is dropped, article kept
    CHECK(got[2].id == "feed.jsonl:8");  // neither: file and line
    REQUIRE(rejected.size() == 4);
    CHECK(rejected[0] == "/d/feed.jsonl:2: invalid JSON");
    CHECK(rejected[1] == "/d/feed.jsonl:4: not a JSON object");
    CHECK(rejected[2] == "/d/feed.jsonl:5: no title and no text");
    CHECK(rejected[3] == "/d/feed.jsonl:7: field 'tags' is not an array of strings");
}

TEST_CASE("ISO dates are validated", "[readers]") {
    CHECK(normalize_iso_date("2025-11-24") == "2025-11-24");
    CHECK(normalize_iso_date("2025-11-24T14:05:00Z") == "2025-11-24");
    CHECK(normalize_iso_date("2025-13-01").empty());
    CHECK(normalize_iso_date("24.11.2025").empty());
    CHECK(normalize_iso_date("").empty());
}
