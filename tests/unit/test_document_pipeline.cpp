#include "analyzer.h"
#include "catalog.h"
#include "document_pipeline.h"
#include "index_fixture.h"
#include "index_reader.h"
#include "index_writer.h"
#include "schema.h"
#include "sqlite.h"
#include "temp_dir.h"
#include "topic_profiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <sstream>

using namespace newsdex;

namespace {

const char* const kWords[] = {"санкции", "пошлины", "переговоры", "министр", "Россия", "экспорт", "матч",
                              "сборная", "нефть", "ёлка", "интернет-магазин", "Ростов-на-Дону", "не", "торговля"};

Article numbered_article(int n, int version) {
    Article a;
    a.id = "a" + std::to_string(n);
    a.path = "/src/" + a.id;
    a.title = std::string("Новость ") + kWords[n % 14] + " " + std::to_string(n);
    std::string text;
    for (int i = 0; i < 40 + n % 17; ++i) text += std::string(kWords[(n * 7 + i * 3 + version) % 14]) + " ";
    a.text = text + "версия " + std::to_string(version);
    a.date = "2025-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
    a.source = n % 2 ? "Wire" : "Daily";
    a.topic = n % 3 ? "Экономика" : "Спорт";
    return a;
}

// Everything Xapian holds for a document except when it was indexed.
std::string describe(const Xapian::Document& doc) {
    std::ostringstream out;
    out << doc.get_data() << '\n';
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out << *t << ':' << t.get_wdf();
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << ',' << *p;
        out << ' ';
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (v.get_valueno() != schema::kIndexedAtSlot) out << '\n' << v.get_valueno() << '=' << *v;
    return out.str();
}

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
