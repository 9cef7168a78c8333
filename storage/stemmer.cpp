#include "stemmer.h"

#include <string>
#include <unordered_map>

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
        auto cached = cache_.find(word);
        if (cached != cache_.end()) return cached->second;
        std::string stem = stem_word(word);
        // News vocabulary is Zipfian: a bounded cache catches most lookups.
        if (cache_.size() > kMaxCached) cache_.clear();
        cache_.emplace(word, stem);
        return stem;
    }

    std::string get_description() const override { return "newsdex mixed russian/english"; }

private:
    static constexpr std::size_t kMaxCached = 200000;

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
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

Xapian::Stem make_stemmer() { return Xapian::Stem(new MixedStemmer); }

}  // namespace newsdex
