// The stemmer keeps recent stems in a small table; whatever the table holds,
// a word must stem as Snowball stems it.
#include "analysis/stemmer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// Distinct Russian-looking words, more of them than the table has slots, so
// words keep taking each other's slots over.
std::vector<std::string> many_words() {
    const std::vector<std::string> roots{"торг", "пошлин", "санкц", "дипломат", "футбол", "нефт", "газ", "рын",
                                         "бирж", "банк", "налог", "закон", "выбор", "суд", "войн", "мир"};
    const std::vector<std::string> middles{"", "ов", "ев", "ин", "ск", "изац", "ен", "ан", "ист", "оват"};
    const std::vector<std::string> endings{"а", "ы", "е", "у", "ой", "ами", "ах", "ого", "ому", "ыми",
                                           "ий", "ая", "ое", "ие", "ость", "остями", "ение", "ениями"};
    std::vector<std::string> out;
    for (int prefix = 0; prefix < 16; ++prefix)
        for (const std::string& root : roots)
            for (const std::string& middle : middles)
                for (const std::string& ending : endings)
                    out.push_back((prefix ? std::string("пере").substr(0, 2 * (prefix % 4 + 1)) + "з" +
                                                std::to_string(prefix) : "") + root + middle + ending);
    return out;
}

}  // namespace

TEST_CASE("cached stems are the stems Snowball gives, however often and in whatever order", "[stemmer]") {
    const std::vector<std::string> words = many_words();
    REQUIRE(words.size() > 40000);
    Xapian::Stem snowball("russian");
    Xapian::Stem stemmer = newsdex::make_stemmer();
    std::vector<std::string> expected;
    for (const std::string& w : words) expected.push_back(snowball(w));
    for (int pass = 0; pass < 3; ++pass) {
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            // Forwards, backwards, then each word twice in a row.
            const std::size_t k = pass == 1 ? words.size() - 1 - i : i;
            if (stemmer(words[k]) != expected[k]) ++wrong;
            if (pass == 2 && stemmer(words[k]) != expected[k]) ++wrong;
        }
        CHECK(wrong == 0);
    }
}

TEST_CASE("words too long for the cache still stem", "[stemmer]") {
    Xapian::Stem snowball("russian");
    Xapian::Stem stemmer = newsdex::make_stemmer();
    const std::string longest = "превысокомногорассмотрительствующими";  // 36 letters, 72 bytes
    for (int i = 0; i < 3; ++i) CHECK(stemmer(longest) == snowball(longest));
    CHECK(stemmer("интернет-магазинами") == "интернет-магазин");
    CHECK(stemmer("интернет-магазинами") == "интернет-магазин");
}
