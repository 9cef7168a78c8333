#include "json_text.h"
#include "line_escape.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace newsdex;

TEST_CASE("ids and paths for --ids and --files are one line each, escaped", "[output]") {
    CHECK(escape_line("ria-000123") == "ria-000123");
    CHECK(escape_line("новости/пошлины.txt") == "новости/пошлины.txt");
    CHECK(escape_line("two\nlines") == "two\\nlines");
    CHECK(escape_line("tab\there\rcr") == "tab\\there\\rcr");
    CHECK(escape_line("back\\slash") == "back\\\\slash");  // so an escape is never ambiguous
    CHECK(escape_line("esc\x1b[31mred\x7f") == "esc\\x1b[31mred\\x7f");
    CHECK(escape_line("c1\xc2\x9b") == "c1\\xc2\\x9b");  // U+009B, a terminal's CSI
    // Bytes that are not UTF-8, each as itself: distinct ids stay distinct.
    CHECK(escape_line("odd\xff") == "odd\\xff");
    CHECK(escape_line("odd\xfe") == "odd\\xfe");
    CHECK(escape_line("cut\xd0") == "cut\\xd0");
}

TEST_CASE("JSON keeps ids that differ only in bytes that are not UTF-8 distinct", "[output]") {
    const nlohmann::ordered_json a{{"id", "odd\xff"}}, b{{"id", "odd\xfe"}};
    CHECK(json_text(a) == "{\"id\":\"odd\\udcff\"}");
    CHECK(json_text(b) == "{\"id\":\"odd\\udcfe\"}");
    CHECK(json_text(nlohmann::ordered_json{{"id", "cut\xd0 x"}}) == "{\"id\":\"cut\\udcd0 x\"}");
}

TEST_CASE("JSON of valid text is exactly what nlohmann writes", "[output]") {
    const nlohmann::ordered_json j{
        {"id", "two\nlines \"q\" back\\slash \x01 \x7f"}, {"title", "Пошлины на сталь"}, {"score", 1.2345},
        {"rank", 3}, {"tags", {"экономика", "США"}}, {"topics", nlohmann::ordered_json::object()},
        {"matched", nlohmann::ordered_json::array()}, {"partial", true}, {"none", nullptr},
        {"nested", {{"counts", {{"ria", 2}, {"(none)", 1}}}}}};
    CHECK(json_text(j) == j.dump());
}
