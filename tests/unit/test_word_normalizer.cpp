#include "analysis/word_normalizer.h"

#include <catch2/catch.hpp>

using newsdex::normalize_word;

namespace {
std::string norm(const char* utf8) { return normalize_word(icu::UnicodeString::fromUTF8(utf8)); }
}  // namespace

TEST_CASE("case is folded", "[normalizer]") {
    CHECK(norm("ПОШЛИНАМИ") == "пошлинами");
    CHECK(norm("Пошлина") == "пошлина");
    CHECK(norm("ExxonMobil") == "exxonmobil");
}

TEST_CASE("ё folds to е, upper and lower case", "[normalizer]") {
    CHECK(norm("ёлка") == "елка");
    CHECK(norm("Ёлка") == "елка");
    CHECK(norm("всё") == "все");
    // Decomposed ё (е + U+0308) as some editors save it.
    CHECK(norm("е\xCC\x88лка") == "елка");
}

TEST_CASE("stress marks are removed without breaking й", "[normalizer]") {
    CHECK(norm("за\xCC\x81мок") == "замок");         // U+0301
    CHECK(norm("замо\xCC\x80к") == "замок");         // U+0300
    CHECK(norm("мой") == "мой");
    CHECK(norm("и\xCC\x86") == "й");                  // decomposed й recomposes
    CHECK(norm("Йо\xCC\x81шкар-Ола") == "йошкар-ола");
}

TEST_CASE("soft hyphens and zero-width characters disappear", "[normalizer]") {
    CHECK(norm("пере\xC2\xADговоры") == "переговоры");
    CHECK(norm("пере\xE2\x80\x8Bговоры") == "переговоры");
    CHECK(norm("\xEF\xBB\xBFсанкции") == "санкции");
}

TEST_CASE("Latin look-alikes inside Cyrillic words are repaired", "[normalizer]") {
    CHECK(norm("Tокаев") == "токаев");      // Latin T
    CHECK(norm("Пoшлины") == "пошлины");    // Latin o
    CHECK(norm("MOCKBA") == "mockba");      // all Latin: left alone
    CHECK(norm("Micrоsoft") == "microsoft"); // Cyrillic о in a Latin word
}

TEST_CASE("pure Latin words stay Latin", "[normalizer]") {
    CHECK(norm("Chevron") == "chevron");
    CHECK(norm("AI") == "ai");
}

TEST_CASE("a minority letter without a look-alike leaves the word alone", "[normalizer]") {
    // 'z' has no Cyrillic twin: the word is genuinely mixed, not disguised.
    CHECK(norm("пzшлины") == "пzшлины");
}

TEST_CASE("compatibility forms are unified by NFKC", "[normalizer]") {
    CHECK(norm("ﬁnance") == "finance");           // ligature
    CHECK(norm("\xEF\xBC\xA1\xEF\xBC\xA9") == "ai"); // fullwidth AI
}
