#include "analysis/analyzer.h"
#include "catalog/catalog.h"
#include "docdata/doc_data.h"
#include "index/generation_compactor.h"
#include "index_fixture.h"
#include "numbered_articles.h"
#include "index/index_writer.h"
#include "index/recovery.h"
#include "base/schema.h"
#include "index/segment_set.h"
#include "catalog/sqlite.h"
#include "temp_dir.h"
#include "analysis/topic_profiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace newsdex;

namespace {

using testing::describe;
using testing::numbered_article;

// The index by article id (document ids differ between the two builds),
// and its synonym table.
std::map<std::string, std::string> contents_by_id(const Generation& g) {
    Xapian::Database db(g.xapian().string());
    Catalog catalog(g.catalog(), Catalog::Mode::ReadOnly);
    std::map<std::string, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        out[decode_doc_data(doc.get_data()).id] = describe(doc);
    }
    sqlite::Statement topics(catalog.db(),
                             "SELECT a.id, t.topic, t.score FROM article_topics t JOIN articles a USING (docid) "
                             "ORDER BY a.id, t.topic");
    while (topics.step()) out[topics.text(0)] += "\n" + topics.text(1) + "=" + topics.text(2);
    // The synonym table (word forms' lemmas), under a key no article id has.
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
        for (auto value = db.synonyms_begin(*key); value != db.synonyms_end(*key); ++value)
            out["synonyms"] += *key + " -> " + *value + "\n";
    return out;
}

// Adds, updates and removes articles, committing in small batches; updates
// and removals reach articles still in the pipeline and in segments.
void write_history(IndexWriter& w) {
    for (int n = 0; n < 150; ++n) w.write(numbered_article(n, 0));
    for (int n = 0; n < 150; n += 5) w.write(numbered_article(n, 1));
    for (int n = 3; n < 150; n += 11) w.remove(w.catalog().find("a" + std::to_string(n))->docid);
    for (int n = 150; n < 180; ++n) w.write(numbered_article(n, 0));
    w.write(numbered_article(170, 2));  // still in flight
    w.remove(w.catalog().find("a175")->docid);
}

WriterOptions options_for(const TopicProfiles& profiles, unsigned workers) {
    WriterOptions options;
    options.batch_articles = 7;
    options.topics = &profiles;
    options.workers = workers;
    return options;
}

std::map<std::string, std::string> build_directly(const TopicProfiles& profiles) {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    {
        IndexWriter w(g, options_for(profiles, 0));
        write_history(w);
        w.commit();
    }
    return contents_by_id(g);
}

struct SegmentedBuild {
    std::map<std::string, std::string> contents;
    std::size_t segments = 0;
    Xapian::docid last_docid = 0;
};

SegmentedBuild build_in_segments(const TopicProfiles& profiles, unsigned workers) {
    testing::TempDir dir;
    const IndexLayout layout(dir.path());
    Generation g = testing::live_generation(dir.path());
    WriterOptions options = options_for(profiles, workers);
    // Tiny stripes and ranges: many lanes' turns and several epochs.
    options.segment_stripe_bytes = 2000;
    options.segment_ids_per_lane = 8;
    SegmentMerge merge;
    {
        IndexWriter w(g, options);
        REQUIRE(w.start_segments());
        write_history(w);
        merge = w.finish_segments();
    }
    SegmentedBuild out;
    out.segments = merge.segments.size();
    g = compact_generation(layout, g, merge);  // checks catalog and index agree
    {
        IndexWriter w(g, options);  // as newsdex-index does after a merge
        w.link_stories();
        w.seal();
    }
    out.contents = contents_by_id(g);
    out.last_docid = Xapian::Database(g.xapian().string()).get_lastdocid();
    CHECK_FALSE(std::filesystem::exists(g.dir / "segments"));
    Catalog catalog(g.catalog(), Catalog::Mode::ReadOnly);
    CHECK_FALSE(catalog.meta(kSegmentsPendingMeta));
    return out;
}

}  // namespace

TEST_CASE("a segmented build holds what a direct build holds, article for article", "[segments]") {
    Analyzer analyzer;
    const TopicProfiles profiles = load_topic_profiles(analyzer, std::nullopt);
    const auto direct = build_directly(profiles);
    REQUIRE(direct.size() == 180 - 14 - 1 + 1);  // the articles and the synonym table
    REQUIRE(direct.at("synonyms").find("санкции -> ") != std::string::npos);
    for (unsigned workers : {0u, 1u, 3u}) {
        INFO("analysis workers: " << workers);
        const SegmentedBuild segmented = build_in_segments(profiles, workers);
        CHECK(segmented.segments > workers + 1);  // several epochs
        CHECK(segmented.contents == direct);
        // The merge closes up the ranges: ids are 1.. up to every document
        // written, those dropped since included.
        CHECK(segmented.last_docid == 180 + 30 + 1);
    }
}

TEST_CASE("segments give every lane its own range of ids, ascending", "[segments]") {
    testing::TempDir dir;
    std::vector<Xapian::docid> given;
    std::vector<std::filesystem::path> segments;
    {
        SegmentSet set(dir.path() / "segments", 5, SegmentSet::Options{3, 1000, 300, 4});
        for (int n = 0; n < 120; ++n) {
            const Xapian::docid docid = set.assign(100 + n % 7 * 50);
            Xapian::Document doc;
            doc.add_term("n" + std::to_string(n));
            doc.set_data(std::to_string(n));
            given.push_back(docid);
            set.add(docid, doc, 100 + n % 7 * 50);
        }
        segments = set.finish();
    }
    CHECK(std::set<Xapian::docid>(given.begin(), given.end()).size() == given.size());
    CHECK(*std::min_element(given.begin(), given.end()) == 5);
    std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges;
    std::size_t documents = 0;
    for (const auto& path : segments) {
        Xapian::Database db(path.string());
        documents += db.get_doccount();
        ranges.emplace_back(*db.postlist_begin(""), db.get_lastdocid());
    }
    CHECK(documents == 120);
    REQUIRE(ranges.size() > 3);
    for (std::size_t i = 1; i < ranges.size(); ++i) CHECK(ranges[i - 1].second < ranges[i].first);
    // Each id holds the document it was given for.
    Xapian::Database all;
    for (const auto& path : segments) all.add_database(Xapian::Database(path.string()));
    for (std::size_t n = 0; n < given.size(); ++n) {
        Xapian::PostingIterator p = all.postlist_begin("n" + std::to_string(n));
        REQUIRE(p != all.postlist_end("n" + std::to_string(n)));
        CHECK(all.get_document(*p).get_data() == std::to_string(n));
    }
}

TEST_CASE("a segmented run that stops before its merge is undone by the next writer", "[segments]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    WriterOptions options;
    options.workers = 1;
    {
        IndexWriter w(g, options);
        REQUIRE(w.start_segments());
        for (int n = 0; n < 40; ++n) w.write(numbered_article(n, 0));
        w.commit();  // the catalog has the rows; the documents are only in segments
    }
    // A writer closed without finishing (an error) removes its segments at
    // once; one killed leaves them, and the next writer removes them.
    CHECK_FALSE(std::filesystem::exists(g.dir / "segments"));
    std::filesystem::create_directories(g.dir / "segments" / "left-by-a-kill");
    IndexWriter again(g, WriterOptions{});
    CHECK(again.repaired() == 40);
    CHECK(again.catalog().count() == 0);
    CHECK_FALSE(again.catalog().meta(kSegmentsPendingMeta));
    CHECK_FALSE(std::filesystem::exists(g.dir / "segments"));
    CHECK(find_inconsistencies(g.xapian(), again.catalog()).empty());
}

TEST_CASE("only an empty index is built in segments", "[segments]") {
    testing::TempDir dir;
    const Generation g = testing::live_generation(dir.path());
    {
        IndexWriter w(g, WriterOptions{});
        w.write(numbered_article(1, 0));
        w.commit();
    }
    IndexWriter w(g, WriterOptions{});
    CHECK_FALSE(w.start_segments());
    CHECK_FALSE(w.segmented());
    CHECK(w.finish_segments().segments.empty());
}

TEST_CASE("a lane's segment that has taken enough text gives way to new segments", "[segments]") {
    testing::TempDir dir;
    std::vector<std::filesystem::path> segments;
    {
        // Ids to spare, but 5000 bytes of text per segment: 2 lanes x 100 x 100 bytes.
        SegmentSet set(dir.path() / "segments", 1, SegmentSet::Options{2, 1000, 300, 100000, 5000});
        for (int n = 0; n < 200; ++n) {
            const Xapian::docid docid = set.assign(100);
            Xapian::Document doc;
            doc.add_term("n" + std::to_string(n));
            set.add(docid, doc, 100);
        }
        segments = set.finish();
    }
    CHECK(segments.size() >= 4);
    std::size_t documents = 0;
    for (const auto& path : segments) documents += Xapian::Database(path.string()).get_doccount();
    CHECK(documents == 200);
}
