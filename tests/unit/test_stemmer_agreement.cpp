// Checks the analyzer's Russian stemming against the Snowball reference
// vocabulary in ../shared/data, when it is present.
#include "analyzer.h"
#include "shared_data.h"
#include "word_normalizer.h"

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
