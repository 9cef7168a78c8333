#include "base/errors.h"
#include "headline_like.h"
#include "small_index.h"
#include "query_syntax.h"
#include "search.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <random>

using namespace newsdex;

TEST_CASE("text meant as words is made words; columns stay", "[query][lenient]") {
    // Quotes that do not pair up are not phrases.
    CHECK(as_meant("«Зенит» играл потрясающе, ему не повезло»: игроки") ==
          " Зенит  играл потрясающе, ему не повезло : игроки");
    CHECK(as_meant("„рост цен“ газ") == "„рост цен“ газ");
    CHECK(as_meant("«а «б» в»") == " а  б  в ");
    CHECK(as_meant("\"рост цен") == " рост цен");
    // Dots outside a date range, and operators missing an operand.
    CHECK(as_meant("рост цен...") == "рост цен   ");
    CHECK(as_meant("газ date:2025-01-01..2025-02-01") == "газ date:2025-01-01..2025-02-01");
    CHECK(as_meant("AND рост цен OR") == "    рост цен   ");
    CHECK(as_meant("(AND газ) NOT") == "(    газ)    ");
    CHECK(as_meant("рост AND NOT цен") == "рост AND NOT цен");
    CHECK(as_meant("NOT газ") == "NOT газ");
    CHECK(as_meant("\"рост AND\" цен") == "\"рост AND\" цен");
    // Alone, an operator is the word asked for, not an empty query.
    CHECK(as_meant("OR") == "or");
    CHECK(as_meant("AND NOT") == "and not");
    CHECK(as_meant("(NEAR/3)") == "(near/3)");
    // Parentheses that do not pair up where a group would change nothing:
    // a fragment cut inside one, a list's "1)". Those that pair up stay.
    CHECK(as_meant("Доходы бюджета (без учета НДС") == "Доходы бюджета  без учета НДС");
    CHECK(as_meant("1) цены 2) курс") == "1  цены 2  курс");
    CHECK(as_meant("(пошлины) сталь)") == "(пошлины) сталь ");
    CHECK(as_meant("«рост (цен» газ") == "«рост (цен» газ");
    // Where a group would matter, they stay, for check_query_syntax.
    CHECK(as_meant("пошлины OR (сталь") == "пошлины OR (сталь");
    CHECK(as_meant("title:(сталь цены") == "title:(сталь цены");
    CHECK(as_meant("-(сталь цены") == "-(сталь цены");
    CHECK_THROWS_WITH(check_query_syntax(as_meant("пошлины OR (сталь")), Catch::Contains("at column 12"));
    CHECK_NOTHROW(check_query_syntax(as_meant("Мишустин оценил (ситуацию в российской экономике")));
}

TEST_CASE("any headline-like text is answered, or refused with a column", "[query][lenient]") {
    testing::TempDir dir;
    testing::write_small_index(dir.path());
    std::mt19937 random(2026);
    std::size_t answered = 0, refused = 0;
    for (int i = 0; i < 3000; ++i) {
        uint8_t bytes[12];
        const std::size_t size = 1 + random() % sizeof bytes;
        for (std::size_t b = 0; b < size; ++b) bytes[b] = static_cast<uint8_t>(random());
        SearchRequest request;
        request.indexes = {dir.path()};
        request.query = testing::headline_like(bytes, size);
        try {
            search(request);
            ++answered;
        } catch (const QueryError& e) {
            INFO(request.query << " → " << e.what());
            CHECK(testing::refusal_says_where(e.what()));
            ++refused;
        }
    }
    CHECK(answered > 1000);  // (with an operator, a '(' or ')' too many is refused, with its column)
}

TEST_CASE("an operator typed alone is searched as a word", "[query][lenient]") {
    testing::TempDir dir;
    testing::write_small_index(dir.path());
    for (const char* alone : {"OR", "AND NOT", "NEAR"}) {
        SearchRequest request;
        request.indexes = {dir.path()};
        request.query = alone;
        INFO(alone);
        CHECK_NOTHROW(search(request));  // was "empty query" (exit 2)
    }
}
