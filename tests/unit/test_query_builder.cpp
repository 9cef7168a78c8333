#include "analysis/analyzer.h"
#include "base/errors.h"
#include "base/schema.h"
#include "index/index_reader.h"
#include "index_fixture.h"
#include "index/index_writer.h"
#include "query_builder.h"
#include "search.h"
#include "temp_dir.h"
#include "test_articles.h"
#include "term_budget.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace newsdex;

namespace {

using testing::request_for;

using testing::article;

struct Fixture {
    testing::TempDir dir;
    Fixture() {
        testing::write_articles(dir.path(), {
            article("tariffs", "Новые пошлины", "США ввели пошлины на сталь. Россия не будет отвечать."),
            article("duties", "Пошлинами обложили", "Товары обложили пошлинами. Об этом будет объявлено."),
            article("shop", "Интернет-магазины", "Интернет-магазинами пользуются все, и в Ростове-на-Дону тоже."),
            article("tree", "Ёлка", "На площади поставили ёлку."),
            article("percent", "Цены", "Цены выросли 25% за год, нефть по $40."),
            article("years", "Юбилей", "Прошло 25 лет и 40 дней."),
        });
    }
    std::set<std::string> ids(const std::string& q) {
        SearchRequest r = request_for(dir.path(), q, 100);
        std::set<std::string> out;
        for (const Hit& h : search(r).hits) out.insert(h.article.id);
        return out;
    }
};

}  // namespace

TEST_CASE("all forms and cases of a query word find the same articles", "[query]") {
    Fixture f;
    const std::set<std::string> expected{"tariffs", "duties"};
    CHECK(f.ids("Пошлина") == expected);
    CHECK(f.ids("ПОШЛИНАМИ") == expected);
    CHECK(f.ids("пошлины") == expected);
    CHECK(f.ids("пошлин") == expected);
}

TEST_CASE("an exact-form match ranks above a stem-only match", "[query]") {
    Fixture f;
    SearchRequest r = request_for(f.dir.path(), "пошлинами", 10);
    auto hits = search(r).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].article.id == "duties");
    SearchRequest r2 = request_for(f.dir.path(), "пошлины", 10);
    CHECK(search(r2).hits[0].article.id == "tariffs");
}

TEST_CASE("ё and е find each other; look-alike letters are repaired", "[query]") {
    Fixture f;
    CHECK(f.ids("елка") == std::set<std::string>{"tree"});
    CHECK(f.ids("ЁЛКУ") == std::set<std::string>{"tree"});
    CHECK(f.ids("Пoшлины") == std::set<std::string>{"tariffs", "duties"});  // Latin o
}

TEST_CASE("phrases keep their stopwords, and 'не' is never dropped", "[query]") {
    Fixture f;
    CHECK(f.ids("\"не будет\"") == std::set<std::string>{"tariffs"});
    CHECK(f.ids("не") == std::set<std::string>{"tariffs"});
    CHECK(f.ids("россия") == std::set<std::string>{"tariffs"});
}

TEST_CASE("a query made only of stopwords still works", "[query]") {
    Fixture f;
    CHECK(f.ids("будет") == std::set<std::string>{"tariffs", "duties"});
    CHECK(f.ids("на") == std::set<std::string>{"tariffs", "shop", "tree"});
    CHECK(f.ids("в на") == std::set<std::string>{"shop"});
}

TEST_CASE("a compound in any inflection finds the compound", "[query]") {
    Fixture f;
    CHECK(f.ids("интернет-магазин") == std::set<std::string>{"shop"});
    CHECK(f.ids("Ростову-на-Дону") == std::set<std::string>{"shop"});  // text says "Ростове-на-Дону"
    CHECK(f.ids("интернет") == std::set<std::string>{"shop"});
}

TEST_CASE("decorated numbers match as typed; bare numbers match both", "[query]") {
    Fixture f;
    CHECK(f.ids("25%") == std::set<std::string>{"percent"});
    CHECK(f.ids("$40") == std::set<std::string>{"percent"});
    CHECK(f.ids("25") == std::set<std::string>{"percent", "years"});
}

TEST_CASE("boolean operators survive normalization", "[query]") {
    Fixture f;
    CHECK(f.ids("пошлины NOT сталь") == std::set<std::string>{"duties"});
    CHECK(f.ids("ёлка OR сталь") == std::set<std::string>{"tree", "tariffs"});
    CHECK(f.ids("title:пошлины") == std::set<std::string>{"tariffs", "duties"});
}

TEST_CASE("empty or meaningless queries are errors, not crashes", "[query]") {
    Fixture f;
    CHECK_THROWS_AS(f.ids(""), QueryError);
    CHECK_THROWS_AS(f.ids("   "), QueryError);
    // An unclosed quote is text pasted with it: words (issue 21; it was
    // refused before).
    CHECK_NOTHROW(f.ids("\"незакрытая кавычка"));
    // So is a parenthesis that does not pair up where a group would change
    // nothing; where there are operators to group, it is refused.
    CHECK_NOTHROW(f.ids("пошлины (скобка"));
    CHECK_NOTHROW(f.ids("пошлины)"));
    CHECK_THROWS_WITH(f.ids("пошлины OR (скобка"), Catch::Contains("unclosed '(' at column 12"));
    CHECK_THROWS_WITH(f.ids("пошлины OR скобка)"), Catch::Contains("')' without '('"));
    CHECK_THROWS_WITH(f.ids("date:2025-13-01..2025-12-31"), Catch::Contains("bad date"));
    CHECK_NOTHROW(f.ids("\"скобка ( в кавычках\""));
}

TEST_CASE("a missing index is an IndexError naming the directory", "[query]") {
    testing::TempDir dir;
    SearchRequest r = request_for(dir.path() / "nope", "пошлины", 10);
    try {
        search(r);
        FAIL("no error");
    } catch (const IndexError& e) {
        CHECK(std::string(e.what()).find("nope") != std::string::npos);
    }
}

TEST_CASE("query text over --max-query-bytes is refused before it is analysed", "[query][limits]") {
    Fixture f;
    SearchRequest r = request_for(f.dir.path(), "пошлины " + std::string(5000, 'a'), 10);
    r.limits.max_query_bytes = 4096;
    REQUIRE_THROWS_WITH(search(r), Catch::Contains("bytes, more than 4096") && Catch::Contains("--max-query-bytes"));
    r.query = "пошлины";
    CHECK(search(r).hits.size() == 2);
}

TEST_CASE("a query of more terms than --max-terms is refused, wildcards counted by what they stand for",
          "[query][limits]") {
    Fixture f;
    SearchRequest r = request_for(f.dir.path(), "пошлины OR цены OR ёлка", 10);
    r.limits.max_terms = 2;
    REQUIRE_THROWS_WITH(search(r), Catch::Contains("more than 2 terms") && Catch::Contains("--max-terms"));
    r.limits.max_terms = 3;
    CHECK(search(r).hits.size() == 4);
    // "пош*" stands for пошлины and пошлинами: two terms, not one.
    r.query = "пош* OR цены";
    r.limits.max_terms = 2;
    REQUIRE_THROWS_WITH(search(r), Catch::Contains("more than 2 terms"));
    r.limits.max_terms = 0;  // no limit
    CHECK(search(r).hits.size() == 3);
}

TEST_CASE("a wildcard over --max-expansion searches its most frequent words, and says so", "[query][limits]") {
    Fixture f;
    // "пошлин*": пошлины (2 articles: tariffs twice, duties' title has
    // "пошлинами") and пошлинами (duties); the most frequent one is kept.
    SearchRequest r = request_for(f.dir.path(), "пошлин*", 10);
    r.limits.max_expansion = 1;
    const SearchResult one = search(r);
    REQUIRE(one.notes.size() == 1);
    CHECK(one.notes[0] == "пошлин* stands for more than 1 words; only the 1 most frequent are searched (--max-expansion)");
    r.limits.max_expansion = 0;  // all of them
    const SearchResult all = search(r);
    CHECK(all.notes.empty());
    CHECK(all.hits.size() == 2);
    CHECK(one.hits.size() <= all.hits.size());
    CHECK_FALSE(one.hits.empty());
}

TEST_CASE("wildcard_pattern reads a wildcard's pattern with its field prefix", "[query][limits]") {
    Xapian::QueryParser parser;
    parser.add_prefix("title", "S");
    const Xapian::Query q = parser.parse_query("тар* OR title:пош*", Xapian::QueryParser::FLAG_DEFAULT |
                                                                        Xapian::QueryParser::FLAG_WILDCARD);
    REQUIRE(q.get_num_subqueries() == 2);
    CHECK(wildcard_pattern(q.get_subquery(0)) == "тар");
    CHECK(wildcard_pattern(q.get_subquery(1)) == "Sпош");
    CHECK(wildcard_pattern(Xapian::Query("тариф")).empty());
}

TEST_CASE("a word typed many times is one word of the query, not n² of them", "[query][limits]") {
    Fixture f;
    Analyzer analyzer;
    const Xapian::Database db = open_index_readonly(f.dir.path());
    QueryBuilder builder(analyzer, db);
    std::string repeated;
    for (int i = 0; i < 50; ++i) repeated += "пошлины ";
    const ParsedQuery parsed = builder.build(repeated);
    REQUIRE(parsed.words.size() == 1);
    CHECK(parsed.words[0].word == "пошлины");
    CHECK(f.ids(repeated) == f.ids("пошлины"));
}

TEST_CASE("a long query is read as pasted text when asked, in one build", "[query]") {
    Fixture f;
    Analyzer analyzer;
    const Xapian::Database db = open_index_readonly(f.dir.path());
    QueryBuilder builder(analyzer, db);
    QueryOptions long_as_words;
    long_as_words.long_as_words = true;
    // Five words and more: pasted text, whose quotes are words too.
    const ParsedQuery pasted = builder.build("США ввели «пошлины» на сталь и нефть", long_as_words);
    CHECK(pasted.joining == Joining::Words);
    CHECK(pasted.words.size() >= kLongQueryWords);
    CHECK(pasted.query.get_description() ==
          builder.build("США ввели «пошлины» на сталь и нефть", {false, {}, Joining::Words}).query.get_description());
    // Fewer words, or not asked: every word required.
    CHECK(builder.build("пошлины на сталь", long_as_words).joining == Joining::All);
    CHECK(builder.build("США ввели «пошлины» на сталь и нефть").joining == Joining::All);
    // Any-word queries stay what they were asked to be.
    QueryOptions any = long_as_words;
    any.joining = Joining::Any;
    CHECK(builder.build("США ввели «пошлины» на сталь и нефть", any).joining == Joining::Any);
}

TEST_CASE("an any-word query also finds and ranks by its words' roots; an all-word query does not", "[query]") {
    testing::TempDir dir;
    testing::write_articles(dir.path(), {
        article("noun", "Банки", "Обсуждается ужесточение правил для банков."),
        article("both", "Правительство", "Правительство ужесточает правила. Ужесточение обсуждается давно."),
        article("none", "Погода", "Завтра будет тепло и солнечно."),
    });
    const auto ranked = [&](const std::string& q, Words words) {
        SearchRequest r = request_for(dir.path(), q, 10);
        r.words = words;
        std::vector<std::string> out;
        for (const Hit& h : search(r).hits) out.push_back(h.article.id);
        return out;
    };
    // «ужесточает» is in one article; its family (ужесточение: no lemma
    // or stem joins them) in two.
    CHECK(ranked("ужесточает", Words::All) == std::vector<std::string>{"both"});
    CHECK(ranked("ужесточает", Words::Any) == std::vector<std::string>{"both", "noun"});
    Analyzer analyzer;
    const Xapian::Database db = open_index_readonly(dir.path());
    QueryBuilder builder(analyzer, db);
    const std::string root_term = std::string(schema::kRootPrefix) + "ужест";
    const auto asks_root = [&](const ParsedQuery& p) {
        return std::find(p.query.get_terms_begin(), p.query.get_terms_end(), root_term) != p.query.get_terms_end();
    };
    CHECK(asks_root(builder.build("ужесточает", {false, {}, Joining::Any})));
    CHECK(asks_root(builder.build("ужесточает", {false, {}, Joining::Words})));
    CHECK_FALSE(asks_root(builder.build("ужесточает")));
    // A word typed for the title alone: roots are not indexed there.
    CHECK_FALSE(asks_root(builder.build("title:ужесточает", {false, {}, Joining::Any})));
}
