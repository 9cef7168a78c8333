#include "base/errors.h"
#include "base/schema.h"
#include "index_fixture.h"
#include "index/index_writer.h"
#include "recency.h"
#include "date_bounds.h"
#include "search.h"
#include "temp_dir.h"
#include "test_articles.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <cstdio>

using namespace newsdex;

namespace {

Article article(const std::string& id, const std::string& date, const std::string& title, const std::string& text,
                const std::string& source = "wire", const std::string& topic = "") {
    Article a;
    a.id = id;
    a.path = "/src/" + id;
    a.date = date;
    a.title = title;
    a.text = text;
    a.source = source;
    a.topic = topic;
    return a;
}

std::string days_ago(int n) {
    const std::chrono::sys_days d{std::chrono::days{today_days() - n}};
    const std::chrono::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

struct Fixture {
    testing::TempDir dir;
    Fixture() {
        IndexWriter w(testing::live_generation(dir.path()));
        w.write(article("old", "2020-03-01", "Пошлины на сталь", "Пошлины на сталь ввели давно.", "ria", "economy"));
        w.write(article("mid", "2024-06-15", "Пошлины на алюминий", "Новые пошлины на алюминий.", "lenta", "economy"));
        w.write(article("new", days_ago(2), "Пошлины на зерно", "Пошлины на зерно отменили.", "ria", "economy"));
        w.write(article("copy", days_ago(2), "Пошлины на зерно", "Пошлины на зерно отменили, сообщили источники.", "tass"));
        w.write(article("name", "2025-01-10", "Визит Токаева", "Президент Токаев прибыл в Москву.", "ria", "politics"));
        w.write(article("latin", "2025-01-11", "Tokayev visit", "President Tokayev arrived in Moscow.", "reuters"));
        w.write(article("nodate", "", "Пошлина без даты", "Текст про пошлину."));
        w.write(article("ru-name", "2025-02-01", "Суд и Навальный", "Адвокаты Навального подали жалобу.", "ria"));
        w.write(article("en-name", "2025-02-02", "Court and Navalny", "Navalny's lawyers appealed.", "reuters"));
        w.commit();
    }
    SearchRequest request(const std::string& q) const {
        SearchRequest r;
        r.indexes = {dir.path()};
        r.query = q;
        r.limit = 100;
        return r;
    }
    std::vector<std::string> ids(const SearchRequest& r) const {
        std::vector<std::string> out;
        for (const Hit& h : search(r).hits) out.push_back(h.article.id);
        return out;
    }
};

}  // namespace

TEST_CASE("sorting by date, either way", "[search]") {
    Fixture f;
    SearchRequest r = f.request("пошлины");
    r.collapse = false;
    r.sort = SortOrder::DateDescending;
    auto newest = f.ids(r);
    REQUIRE(newest.size() == 5);
    CHECK(std::set<std::string>{newest[0], newest[1]} == std::set<std::string>{"new", "copy"});
    CHECK(newest[2] == "mid");
    CHECK(newest[3] == "old");
    r.sort = SortOrder::DateAscending;
    CHECK(f.ids(r).front() == "nodate");  // no date sorts first
}

TEST_CASE("since and until options bound the publication date", "[search]") {
    Fixture f;
    SearchRequest r = f.request("пошлины");
    r.since = "20240101";
    r.collapse = false;
    auto got = f.ids(r);
    std::sort(got.begin(), got.end());
    CHECK(got == std::vector<std::string>{"copy", "mid", "new"});
    r.until = "20241231";
    CHECK(f.ids(r) == std::vector<std::string>{"mid"});
}

TEST_CASE("filters alone list what they let through", "[search]") {
    Fixture f;
    SearchRequest r = f.request("");
    r.until = "20201231";
    CHECK(f.ids(r) == std::vector<std::string>{"old"});
}

TEST_CASE("one story republished is one hit with a count", "[search]") {
    Fixture f;
    SearchRequest r = f.request("зерно");
    auto hits = search(r).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].similar == 1);
    r.collapse = false;
    CHECK(search(r).hits.size() == 2);
}

TEST_CASE("the recent option lifts recent articles", "[search]") {
    Fixture f;
    // The old article and the new one have two of the words each; without
    // --recent the new one is not first.
    SearchRequest r = f.request("пошлины OR зерно OR сталь");
    r.collapse = true;
    CHECK(f.ids(r).front() != "new");
    r.recent = true;
    CHECK(f.ids(r).front() == "new");
}

TEST_CASE("=word and --exact match only the form typed", "[search]") {
    Fixture f;
    CHECK(f.ids(f.request("=пошлину")) == std::vector<std::string>{"nodate"});
    SearchRequest r = f.request("пошлину");
    CHECK(f.ids(r).size() == 4);  // every form, with "copy" collapsed into "new"
    r.exact = true;
    CHECK(f.ids(r) == std::vector<std::string>{"nodate"});
}

TEST_CASE("names match across alphabets, below the same-alphabet match", "[search]") {
    Fixture f;
    CHECK(f.ids(f.request("Tokayev")) == std::vector<std::string>{"latin", "name"});
    CHECK(f.ids(f.request("Токаев")) == std::vector<std::string>{"name", "latin"});
    auto hits = search(f.request("Tokayev")).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[1].matched.at(0).how == "translit");
}

TEST_CASE("Navalny and Навальный find each other in any case form", "[search]") {
    Fixture f;
    CHECK(f.ids(f.request("Navalny")) == std::vector<std::string>{"en-name", "ru-name"});
    CHECK(f.ids(f.request("Навальный")) == std::vector<std::string>{"ru-name", "en-name"});
    CHECK(f.ids(f.request("Навального")) == std::vector<std::string>{"ru-name", "en-name"});
}

TEST_CASE("a name typed in Latin finds its case forms, not another surname made of it", "[search]") {
    const testing::ArticlesIndex index({
        testing::article("lavrov", "Заявление", "Министр Лавров сделал заявление."),
        testing::article("lavrovu", "Вопрос", "Вопрос задали Лаврову на пресс-конференции."),
        testing::article("lavrovsky", "Балет", "Балетмейстер Лавровский поставил спектакль."),
        testing::article("ivanov", "Отчёт", "Отчёт подписал Иванов."),
    });
    // Лавровский is Лавров's key (lavrov) and a surname's suffix (-ский)
    // more.
    CHECK(index.ids("Lavrov") == std::set<std::string>{"lavrov", "lavrovu"});
    CHECK(index.ids("Lavrovsky") == std::set<std::string>{"lavrovsky"});
    CHECK(index.ids("Ivanov") == std::set<std::string>{"ivanov"});
}

TEST_CASE("phrases find title words, whose positions are kept under the title prefix", "[search]") {
    testing::TempDir dir;
    {
        IndexWriter w(testing::live_generation(dir.path()));
        w.write(article("title", "2025-03-01", "Визит президента Токаева в Ростов-на-Дону", "Встреча прошла в мэрии."));
        w.write(article("body", "2025-03-02", "Новости", "Визит президента Токаева в Ростов-на-Дону."));
        w.write(article("apart", "2025-03-03", "Визит", "Президента Токаева ждали. Цены выросли на 25%."));
        w.commit();
    }
    auto ids = [&](const std::string& q) { return testing::ids_found(dir.path(), q); };
    const std::set<std::string> both{"title", "body"};
    CHECK(ids("\"визит президента токаева\"") == both);
    CHECK(ids("Ростов-на-Дону") == both);
    CHECK(ids("визит NEAR/2 токаева") == both);
    CHECK(ids("визит NEAR/1 токаева").empty());  // the window is kept: two apart is too far
    CHECK(ids("визит ADJ/2 токаева") == both);
    CHECK(ids("title:\"визит президента\"") == std::set<std::string>{"title"});
    CHECK(ids("\"визит президента\"") == both);  // a phrase never spans title and body
    CHECK(ids("\"выросли на 25%\"") == std::set<std::string>{"apart"});
}

TEST_CASE("hits say how each word matched", "[search]") {
    Fixture f;
    auto hits = search(f.request("пошлину")).hits;
    bool exact = false, stem = false;
    for (const Hit& h : hits)
        for (const WordMatch& m : h.matched) {
            exact |= h.article.id == "nodate" && m.how == "exact";
            stem |= h.article.id == "old" && m.how == "stem";
        }
    CHECK(exact);
    CHECK(stem);
}

TEST_CASE("facets count the whole matching set", "[search]") {
    Fixture f;
    SearchRequest r = f.request("пошлины");
    r.limit = 1;
    r.collapse = false;
    r.facets = {"source", "year", "topic"};
    SearchResult res = search(r);
    CHECK(res.estimated_total == 5);
    const auto& sources = res.facets.at("source");
    REQUIRE(!sources.empty());
    CHECK(sources[0].value == "ria");
    CHECK(sources[0].count == 2);
    const auto& years = res.facets.at("year");
    CHECK(years.back().value == "2020");
    CHECK(res.facets.at("topic")[0].value == "economy");
}

TEST_CASE("several indexes are searched as one and hits say where from", "[search]") {
    Fixture a, b;
    SearchRequest r = a.request("Токаев");
    r.indexes.push_back(b.dir.path());
    r.collapse = false;  // the two indexes hold the same stories
    auto hits = search(r).hits;
    CHECK(hits.size() == 4);
    std::set<std::size_t> from;
    for (const Hit& h : hits) from.insert(h.index);
    CHECK(from == std::set<std::size_t>{0, 1});
}

TEST_CASE("a typo gets a suggestion that finds more", "[search]") {
    Fixture f;
    SearchResult res = search(f.request("пошлинв"));
    CHECK(res.hits.empty());
    CHECK(res.suggestion == "пошлины");
    CHECK(search(f.request("gjikbys")).suggestion == "пошлины");
}

TEST_CASE("an article is found by its id", "[search]") {
    Fixture f;
    auto a = find_article({f.dir.path()}, "mid");
    REQUIRE(a);
    CHECK(a->title == "Пошлины на алюминий");
    CHECK_FALSE(find_article({f.dir.path()}, "nope"));
}

TEST_CASE("only ids are read from their value slot, and from the data where an older index has none", "[search]") {
    Fixture f;
    SearchRequest r = f.request("пошлины");
    r.collapse = false;
    const std::vector<std::string> full = f.ids(r);
    REQUIRE(full.size() >= 4);
    r.details = false;
    r.only_ids = true;
    CHECK(f.ids(r) == full);
    {
        // An index written before the slot: the same ids, from the data.
        Xapian::WritableDatabase db(testing::live_generation(f.dir.path()).xapian().string());
        for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
            Xapian::Document doc = db.get_document(*d);
            REQUIRE_FALSE(doc.get_value(schema::kIdSlot).empty());
            doc.remove_value(schema::kIdSlot);
            db.replace_document(*d, doc);
        }
        db.commit();
    }
    CHECK(f.ids(r) == full);
}

TEST_CASE("relative date bounds", "[search]") {
    CHECK(parse_date_bound("2025-01-31", 0) == "20250131");
    const int day = days_from_ymd("20250331");
    CHECK(parse_date_bound("7d", day) == "20250324");
    CHECK(parse_date_bound("2w", day) == "20250317");
    CHECK(parse_date_bound("1m", day) == "20250228");
    CHECK(parse_date_bound("1y", day) == "20240331");
    CHECK_THROWS_AS(parse_date_bound("yesterday", day), QueryError);
    CHECK_THROWS_AS(parse_date_bound("2025-02-30", day), QueryError);
}

// Two articles with the same words equally often, in bodies of the same
// length: one tells the story in its lead, the other gets to it last.
TEST_CASE("a query's words in an article's lead rank it higher", "[search][lead]") {
    testing::TempDir dir;
    std::string filler;
    for (int i = 0; i < 80; ++i) filler += "слово" + std::to_string(i) + " ";
    const std::string story = "паромная переправа керчь возобновила работу шторм ";
    {
        IndexWriter w(testing::live_generation(dir.path()));
        w.write(article("late", "2025-01-01", "", filler + story));
        w.write(article("lead", "2025-01-01", "", story + filler));
        w.commit();
    }
    SearchRequest r;
    r.indexes = {dir.path()};
    r.limit = 10;
    r.collapse = false;  // one text in two orders: a rewrite, one story thread
    r.query = "паромная переправа керчь возобновила работу после шторма";  // long: any words
    SearchResult long_query = search(r);
    REQUIRE(long_query.hits.size() == 2);
    CHECK(long_query.hits[0].article.id == "lead");
    CHECK(long_query.hits[0].score > long_query.hits[1].score);
    r.query = "переправа керчь";  // short: all words, and the lead counts as much (schema.h)
    SearchResult short_query = search(r);
    REQUIRE(short_query.hits.size() == 2);
    CHECK(short_query.hits[0].article.id == "lead");
    CHECK(short_query.hits[0].score > short_query.hits[1].score);
}
