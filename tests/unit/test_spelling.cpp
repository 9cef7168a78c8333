#include "spelling.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

using newsdex::suggest_word;
using newsdex::switch_keyboard_layout;

namespace {

using Vocabulary = std::map<std::string, Xapian::doccount>;

// An in-memory index whose terms occur in exactly as many documents as given.
Xapian::WritableDatabase index_of(const Vocabulary& vocabulary) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::doccount docs = 0;
    for (const auto& [term, freq] : vocabulary) docs = std::max(docs, freq);
    for (Xapian::doccount i = 0; i < docs; ++i) {
        Xapian::Document doc;
        for (const auto& [term, freq] : vocabulary)
            if (freq > i) doc.add_term(term);
        db.add_document(doc);
    }
    return db;
}

// Catch prints strings but not optionals; "<none>" keeps failures readable.
std::string suggestion(const Xapian::Database& db, const std::string& word) {
    return suggest_word(db, word).value_or("<none>");
}

// Reference Damerau–Levenshtein (optimal string alignment), the plain table.
unsigned osa_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::vector<unsigned>> d(a.size() + 1, std::vector<unsigned>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = unsigned(i);
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = unsigned(j);
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        // The test alphabet is Cyrillic U+0430..U+043F: two bytes each.
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    }
    return out;
}

}  // namespace

TEST_CASE("switching the keyboard layout maps the same keys both ways", "[spelling]") {
    CHECK(switch_keyboard_layout("gjikbys") == "пошлины");
    CHECK(switch_keyboard_layout("ghbdtn") == "привет");
    CHECK(switch_keyboard_layout("cfyrwbb") == "санкции");
    CHECK(switch_keyboard_layout("ctyrwbb") == "сенкции");
    CHECK(switch_keyboard_layout("руддщ") == "hello");
    CHECK(switch_keyboard_layout("hf,jnf") == "работа");
    CHECK(switch_keyboard_layout("`krf") == "ёлка");
    CHECK(switch_keyboard_layout("жэхъ") == ";'[]");
    CHECK(switch_keyboard_layout(switch_keyboard_layout("пошлины")) == "пошлины");
    // Keys with no letter in the other layout stay as typed.
    CHECK(switch_keyboard_layout("ntcn-2") == "тест-2");
    CHECK(switch_keyboard_layout("тест-2") == "ntcn-2");
    CHECK(switch_keyboard_layout("").empty());
}

TEST_CASE("a word typed in the wrong layout is corrected to its twin in the index", "[spelling]") {
    auto db = index_of({{"пошлины", 30}, {"санкции", 20}, {"hello", 5}, {"елка", 4}});
    CHECK(suggestion(db, "gjikbys") == "пошлины");
    CHECK(suggestion(db, "cfyrwbb") == "санкции");
    CHECK(suggestion(db, "руддщ") == "hello");
    // The twin is compared ё-folded, as the index stores words.
    CHECK(suggestion(db, "`krf") == "елка");
    // "привет" is not a word of this index.
    CHECK(suggestion(db, "ghbdtn") == "<none>");
}

TEST_CASE("a word one edit from a more frequent word is corrected", "[spelling]") {
    SECTION("the nearest word wins over a more frequent farther one") {
        auto db = index_of({{"пошлины", 100}, {"пошлина", 40}, {"пошлинах", 1000}, {"пошлинв", 2}});
        CHECK(suggestion(db, "пошлинв") == "пошлины");
        CHECK(suggestion(db, "пошлиня") == "пошлины");
        CHECK(suggestion(db, "пошлна") == "пошлина");
    }
    SECTION("among equally near words the most frequent wins") {
        auto db = index_of({{"пошлины", 100}, {"пошлина", 200}});
        CHECK(suggestion(db, "пошлинв") == "пошлина");
    }
}

TEST_CASE("swapped neighbouring letters are one edit", "[spelling]") {
    auto db = index_of({{"санкциям", 5}, {"цена", 10}, {"пошлины", 7}});
    CHECK(suggestion(db, "санкицям") == "санкциям");
    // A four-letter word allows one edit only, so this needs the swap rule.
    CHECK(suggestion(db, "цнеа") == "цена");
    // Swapped first letters are found under the second letter.
    CHECK(suggestion(db, "опшлины") == "пошлины");
}

TEST_CASE("long words are corrected across two edits, not three", "[spelling]") {
    auto db = index_of({{"переговоры", 50}, {"экономика", 30}});
    CHECK(suggestion(db, "перигаворы") == "переговоры");
    CHECK(suggestion(db, "эканомикя") == "экономика");
    CHECK(suggestion(db, "пиригаворы") == "<none>");
}

TEST_CASE("short words are corrected by one edit only", "[spelling]") {
    auto db = index_of({{"цена", 50}, {"мир", 40}});
    CHECK(suggestion(db, "цкна") == "цена");
    CHECK(suggestion(db, "цкнв") == "<none>");
    CHECK(suggestion(db, "мри") == "мир");
    // Two edits reach a four-letter word only through a longer typo: still too far.
    CHECK(suggestion(db, "цкнаы") == "<none>");
    // One- and two-letter words are not edited at all.
    CHECK(suggestion(db, "ми") == "<none>");
}

TEST_CASE("a correct word is left alone unless a nearby word is more frequent", "[spelling]") {
    auto db = index_of({{"санкции", 500}, {"санкция", 100}, {"санкций", 300}, {"пошлинв", 10}, {"пошлины", 3}});
    CHECK(suggestion(db, "санкции") == "<none>");
    CHECK(suggestion(db, "санкция") == "санкции");
    CHECK(suggestion(db, "пошлинв") == "<none>");
}

TEST_CASE("numbers are never corrected nor suggested", "[spelling]") {
    auto db = index_of({{"2024", 100}, {"2025", 100}, {"ту-134", 50}, {"ту-154", 5}, {"ми6", 100}});
    CHECK(suggestion(db, "2023") == "<none>");
    CHECK(suggestion(db, "ту-154") == "<none>");
    CHECK(suggestion(db, "миб") == "<none>");
}

TEST_CASE("a word close to nothing gets no suggestion", "[spelling]") {
    auto db = index_of({{"пошлины", 100}, {"санкции", 50}});
    CHECK(suggestion(db, "абвгдежз") == "<none>");
    CHECK(suggestion(db, "") == "<none>");
}

TEST_CASE("prefixed terms are never suggested", "[spelling]") {
    auto db = index_of({{"Zпошлин", 100}, {"ZSпошлин", 100}, {"Sпошлины", 100}, {"Qпошлины", 100}});
    CHECK(suggestion(db, "пошлин") == "<none>");
    CHECK(suggestion(db, "пошлины") == "<none>");
    CHECK(suggestion(db, "sпошлины") == "<none>");
    CHECK(suggestion(db, "zпошлин") == "<none>");
}

TEST_CASE("a word differing only by ё or case is not a suggestion", "[spelling]") {
    auto db = index_of({{"лёд", 50}, {"пОшлины", 50}});
    CHECK(suggestion(db, "лед") == "<none>");
    CHECK(suggestion(db, "пошлины") == "<none>");
    // The same words are reachable when the difference is a real typo.
    CHECK(suggestion(db, "лод") == "лёд");
}

TEST_CASE("the pruned vocabulary walk finds what a full scan finds", "[spelling]") {
    // Many similar words over a five-letter alphabet stress the shared-row
    // reuse and the skipping of far prefixes.
    std::mt19937 random(20240601);
    auto letter = [&] { return char32_t(U'а' + std::uniform_int_distribution<int>(0, 4)(random)); };
    auto word = [&] {
        std::u32string w(std::size_t(std::uniform_int_distribution<int>(3, 8)(random)), U' ');
        for (char32_t& c : w) c = letter();
        return w;
    };
    std::map<std::u32string, Xapian::doccount> vocabulary;
    while (vocabulary.size() < 1500) vocabulary.emplace(word(), std::uniform_int_distribution<Xapian::doccount>(1, 40)(random));
    Vocabulary terms;
    for (const auto& [w, freq] : vocabulary) terms.emplace(utf8(w), freq);
    auto db = index_of(terms);

    for (int round = 0; round < 300; ++round) {
        const std::u32string typed = word();
        const auto found = vocabulary.find(typed);
        const Xapian::doccount typed_freq = found == vocabulary.end() ? 0 : found->second;
        const unsigned allowed_for_word = typed.size() <= 4 ? 1 : 2;
        // Best by (distance, higher freq), first seen on ties, scanning terms
        // under the first letter, then under the second.
        std::string expected = "<none>";
        std::tuple<unsigned, Xapian::doccount> best{99, 0};
        std::vector<char32_t> regions{typed[0]};
        if (typed[1] != typed[0]) regions.push_back(typed[1]);
        for (char32_t region : regions)
            for (const auto& [w, freq] : vocabulary) {
                if (w[0] != region || w == typed || freq <= typed_freq) continue;
                const unsigned d = osa_distance(typed, w);
                const unsigned allowed = std::min(w.size(), typed.size()) <= 4 ? 1 : 2;
                if (d > allowed || d > allowed_for_word) continue;
                if (d < std::get<0>(best) || (d == std::get<0>(best) && freq > std::get<1>(best))) {
                    best = {d, freq};
                    expected = utf8(w);
                }
            }
        INFO("typed " << utf8(typed));
        CHECK(suggestion(db, utf8(typed)) == expected);
    }
}
