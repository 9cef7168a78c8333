// Checks the analyzer's Russian stemming against the Snowball reference
// vocabulary in ../shared/data, when it is present.
#include "analysis/analyzer.h"
#include "shared_data.h"
#include "analysis/word_normalizer.h"

#include <catch2/catch.hpp>

#include <iostream>

TEST_CASE("stems agree with the Snowball reference list", "[stemmer][shared-data]") {
    auto file = newsdex::testing::shared_data_file("snowball-russian.tsv.xz");
    if (!file) {
        WARN("skipped: ../shared/data/snowball-russian.tsv.xz is not present");
        return;
    }
    newsdex::Analyzer analyzer;
    std::size_t total = 0, agree = 0;
    std::vector<std::string> examples;
    newsdex::testing::for_each_line(*file, [&](const std::string& line) {
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) return;
        // ё is folded on both sides: the analyzer folds it before stemming.
        std::string word = newsdex::normalize_word(icu::UnicodeString::fromUTF8(line.substr(0, tab)));
        std::string expected = newsdex::normalize_word(icu::UnicodeString::fromUTF8(line.substr(tab + 1)));
        ++total;
        if (analyzer.stemmer()(word) == expected) ++agree;
        else if (examples.size() < 10) examples.push_back(line);
    });
    const double share = total ? 100.0 * static_cast<double>(agree) / static_cast<double>(total) : 0.0;
    std::cout << "Snowball agreement: " << agree << " / " << total << " = " << share << "%\n";
    for (const auto& e : examples) std::cout << "  differs: " << e << '\n';
    CHECK(total > 40000);
    CHECK(share >= 99.9);
}

namespace {

std::string first_letter(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    std::string out;
    if (!u.isEmpty()) icu::UnicodeString(u.char32At(0)).toUTF8String(out);
    return out;
}

}  // namespace

// Snippets stem only the words whose first letter begins a wanted stem
// (query/snippet.cpp); that is right only while no stem changes its word's
// first letter.
TEST_CASE("every stem begins with its word's first letter", "[stemmer][snippet]") {
    newsdex::Analyzer analyzer;
    std::size_t checked = 0;
    auto check = [&](const std::string& word) {
        const std::string stem = analyzer.stemmer()(word);
        INFO(word << " -> " << stem);
        CHECK(first_letter(stem) == first_letter(word));
        ++checked;
    };
    for (const char* word : {"санкциями", "ёлками", "россия", "ростов-на-дону", "интернет-магазинами", "skies",
                             "dying", "yesterday", "happily", "generously", "news", "ios-приложения", "5g", "x5"})
        check(newsdex::normalize_word(icu::UnicodeString::fromUTF8(word)));
    if (auto file = newsdex::testing::shared_data_file("snowball-russian.tsv.xz")) {
        newsdex::testing::for_each_line(*file, [&](const std::string& line) {
            check(newsdex::normalize_word(icu::UnicodeString::fromUTF8(line.substr(0, line.find('\t')))));
        });
        CHECK(checked > 40000);
    }
}
