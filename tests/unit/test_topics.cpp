#include "analysis/analyzer.h"
#include "temp_dir.h"
#include "analysis/topic_profiles.h"
#include "analysis/topic_scorer.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace newsdex;

namespace {

const char* kProfiles = R"toml(
version = 1
[topics.tariffs]
ru = "пошлины"
aliases = ["торговля"]
threshold = 4.0
words = { "пошлина" = 4.0, "импорт" = 2.0, "экспорт" = 2.0, "вто" = 3.0 }
phrases = { "торговая война" = 5.0 }
negative = { "жкх" = -6.0 }
)toml";

ArticleTokens tokens(Analyzer& a, const std::string& title, const std::string& body) {
    return ArticleTokens{a.analyze(std::string_view(title)), a.analyze(std::string_view(body))};
}

TopicProfiles profiles_of(const char* toml, Analyzer& a) {
    TopicProfiles p;
    p.topics = parse_topic_profiles(toml, "test", a);
    return p;
}

}  // namespace

TEST_CASE("profiles are read and stemmed like text", "[topics]") {
    Analyzer a;
    TopicProfiles p = profiles_of(kProfiles, a);
    REQUIRE(p.topics.size() == 1);
    const TopicProfile& t = p.topics[0];
    CHECK(t.name == "tariffs");
    CHECK(t.stems.count("пошлин"));
    CHECK(t.stems.at("жкх") < 0);
    REQUIRE(t.phrases.size() == 1);
    CHECK(t.phrases[0].stems.size() == 2);
    CHECK(t.slot >= 1000);
    CHECK(p.find("TARIFFS", a) == &t);
    CHECK(p.find("Пошлины", a) == &t);
    CHECK(p.find("торговля", a) == &t);
    CHECK(p.find("спорт", a) == nullptr);
}

TEST_CASE("bad profile files are refused with the place", "[topics]") {
    Analyzer a;
    CHECK_THROWS_WITH(parse_topic_profiles("[topics.x\n", "my.toml", a), Catch::Contains("my.toml:1"));
    CHECK_THROWS_WITH(parse_topic_profiles("[topics.x]\nwords = { \"a\" = \"b\" }\n", "my.toml", a),
                      Catch::Contains("not a number"));
    CHECK_THROWS_WITH(parse_topic_profiles("[topics.x]\nru = \"икс\"\n", "my.toml", a), Catch::Contains("no words"));
}

TEST_CASE("an article about the topic scores; a passing mention does not", "[topics]") {
    Analyzer a;
    TopicProfiles p = profiles_of(kProfiles, a);
    auto about = score_topics(p, tokens(a, "США повысили пошлины на импорт стали",
                                        "Новые пошлины ударят по экспорту. ВТО рассмотрит жалобу. Торговая война продолжается."));
    REQUIRE(about.size() == 1);
    CHECK(about[0].score > 0.5);
    auto mention = score_topics(p, tokens(a, "Футбольный клуб сменил тренера",
                                          "Тренер пришел из Испании. Клуб заплатил пошлину за регистрацию."));
    CHECK(mention.empty());
}

TEST_CASE("a title mention weighs more than the same words deep in the text", "[topics]") {
    Analyzer a;
    TopicProfiles p = profiles_of(kProfiles, a);
    std::string filler;
    for (int i = 0; i < 80; ++i) filler += "Слово ";
    auto in_title = score_topics(p, tokens(a, "Пошлины на импорт", filler + "Экспорт растет."));
    auto in_body = score_topics(p, tokens(a, "Новости дня", filler + "Пошлины на импорт. Экспорт растет."));
    REQUIRE(!in_title.empty());
    CHECK((in_body.empty() || in_body[0].score < in_title[0].score));
}

TEST_CASE("negative words keep look-alikes out", "[topics]") {
    Analyzer a;
    TopicProfiles p = profiles_of(kProfiles, a);
    auto utility = score_topics(p, tokens(a, "Тарифы ЖКХ вырастут", "Пошлина за подключение и импорт счетчиков: ЖКХ дорожает."));
    CHECK(utility.empty());
}

TEST_CASE("a user file adds topics and replaces shipped ones of the same name", "[topics]") {
    Analyzer a;
    testing::TempDir dir;
    const auto file = dir.path() / "topics.toml";
    std::ofstream(file) << "[topics.sport]\nru = \"спорт\"\nwords = { \"керлинг\" = 5.0, \"лед\" = 2.0 }\n"
                           "[topics.chess]\nru = \"шахматы\"\nwords = { \"гроссмейстер\" = 5.0, \"партия\" = 1.0 }\n";
    const auto empty = dir.path() / "empty.toml";  // shipped profiles only, whatever the user's config holds
    std::ofstream(empty) << "";
    TopicProfiles shipped = load_topic_profiles(a, empty);
    TopicProfiles mine = load_topic_profiles(a, file);
    CHECK(mine.topics.size() == shipped.topics.size() + 1);
    const TopicProfile* sport = mine.find("sport", a);
    REQUIRE(sport);
    CHECK(sport->stems.count("керлинг"));
    CHECK_FALSE(sport->stems.count("матч"));
    CHECK(mine.find("шахматы", a));
    CHECK(mine.fingerprint != shipped.fingerprint);
}

TEST_CASE("the shipped profiles load and cover the news topics", "[topics]") {
    Analyzer a;
    testing::TempDir dir;
    const auto empty = dir.path() / "empty.toml";
    std::ofstream(empty) << "";
    TopicProfiles p = load_topic_profiles(a, empty);
    for (const char* name : {"tariffs", "diplomacy", "sanctions", "economy", "politics", "military", "sport", "culture",
                             "science", "energy", "crime", "health"})
        CHECK(p.find(name, a));
    CHECK(p.find("санкции", a) == p.find("sanctions", a));
}

TEST_CASE("phrases count wherever they stand, each place once", "[topics]") {
    Analyzer a;
    // Only the phrase and one word can reach the threshold, so the topic's
    // presence shows whether the phrase was found.
    const char* toml = R"toml(
version = 1
[topics.tradewar]
threshold = 6.0
words = { "сталь" = 1.0 }
phrases = { "торговая война" = 8.0 }
)toml";
    TopicProfiles p = profiles_of(toml, a);
    std::string filler;
    for (int i = 0; i < 80; ++i) filler += "Слово ";
    auto at_end = score_topics(p, tokens(a, "Новости", filler + "Сталь. Началась торговая война"));
    auto cut = score_topics(p, tokens(a, "Новости", filler + "Сталь. Война торговая, торговая"));
    auto twice = score_topics(p, tokens(a, "Новости", filler + "Сталь. Торговая торговая война и снова торговая война"));
    REQUIRE(at_end.size() == 1);
    CHECK(cut.empty());
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].score > at_end[0].score);
}

TEST_CASE("an article's topic scores are read back with the names the index's XP terms give, best first",
          "[topics]") {
    TopicProfile tariffs, sport;
    tariffs.name = "tariffs";
    tariffs.slot = slot_for("tariffs");
    sport.name = "sport";
    sport.slot = slot_for("sport");
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("Zпошлин");
    apply_topic_scores(doc, {{&sport, 0.25}, {&tariffs, 0.75}});
    const Xapian::docid scored = db.add_document(doc);
    Xapian::Document other;
    apply_topic_scores(other, {{&sport, 0.5}});
    const Xapian::docid rescored = db.add_document(other);
    db.commit();

    const TopicNames names = scored_topics(db);
    REQUIRE(names.size() == 2);
    CHECK(names.at(slot_for("tariffs")) == "tariffs");
    const auto topics = document_topics(db.get_document(scored), names);
    REQUIRE(topics.size() == 2);
    CHECK(topics[0].first == "tariffs");
    CHECK(topics[0].second == Approx(0.75));
    CHECK(topics[1].first == "sport");
    CHECK(topics[1].second == Approx(0.25));

    // Rescored: the old scores go, with their values.
    apply_topic_scores(doc, {{&sport, 0.5}});
    db.replace_document(scored, doc);
    db.commit();
    const auto again = document_topics(db.get_document(scored), scored_topics(db));
    REQUIRE(again.size() == 1);
    CHECK(again[0].first == "sport");
    CHECK(again[0].second == Approx(0.5));
    CHECK(document_topics(db.get_document(rescored), scored_topics(db)) == again);
}
