#include "analysis/stemmer.h"

#include "analysis/lemmatizer.h"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

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

// Recent words and their stems in a fixed table of 4096 64-byte slots (256
// KB), each word in the one slot its hash picks (a newer word takes the slot
// over). News vocabulary is Zipfian, so the frequent words stay and the table
// stays in the processor's cache: a std::unordered_map of 200,000 words cost
// a fifth of the analysis time in memory stalls, more than stemming every
// word. 2 MB did no better than 256 KB on the dev data, and a query process,
// which stems a few words, would fault in a page for each.
class StemCache {
public:
    // calloc: fresh zeroed pages from the system, touched only as words
    // arrive, so a query process that stems a few words pays for a few pages.
    StemCache() : slots_(static_cast<Slot*>(std::calloc(kSlots, sizeof(Slot)))) {
        if (!slots_) throw std::bad_alloc();
    }

    std::optional<std::string> find(std::string_view word, std::size_t hash) const {
        const Slot& slot = slots_[hash & (kSlots - 1)];
        if (slot.hash != hash || slot.word_size != word.size() ||
            std::memcmp(slot.bytes, word.data(), word.size()) != 0)
            return std::nullopt;
        return std::string(slot.bytes + slot.word_size, slot.stem_size);
    }

    void put(std::string_view word, std::size_t hash, const std::string& stem) {
        if (word.empty() || word.size() + stem.size() > sizeof(Slot::bytes)) return;
        Slot& slot = slots_[hash & (kSlots - 1)];
        slot.hash = hash;
        slot.word_size = static_cast<unsigned char>(word.size());
        slot.stem_size = static_cast<unsigned char>(stem.size());
        std::memcpy(slot.bytes, word.data(), word.size());
        std::memcpy(slot.bytes + word.size(), stem.data(), stem.size());
    }

private:
    // All zero bytes: empty (no word is empty: see put()).
    struct Slot {
        std::size_t hash;
        unsigned char word_size, stem_size;
        char bytes[54];
    };
    static_assert(sizeof(Slot) == 64 && std::is_trivial_v<Slot>);
    struct Free {
        void operator()(Slot* p) const { std::free(p); }
    };
    static constexpr std::size_t kSlots = std::size_t{1} << 12;

    std::unique_ptr<Slot[], Free> slots_;
};

class MixedStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        if (word.find('-') != std::string::npos) return stem_compound(word);
        const std::size_t hash = std::hash<std::string>{}(word);
        if (std::optional<std::string> stem = cache_.find(word, hash)) return std::move(*stem);
        std::string stem = stem_word(word);
        cache_.put(word, hash, stem);
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
    StemCache cache_;
};

}  // namespace

Xapian::Stem make_stemmer() { return Xapian::Stem(new MixedStemmer); }

std::string word_root(const std::string& stem) {
    constexpr std::size_t kRootBytes = 10;  // five Cyrillic letters, two bytes each
    if (stem.size() < kRootBytes || !is_cyrillic_word(stem)) return {};
    return stem.substr(0, kRootBytes);
}

}  // namespace newsdex
