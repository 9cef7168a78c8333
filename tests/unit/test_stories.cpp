// Story threads (storage/index/story_fingerprint.h, story_linker.h,
// query/story.h): rewrites of one text and copies under one headline on one
// day are one story, whatever order they were indexed in; a story lives on
// when an article leaves it; the query shows one hit a story with its size.
#include "base/errors.h"
#include "base/schema.h"
#include "catalog/catalog.h"
#include "index/recovery.h"
#include "index/story_fingerprint.h"
#include "index/story_linker.h"
#include "index_fixture.h"
#include "search.h"
#include "story.h"
#include "temp_dir.h"
#include "test_articles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace newsdex;
using testing::article;

namespace {

// A body of `words` distinct words from `seed` (Russian-looking, so the
// analyzer stems them like text).
std::string body(int seed, int words) {
    static const std::vector<std::string> stems{"дом", "лес", "город", "рынок", "завод", "мост", "порт", "сад",
                                                "путь", "край", "мир", "флот", "банк", "суд", "полк", "цех"};
    std::string out;
    unsigned x = static_cast<unsigned>(seed) * 2654435761u + 1;
    for (int i = 0; i < words; ++i) {
        x = x * 1103515245u + 12345u;
        out += (i ? " " : "") + stems[(x >> 16) % stems.size()] + std::to_string((x >> 8) % 97);
    }
    return out + ".";
}

// `text` with every `every`th word (from the `from`th) replaced: a light
// rewrite (every 40th keeps about 0.8 of the body's 4-word sequences).
std::string rewrite(const std::string& text, std::size_t from = 40, std::size_t every = 40) {
    std::string out;
    std::size_t word = 0, start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const bool replaced = ++word >= from && (word - from) % every == 0;
        out += (out.empty() ? "" : " ") + (replaced ? std::string("правка") : text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

Article dated(Article a, const std::string& date) {
    a.date = date;
    return a;
}

// Each article's value in `slot`, by article id (empty: none).
std::map<std::string, std::string> values(const std::filesystem::path& dir, Xapian::valueno slot) {
    Xapian::Database db(testing::live_generation(dir).xapian().string());
    std::map<std::string, std::string> out;
    for (auto it = db.allterms_begin(std::string(schema::kIdPrefix)); it != db.allterms_end(std::string(schema::kIdPrefix));
         ++it)
        out[(*it).substr(schema::kIdPrefix.size())] = db.get_document(*db.postlist_begin(*it)).get_value(slot);
    return out;
}

// Each article's story id, its story's shape (story_shape.h; empty: alone)
// and what a search collapses it by (empty: alone), by article id.
std::map<std::string, std::string> stories(const std::filesystem::path& dir) { return values(dir, schema::kStorySlot); }
std::map<std::string, std::string> shapes(const std::filesystem::path& dir) { return values(dir, schema::kStoryShapeSlot); }
std::map<std::string, std::string> collapse_keys(const std::filesystem::path& dir) {
    return values(dir, schema::kStoryCollapseSlot);
}

void write_and_link(const std::filesystem::path& dir, const std::vector<Article>& articles) {
    IndexWriter w(testing::live_generation(dir));
    for (const Article& a : articles) w.write(a);
    w.commit();  // links them
}

const std::string kText = body(1, 120);
const std::vector<Article> kArticles{
    article("first", "Завод открыли после ремонта", kText),
    article("rewrite", "После ремонта снова работает завод", rewrite(kText)),
    article("other", "Мост закрыли", body(2, 120)),
    dated(article("copy-a", "Курс рубля", body(3, 40)), "2025-03-01"),
    dated(article("copy-b", "Курс рубля", body(4, 40)), "2025-03-01"),
    dated(article("next-day", "Курс рубля", body(5, 40)), "2025-03-02"),
};

}  // namespace

TEST_CASE("a body's fingerprint: rewrites resemble it, other texts do not, short ones have none", "[stories]") {
    Analyzer analyzer;
    const auto fingerprint = [&](const Article& a) { return story_fingerprint(a, analyzer.analyze(std::string_view(a.text))); };
    const StoryFingerprint first = fingerprint(kArticles[0]);
    CHECK(first.minhash.size() == kStoryMinHashes);
    CHECK(same_story(first, fingerprint(kArticles[1])));
    CHECK_FALSE(same_story(first, fingerprint(kArticles[2])));
    CHECK(fingerprint(kArticles[3]).minhash.empty());  // 40 words: too short to tell
    // A copy under the same headline on the same day, but not the next day.
    CHECK(same_story(fingerprint(kArticles[3]), fingerprint(kArticles[4])));
    CHECK_FALSE(same_story(fingerprint(kArticles[3]), fingerprint(kArticles[5])));
    const std::optional<StoryFingerprint> back = decode_story_fingerprint(encode_story_fingerprint(first));
    REQUIRE(back);
    CHECK(back->own == first.own);
    CHECK(back->headline == first.headline);
    CHECK(back->minhash == first.minhash);
    CHECK_FALSE(decode_story_fingerprint("20251201"));  // not a fingerprint: an older index's value
}

TEST_CASE("rewrites and same-day copies are one story; its id is its articles' smallest own id", "[stories]") {
    testing::TempDir dir;
    write_and_link(dir.path(), kArticles);
    const auto ids = stories(dir.path());
    CHECK(ids.at("first") == ids.at("rewrite"));
    CHECK(ids.at("copy-a") == ids.at("copy-b"));
    CHECK(ids.at("other") != ids.at("first"));
    CHECK(ids.at("next-day") != ids.at("copy-a"));
    const auto own = [](const std::string& id) { return story_id_text(story_fingerprint(article(id, "", ""), {}).own); };
    CHECK(ids.at("first") == std::min(own("first"), own("rewrite")));
    CHECK(ids.at("other") == own("other"));

    // Each article of a story of two keeps its size and earliest date;
    // an article alone keeps none.
    using Shapes = std::map<std::string, std::string>;
    CHECK(shapes(dir.path()) == Shapes{{"first", "2"}, {"rewrite", "2"}, {"other", ""},
                                       {"copy-a", "2 20250301"}, {"copy-b", "2 20250301"}, {"next-day", ""}});
    // And its story id again, which searches collapse by (schema.h, 8).
    CHECK(collapse_keys(dir.path()) == Shapes{{"first", ids.at("first")}, {"rewrite", ids.at("first")}, {"other", ""},
                                              {"copy-a", ids.at("copy-a")}, {"copy-b", ids.at("copy-a")},
                                              {"next-day", ""}});
    // A story is values only: moving an article into one rewrites no terms.
    Xapian::Database db(testing::live_generation(dir.path()).xapian().string());
    CHECK(db.allterms_begin(std::string(schema::kStoryPrefix)) == db.allterms_end(std::string(schema::kStoryPrefix)));
}

TEST_CASE("a story's shape is stored as its size and earliest date, and read back only when well formed", "[stories]") {
    CHECK(encode_story_shape({1, "20250301"}).empty());
    CHECK(encode_story_shape({3, ""}) == "3");
    CHECK(encode_story_shape({12, "20250301"}) == "12 20250301");
    CHECK(decode_story_shape("12 20250301") == StoryShape{12, "20250301"});
    CHECK(decode_story_shape("3") == StoryShape{3, ""});
    for (const std::string bad : {"", "1", "0 20250301", "x", "3 ", "3x"}) CHECK_FALSE(decode_story_shape(bad));
}

TEST_CASE("an incremental run and a rebuild give the same stories, and a rerun changes none", "[stories]") {
    testing::TempDir rebuilt, incremental;
    write_and_link(rebuilt.path(), kArticles);
    // The other order, in three runs.
    write_and_link(incremental.path(), {kArticles[5], kArticles[1]});
    write_and_link(incremental.path(), {kArticles[2], kArticles[4]});
    write_and_link(incremental.path(), {kArticles[3], kArticles[0]});
    CHECK(stories(incremental.path()) == stories(rebuilt.path()));
    CHECK(shapes(incremental.path()) == shapes(rebuilt.path()));
    CHECK(collapse_keys(incremental.path()) == collapse_keys(rebuilt.path()));

    IndexWriter again(testing::live_generation(incremental.path()));
    for (const Article& a : kArticles) again.write(a);  // unchanged: nothing new to link
    again.commit();
    CHECK(again.link_stories().looked_at == 0);  // nothing new: nothing to link
    CHECK(stories(incremental.path()) == stories(rebuilt.path()));
}

TEST_CASE("a story lives on when an article leaves it, as a rebuild without it would have it", "[stories]") {
    // "b" and "c" are rewrites of "a" in different places: each resembles
    // "a" enough, and each other perhaps not, so "a" may be what holds
    // the story together.
    const std::string text = body(7, 200);
    const std::vector<Article> three{article("a", "Один", text), article("b", "Два", rewrite(text, 30, 30)),
                                     article("c", "Три", rewrite(text, 15, 30))};
    Analyzer analyzer;
    const auto fingerprint = [&](const Article& a) { return story_fingerprint(a, analyzer.analyze(std::string_view(a.text))); };
    REQUIRE(same_story(fingerprint(three[0]), fingerprint(three[1])));
    REQUIRE(same_story(fingerprint(three[0]), fingerprint(three[2])));
    const bool b_and_c = same_story(fingerprint(three[1]), fingerprint(three[2]));
    for (const Article& leaving : three) {
        testing::TempDir dir, rebuilt;
        write_and_link(dir.path(), three);
        REQUIRE(stories(dir.path()).size() == 3);
        CHECK(stories(dir.path()).at("b") == stories(dir.path()).at("c"));
        {
            IndexWriter w(testing::live_generation(dir.path()));
            w.remove(w.catalog().find(leaving.id)->docid);
            w.commit();
        }
        std::vector<Article> rest;
        for (const Article& a : three)
            if (a.id != leaving.id) rest.push_back(a);
        write_and_link(rebuilt.path(), rest);
        const auto ids = stories(dir.path());
        CHECK(ids == stories(rebuilt.path()));
        CHECK(shapes(dir.path()) == shapes(rebuilt.path()));
        CHECK(collapse_keys(dir.path()) == collapse_keys(rebuilt.path()));
        const bool together = ids.begin()->second == std::next(ids.begin())->second;
        CHECK(together == (leaving.id != "a" || b_and_c));
    }
}

TEST_CASE("an article replaced by a text of another story leaves its old one", "[stories]") {
    testing::TempDir dir, rebuilt;
    write_and_link(dir.path(), {kArticles[0], kArticles[1], kArticles[2]});
    Article changed = kArticles[1];
    changed.text = body(2, 120);  // now the text of "other"
    write_and_link(dir.path(), {changed});
    write_and_link(rebuilt.path(), {kArticles[0], changed, kArticles[2]});
    const auto ids = stories(dir.path());
    CHECK(ids == stories(rebuilt.path()));
    CHECK(shapes(dir.path()) == shapes(rebuilt.path()));
    CHECK(collapse_keys(dir.path()) == collapse_keys(rebuilt.path()));
    CHECK(ids.at("rewrite") == ids.at("other"));
    CHECK(ids.at("first") != ids.at("other"));
}

TEST_CASE("a search shows one hit a story with the story's size; story ID lists its articles", "[stories][query]") {
    testing::TempDir dir;
    write_and_link(dir.path(), kArticles);
    SearchRequest r = testing::request_for(dir.path(), "завод ремонт");
    const SearchResult found = search(r);
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].story.size == 2);
    CHECK(found.hits[0].story.id == stories(dir.path()).at("first"));

    r.collapse = false;
    CHECK(search(r).hits.size() == 2);

    SearchRequest rate = testing::request_for(dir.path(), "title:курс");
    std::map<std::string, std::pair<Xapian::doccount, std::string>> shown;
    for (const Hit& h : search(rate).hits) shown[h.article.id] = {h.story.size, h.story.since};
    CHECK(shown.count("next-day") == 1);
    CHECK(shown["next-day"] == std::pair<Xapian::doccount, std::string>{1, ""});
    const std::string copy = shown.count("copy-a") ? "copy-a" : "copy-b";
    CHECK(shown[copy] == std::pair<Xapian::doccount, std::string>{2, "20250301"});

    SearchRequest story = testing::request_for(dir.path(), "");
    story.story_of = "copy-b";
    story.collapse = false;
    story.sort = SortOrder::DateAscending;
    std::set<std::string> members;
    for (const Hit& h : search(story).hits) members.insert(h.article.id);
    CHECK(members == std::set<std::string>{"copy-a", "copy-b"});

    story.story_of = "no-such-article";
    CHECK_THROWS_AS(search(story), QueryError);
}

TEST_CASE("an index whose stories are terms is counted by them, and gets every story's shape at its next link",
          "[stories][query]") {
    testing::TempDir dir;
    write_and_link(dir.path(), kArticles);
    std::map<std::string, std::string> expected = shapes(dir.path());
    std::map<std::string, std::string> expected_keys = collapse_keys(dir.path());
    expected_keys["late"] = "";
    // As newsdex wrote stories on 2026-12-05 and 06: a term each, no shape.
    {
        Xapian::WritableDatabase db(testing::live_generation(dir.path()).xapian().string(), Xapian::DB_OPEN);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document doc = db.get_document(*it);
            doc.add_boolean_term(std::string(schema::kStoryPrefix) + doc.get_value(schema::kStorySlot));
            doc.add_value(schema::kStoryShapeSlot, "");
            doc.add_value(schema::kStoryCollapseSlot, "");
            db.replace_document(*it, doc);
        }
        db.set_metadata("newsdex.stories.shaped", "");
        db.commit();
    }
    REQUIRE(shapes(dir.path()).at("copy-a").empty());
    const auto shown = [&] {
        std::map<std::string, std::pair<Xapian::doccount, std::string>> out;
        for (const Hit& h : search(testing::request_for(dir.path(), "title:курс")).hits)
            out[h.article.id] = {h.story.size, h.story.since};
        return out;
    };
    const auto copy_shown = [&] {
        const auto out = shown();
        return out.at(out.count("copy-a") ? "copy-a" : "copy-b");
    };
    CHECK(copy_shown() == std::pair<Xapian::doccount, std::string>{2, "20250301"});  // by its terms

    write_and_link(dir.path(), {article("late", "Другое", body(9, 120))});
    expected["late"] = "";
    CHECK(shapes(dir.path()) == expected);
    CHECK(collapse_keys(dir.path()) == expected_keys);
    CHECK(copy_shown() == std::pair<Xapian::doccount, std::string>{2, "20250301"});  // by its shape
    CHECK(shown().at("next-day") == std::pair<Xapian::doccount, std::string>{1, ""});
}

TEST_CASE("an index linked before the collapse slot collapses by story id, and gets the slot at its next link",
          "[stories][query]") {
    testing::TempDir dir;
    write_and_link(dir.path(), kArticles);
    std::map<std::string, std::string> expected = collapse_keys(dir.path());
    const auto collapse_slot = [&](bool remote) {
        Xapian::Database db(testing::live_generation(dir.path()).xapian().string());
        return story_collapse_slot(db, remote);
    };
    CHECK(collapse_slot(false) == schema::kStoryCollapseSlot);
    CHECK(collapse_slot(true) == schema::kStorySlot);  // no questions asked of a remote shard
    // As newsdex wrote stories on 2026-12-06 and 07: shapes, no collapse slot.
    {
        Xapian::WritableDatabase db(testing::live_generation(dir.path()).xapian().string(), Xapian::DB_OPEN);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document doc = db.get_document(*it);
            doc.add_value(schema::kStoryCollapseSlot, "");
            db.replace_document(*it, doc);
        }
        db.commit();
    }
    REQUIRE(collapse_keys(dir.path()).at("first").empty());
    const auto hits = [&] { return search(testing::request_for(dir.path(), "завод ремонт")).hits.size(); };
    CHECK(collapse_slot(false) == schema::kStorySlot);
    CHECK(hits() == 1);  // the rewrite collapsed into its story, by the story id

    write_and_link(dir.path(), {article("late", "Другое", body(9, 120))});
    expected["late"] = "";
    CHECK(collapse_keys(dir.path()) == expected);
    CHECK(collapse_slot(false) == schema::kStoryCollapseSlot);
    CHECK(hits() == 1);
}

TEST_CASE("with --stories, facets and a timeline's days count stories, each once in time", "[stories][query]") {
    testing::TempDir dir;
    std::vector<Article> articles = kArticles;
    for (Article& a : articles) a.source = a.id == "copy-b" ? "tass" : "ria";
    write_and_link(dir.path(), articles);
    SearchRequest r = testing::request_for(dir.path(), "");
    r.facets = {"source", "day"};
    r.count_all = true;
    const auto counts = [](const SearchResult& found, const std::string& facet) {
        std::map<std::string, Xapian::doccount> out;
        for (const FacetCount& f : found.facets.at(facet)) out[f.value] = f.count;
        return out;
    };
    using Counts = std::map<std::string, Xapian::doccount>;
    CHECK(counts(search(r), "source") == Counts{{"ria", 5}, {"tass", 1}});
    CHECK(counts(search(r), "day") == Counts{{"20250301", 2}, {"20250302", 1}});
    // Four stories: first + rewrite, other, copy-a + copy-b (told by both
    // sources, so counted for each), next-day.
    r.facet_stories = true;
    const SearchResult found = search(r);
    CHECK(found.facet_stories);
    CHECK(counts(found, "source") == Counts{{"ria", 4}, {"tass", 1}});
    CHECK(counts(found, "day") == Counts{{"20250301", 1}, {"20250302", 1}});
    CHECK(found.estimated_total == 4);  // collapsed by story, as a timeline with --stories asks
    r.facets = {"story"};
    CHECK_THROWS_AS(search(r), QueryError);
}

namespace {

std::map<std::string, std::string> catalog_stories(const std::filesystem::path& dir) {
    Catalog catalog(testing::live_generation(dir).catalog(), Catalog::Mode::ReadOnly);
    sqlite::Statement s(catalog.db(), "SELECT id, COALESCE(story, '') FROM articles");
    std::map<std::string, std::string> out;
    while (s.step()) out[s.text(0)] = s.text(1);
    return out;
}

}  // namespace

TEST_CASE("the catalog records each article's story, and follows the index after a lost batch", "[stories]") {
    testing::TempDir dir;
    write_and_link(dir.path(), kArticles);
    CHECK(catalog_stories(dir.path()) == stories(dir.path()));

    // A batch that only moved an article to another story, committed by
    // Xapian and lost by the catalog (the commit protocol's one crash).
    const Generation g = testing::live_generation(dir.path());
    {
        Xapian::WritableDatabase db(g.xapian().string(), Xapian::DB_OPEN);
        const Xapian::docid docid = *db.postlist_begin(std::string(schema::kIdPrefix) + "other");
        Xapian::Document doc = db.get_document(docid);
        set_story(doc, "0000000000000001", StoryShape{});
        db.replace_document(docid, doc);
        db.commit();
    }
    {
        Catalog catalog(g.catalog(), Catalog::Mode::ReadWrite);
        const std::vector<std::string> problems = find_inconsistencies(g.xapian(), catalog);
        CHECK(std::any_of(problems.begin(), problems.end(),
                          [](const std::string& p) { return p.find("in another story") != std::string::npos; }));
    }
    { IndexWriter repair(g); }  // reconciles at open
    CHECK(catalog_stories(dir.path()).at("other") == "0000000000000001");
    CHECK(catalog_stories(dir.path()) == stories(dir.path()));
}

TEST_CASE("an article replaced and then removed before its story was linked is simply gone", "[stories]") {
    testing::TempDir dir, rebuilt;
    write_and_link(dir.path(), {kArticles[0], kArticles[1], kArticles[2]});
    {
        IndexWriter w(testing::live_generation(dir.path()));
        Article changed = kArticles[1];
        changed.text = body(9, 120);
        w.write(changed);  // replaced in place: to be linked again
        w.remove(w.catalog().find(changed.id)->docid);
        w.commit();
    }
    write_and_link(rebuilt.path(), {kArticles[0], kArticles[2]});
    CHECK(stories(dir.path()) == stories(rebuilt.path()));
}
