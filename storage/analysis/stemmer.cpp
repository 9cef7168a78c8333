#include "analysis/stemmer.h"

#include "analysis/lemmatizer.h"
#include "analysis/recent_words.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {
namespace {

// UTF-8 lead bytes of U+0400..U+052F (Cyrillic and its supplement).
bool has_cyrillic(const std::string& word) {
    for (unsigned char c : word)
        if (c >= 0xD0 && c <= 0xD4) return true;
    return false;
}

bool has_ascii_letter(const std::string& word) {
    for (unsigned char c : word)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return false;
}

class MixedStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        if (word.find('-') != std::string::npos) return stem_compound(word);
        const std::size_t hash = std::hash<std::string>{}(word);
        if (std::optional<std::string_view> stem = recent_.find(word, hash)) return std::string(*stem);
        std::string stem = stem_word(word);
        recent_.put(word, hash, stem);
        return stem;
    }

    std::string get_description() const override { return "newsdex mixed russian/english"; }

private:
    std::string stem_word(const std::string& word) {
        if (has_cyrillic(word)) return russian_(word);
        if (has_ascii_letter(word)) return english_(word);
        return word;
    }

    std::string stem_compound(const std::string& word) {
        std::string out;
        std::size_t start = 0;
        while (true) {
            std::size_t dash = word.find('-', start);
            std::string part = word.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
            out += part.empty() ? part : stem_word(part);
            if (dash == std::string::npos) break;
            out += '-';
            start = dash + 1;
        }
        return out;
    }

    Xapian::Stem russian_{"russian"};
    Xapian::Stem english_{"english"};
    // 2 MB did no better than 256 KB on the dev data, and a query process,
    // which stems a few words, would fault in a page for each.
    RecentWords recent_{std::size_t{1} << 12};
};

}  // namespace

Xapian::Stem make_stemmer() { return Xapian::Stem(new MixedStemmer); }

std::string word_root(const std::string& stem) {
    constexpr std::size_t kRootBytes = 10;  // five Cyrillic letters, two bytes each
    if (stem.size() < kRootBytes || !is_cyrillic_word(stem)) return {};
    return stem.substr(0, kRootBytes);
}

}  // namespace newsdex
