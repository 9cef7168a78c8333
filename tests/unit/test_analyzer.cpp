#include "analysis/analyzer.h"
#include "analysis/stemmer.h"
#include "base/schema.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using newsdex::Analyzer;
using newsdex::AnalyzedToken;

namespace {

std::vector<std::string> terms(Analyzer& a, const std::string& text) {
    std::vector<std::string> out;
    for (const AnalyzedToken& t : a.analyze(text)) out.push_back(t.term);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

bool doc_has(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("every form of a word gets the same stem", "[analyzer]") {
    Analyzer a;
    std::vector<std::string> stems;
    for (const AnalyzedToken& t : a.analyze(std::string("Пошлина ПОШЛИНАМИ пошлины пошлин"))) stems.push_back(t.stem);
    REQUIRE(stems.size() == 4);
    CHECK(std::all_of(stems.begin(), stems.end(), [&](const std::string& s) { return s == stems[0]; }));
    CHECK(stems[0] == "пошлин");
}

TEST_CASE("hyphenated compounds are indexed whole and by their parts", "[analyzer]") {
    Analyzer a;
    auto t = terms(a, "Ростов-на-Дону и интернет-магазин, американо-казахстанских");
    CHECK(has(t, "ростов-на-дону"));
    CHECK(has(t, "ростов"));
    CHECK(has(t, "дону"));
    CHECK(has(t, "интернет-магазин"));
    CHECK(has(t, "интернет"));
    CHECK(has(t, "магазин"));
    CHECK(has(t, "американо-казахстанских"));
    CHECK(has(t, "казахстанских"));
}

TEST_CASE("compound parts take consecutive positions; the compound shares the first", "[analyzer]") {
    Analyzer a;
    auto tokens = a.analyze(std::string("в Ростов-на-Дону сегодня"));
    std::map<std::string, uint32_t> pos;
    for (const auto& t : tokens) pos[t.term] = t.position;
    CHECK(pos["ростов-на-дону"] == pos["ростов"]);
    CHECK(pos["на"] == pos["ростов"] + 1);
    CHECK(pos["дону"] == pos["ростов"] + 2);
    CHECK(pos["сегодня"] == pos["дону"] + 1);
}

TEST_CASE("compound stems are stemmed part by part", "[analyzer]") {
    Analyzer a;
    auto tokens = a.analyze(std::string("интернет-магазинами"));
    REQUIRE(!tokens.empty());
    CHECK(tokens[0].term == "интернет-магазинами");
    CHECK(tokens[0].stem == "интернет-магазин");
}

TEST_CASE("numbers with percent and currency are words", "[analyzer]") {
    Analyzer a;
    auto t = terms(a, "цены выросли на 25%, баррель подешевел до $40, ставка 16,5%");
    CHECK(has(t, "25%"));
    CHECK(has(t, "25"));
    CHECK(has(t, "$40"));
    CHECK(has(t, "40"));
    CHECK(has(t, "16,5%"));
}

TEST_CASE("NBSP separates words", "[analyzer]") {
    Analyzer a;
    auto t = terms(a, "25\xC2\xA0млн рублей");
    CHECK(has(t, "25"));
    CHECK(has(t, "млн"));
}

TEST_CASE("empty and whitespace-only input give no tokens", "[analyzer]") {
    Analyzer a;
    CHECK(a.analyze(std::string("")).empty());
    CHECK(a.analyze(std::string(" \n\t\xC2\xA0 ")).empty());
    CHECK(a.analyze(std::string("— … «» !?")).empty());
}

TEST_CASE("invalid UTF-8 never crashes; valid words around it survive", "[analyzer]") {
    Analyzer a;
    std::string broken = "санкции \xFF\xFE\xC3 пошлины \xE2\x82";
    auto t = terms(a, broken);
    CHECK(has(t, "санкции"));
    CHECK(has(t, "пошлины"));
    std::string truncated = "\xD0";
    CHECK_NOTHROW(a.analyze(truncated));
}

TEST_CASE("index_article writes exact forms with positions, stems, and title terms", "[analyzer]") {
    Analyzer a;
    Xapian::Document doc;
    a.index_article(doc, "Новые пошлины", "США ввели пошлины на сталь.");
    CHECK(doc_has(doc, "пошлины"));
    CHECK(doc_has(doc, "Sпошлины"));
    // A word the dictionary knows is indexed by its lemma, not its stem.
    CHECK(doc_has(doc, "XMпошлина"));
    CHECK(doc_has(doc, "XMSпошлина"));
    CHECK_FALSE(doc_has(doc, "Zпошлин"));
    CHECK_FALSE(doc_has(doc, "ZSпошлин"));
    CHECK(doc_has(doc, "сша"));
    CHECK_FALSE(doc_has(doc, "Sсша"));  // body words are not title words
    // The title occurrence counts kTitleWeight times, the body one, in its
    // lead, kLeadWeight times.
    auto it = doc.termlist_begin();
    it.skip_to("пошлины");
    CHECK(it.get_wdf() == newsdex::schema::kTitleWeight + newsdex::schema::kLeadWeight);
    // Positions: the body's here, the title's under the title prefix only.
    CHECK(it.positionlist_count() == 1);
    it.skip_to("Sпошлины");
    CHECK(it.positionlist_count() == 1);
}

TEST_CASE("a capitalized common word inside a sentence is indexed as a name's use of it", "[analyzer]") {
    Analyzer a;
    REQUIRE(a.lemmatizer().available());
    Xapian::Document doc;
    a.index_article(doc, "Газ подешевел", "Бои в секторе Газа продолжились. Газ дешевеет, сказал Путину Песков.");
    // «Газа» inside a sentence: the name's use of газ, not the gas.
    CHECK(doc_has(doc, "XCгаз"));
    // «Газ» starting a sentence (body and title) is the word.
    CHECK(doc_has(doc, "XMгаз"));
    CHECK(doc_has(doc, "XMSгаз"));
    CHECK_FALSE(doc_has(doc, "XCSгаз"));
    // A name the dictionary knows is its lemma, wherever it stands.
    CHECK(doc_has(doc, "XMпутин"));
    CHECK_FALSE(doc_has(doc, "XCпутин"));
    // «Песков», read only as песок's genitive plural: a surname, indexed
    // as a name no dictionary knows (its stem, as «Соны» would be).
    CHECK(doc_has(doc, "XNпеск"));
    CHECK(doc_has(doc, "Zпеск"));
    CHECK_FALSE(doc_has(doc, "XCпесок"));
    CHECK_FALSE(doc_has(doc, "XMпесок"));
    // The exact form is there either way (phrases, exact matches).
    CHECK(doc_has(doc, "газа"));

    // A surname's shape right after a capitalized common word is a name
    // made of words: «Соединённых Штатов» is штат's use as a name.
    Xapian::Document states;
    a.index_article(states, "США", "Президент Соединённых Штатов прилетел. Министр встретил Пушкова.");
    CHECK(doc_has(states, "XCштат"));
    CHECK_FALSE(doc_has(states, "XNштат"));

    // Right after a first name, a common word's form is a surname:
    // «Илона Маска» is no маска; «Совет Маска» (a common word before) is
    // маска's use as a name, as «Газа» above.
    Xapian::Document musk;
    a.index_article(musk, "Tesla", "Компания Илона Маска выросла. Решение Совета Маска приняли.");
    CHECK(doc_has(musk, "XNмаск"));
    CHECK_FALSE(doc_has(musk, "XMмаска"));
    CHECK(doc_has(musk, "XCмаска"));

    // Capitals throughout say nothing: a headline set in capitals.
    Xapian::Document shouted;
    a.index_article(shouted, "ЦЕНЫ НА ГАЗ ВЫРОСЛИ", "Текст.");
    CHECK(doc_has(shouted, "XMSгаз"));
    CHECK_FALSE(doc_has(shouted, "XCSгаз"));

    // A verb is no name: it begins a title.
    Xapian::Document forum;
    a.index_article(forum, "Форум", "Он выступит на форуме «Россия Зовет».");
    CHECK(doc_has(forum, "XMзвать"));
    CHECK_FALSE(doc_has(forum, "XCзвать"));

    Xapian::Document quoted;
    a.index_article(quoted, "Песков: Мир изменился", "Он сказал:\nПесок засыпал дорогу.");
    // After a colon or a line break a capital says nothing.
    CHECK(doc_has(quoted, "XMSмир"));
    CHECK(doc_has(quoted, "XMпесок"));
}

namespace {

// A body of "ранние" and filler words, then `word` beginning at UTF-16
// offset `at`.
std::string body_with_word_at(int32_t at, const std::string& word) {
    std::string body = "ранние";
    int32_t units = 6;
    for (; units + 3 < at; units += 3) body += " ab";
    for (; units < at; ++units) body += ' ';
    return body + word;
}

Xapian::termcount wdf_of(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

}  // namespace

TEST_CASE("the body's lead counts kLeadWeight times in the general field", "[analyzer]") {
    using newsdex::schema::kLeadUnits;
    using newsdex::schema::kLeadWeight;
    Analyzer a;
    for (const auto& [at, wdf] : {std::pair{kLeadUnits - 1, kLeadWeight}, std::pair{kLeadUnits, 1u}}) {
        INFO(at);
        Xapian::Document doc;
        a.index_article(doc, "Пошлины", body_with_word_at(at, "пошлины"));
        // Every term the word has in the general field: its form (with one
        // position whatever its weight), its lemma; the title's own count
        // as before.
        CHECK(wdf_of(doc, "пошлины") == newsdex::schema::kTitleWeight + wdf);
        CHECK(wdf_of(doc, "XMпошлина") == newsdex::schema::kTitleWeight + wdf);
        CHECK(wdf_of(doc, "Sпошлины") == 1);
        CHECK(wdf_of(doc, "ранние") == kLeadWeight);
        auto it = doc.termlist_begin();
        it.skip_to("пошлины");
        CHECK(it.positionlist_count() == 1);
        CHECK(doc_has(doc, std::string(newsdex::schema::kLeadMarker)));
    }
    // A word no dictionary knows keeps its stem term, counted alike.
    Xapian::Document doc;
    a.index_article(doc, "", "кракозябры " + body_with_word_at(kLeadUnits + 10, "кракозябры"));
    CHECK(wdf_of(doc, "кракозябры") == kLeadWeight + 1);
    CHECK(wdf_of(doc, "XZкракозябр") == kLeadWeight + 1);
}

TEST_CASE("a Cyrillic word's root is indexed in the general field, counted as its word", "[analyzer]") {
    Analyzer a;
    Xapian::Document doc;
    a.index_article(doc, "Ужесточение правил", "Санкционный список и санкции. Газ, нефть, iPhone и интернет-магазин, в которых всё.");
    // The first five letters of a stem of five or more: a word's family.
    CHECK(wdf_of(doc, "XRужест") == newsdex::schema::kTitleWeight);
    CHECK(wdf_of(doc, "XRсанкц") == 2 * newsdex::schema::kLeadWeight);  // санкционный and санкции
    // Not in the title's own field; none for a shorter stem (газ, нефт,
    // прав of правил), a Latin word, a stopword (которых); a compound's
    // parts have theirs.
    CHECK_FALSE(doc_has(doc, "XRSужест"));
    CHECK_FALSE(doc_has(doc, "XRгаз"));
    CHECK_FALSE(doc_has(doc, "XRнефт"));
    CHECK_FALSE(doc_has(doc, "XRправ"));
    CHECK_FALSE(doc_has(doc, "XRiphon"));
    CHECK_FALSE(doc_has(doc, "XRкотор"));
    CHECK(doc_has(doc, "XRмагаз"));
    CHECK(newsdex::word_root("ужесточ") == "ужест");
    CHECK(newsdex::word_root("санкц") == "санкц");
    CHECK(newsdex::word_root("нефт").empty());
    CHECK(newsdex::word_root("iphon").empty());
    CHECK(newsdex::word_root("интернет-магазин").empty());
}

TEST_CASE("positions go to the words phrase queries are made of", "[analyzer]") {
    Analyzer a;
    Xapian::Document doc;
    a.index_article(doc, "", "В Ростов-на-Дону цены выросли на 25%.");
    auto positions = [&](const std::string& term) {
        auto it = doc.termlist_begin();
        it.skip_to(term);
        REQUIRE(it != doc.termlist_end());
        REQUIRE(*it == term);
        return it.positionlist_count();
    };
    CHECK(positions("ростов") == 1);
    CHECK(positions("дону") == 1);
    CHECK(positions("25") == 1);
    CHECK(positions("ростов-на-дону") == 0);  // a phrase query reads it as its parts
    CHECK(positions("25%") == 0);             // and this as the bare number
}

TEST_CASE("names get a key for the other alphabet unless it is too short to look up", "[analyzer]") {
    Analyzer a;
    Xapian::Document doc;
    a.index_article(doc, "", "Токаев сказал: Мир и Ким.");
    CHECK(doc_has(doc, "XLtokaev"));
    CHECK_FALSE(doc_has(doc, "XLmir"));
    CHECK_FALSE(doc_has(doc, "XLkim"));
}

TEST_CASE("queries are normalized like text, keeping operators and syntax", "[analyzer]") {
    Analyzer a;
    CHECK(a.normalize_query("Tокаев AND «Пошлины» NOT ёлка").text == "токаев AND \"пошлины\" NOT елка");
    CHECK(a.normalize_query("title:Санкции +Россия -США").text == "title:санкции +россия -сша");
    CHECK(a.normalize_query("and or").text == "and or");  // lower-case words are words
    auto q = a.normalize_query("интернет-магазинов");
    REQUIRE(q.compounds.size() == 1);
    CHECK(q.compounds[0].stem == "интернет-магазин");
}
