#include "analysis/analyzer.h"
#include "catalog/catalog.h"
#include "index/document_pipeline.h"
#include "index_fixture.h"
#include "numbered_articles.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "base/schema.h"
#include "catalog/sqlite.h"
#include "temp_dir.h"
#include "analysis/topic_profiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <sstream>

using namespace newsdex;

namespace {

using testing::describe;
using testing::numbered_article;

std::map<Xapian::docid, std::string> index_contents(const std::filesystem::path& dir) {
    Xapian::Database db = open_index_readonly(dir);
    std::map<Xapian::docid, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) out[*it] = describe(db.get_document(*it));
    Catalog catalog(testing::live_generation(dir).catalog(), Catalog::Mode::ReadOnly);
    sqlite::Statement topics(catalog.db(), "SELECT docid, topic, score FROM article_topics ORDER BY docid, topic");
    while (topics.step())
        out[static_cast<Xapian::docid>(topics.integer(0))] += "\n" + topics.text(1) + "=" + topics.text(2);
    return out;
}

// Adds, updates and removes articles, committing in small batches, so
// documents are in flight across commits and removals.
std::map<Xapian::docid, std::string> build_with(unsigned workers, const TopicProfiles& profiles) {
    testing::TempDir dir;
    WriterOptions options;
    options.batch_articles = 7;
    options.topics = &profiles;
    options.workers = workers;
    {
        IndexWriter w(testing::live_generation(dir.path()), options);
        for (int n = 0; n < 150; ++n) w.write(numbered_article(n, 0));
        for (int n = 0; n < 150; n += 5) w.write(numbered_article(n, 1));
        for (Xapian::docid d = 3; d < 150; d += 11) w.remove(d);
        for (int n = 150; n < 180; ++n) w.write(numbered_article(n, 0));
        w.commit();
    }
    return index_contents(dir.path());
}

}  // namespace

TEST_CASE("analysis threads change nothing in the index", "[pipeline]") {
    Analyzer analyzer;
    const TopicProfiles profiles = load_topic_profiles(analyzer, std::nullopt);
    const auto alone = build_with(0, profiles);
    REQUIRE(alone.size() == 180 - 14);
    // The comparison covers topic scores too: some articles have them.
    CHECK(std::count_if(alone.begin(), alone.end(), [](const auto& doc) {
              return doc.second.find("\ntariffs=") != std::string::npos;
          }) > 0);
    CHECK(build_with(1, profiles) == alone);
    CHECK(build_with(3, profiles) == alone);
}

TEST_CASE("the pipeline hands documents back in the order they were submitted", "[pipeline]") {
    DocumentPipeline pipeline(nullptr, 3);
    std::vector<Xapian::docid> taken;
    for (Xapian::docid d = 1; d <= 200; ++d) {
        while (pipeline.full()) taken.push_back(pipeline.take_next()->docid);
        // Long and short articles alternate, so workers finish out of order.
        Article a = numbered_article(static_cast<int>(d), 0);
        if (d % 2) a.text += std::string(20000, ' ') + a.text;
        pipeline.submit(d, a);
        while (auto done = pipeline.take_ready()) taken.push_back(done->docid);
    }
    while (auto done = pipeline.take_next()) taken.push_back(done->docid);
    REQUIRE(taken.size() == 200);
    for (std::size_t i = 0; i < taken.size(); ++i) CHECK(taken[i] == i + 1);
    CHECK_FALSE(pipeline.take_ready());
}

TEST_CASE("the pipeline keeps a bounded number of articles in flight", "[pipeline]") {
    DocumentPipeline pipeline(nullptr, 2);
    Xapian::docid submitted = 0;
    while (!pipeline.full()) {
        ++submitted;
        pipeline.submit(submitted, numbered_article(static_cast<int>(submitted), 0));
    }
    CHECK(submitted == 16);
    CHECK(pipeline.take_next()->docid == 1);
    CHECK_FALSE(pipeline.full());
}
