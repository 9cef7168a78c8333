// Recent words and a short value each (a word's stem, where its lemmas are
// cached) in a fixed table of 64-byte slots, each word in the one slot its
// hash picks: a newer word takes the slot over. News vocabulary is Zipfian,
// so the frequent words stay, and the table stays in the processor's cache:
// a std::unordered_map of 200,000 words cost a fifth of the analysis time in
// memory stalls, more than stemming every word (stemmer.cpp), and looking
// each word's lemmas up in one was 4% of indexing's samples (lemmatizer.h).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace newsdex {

class RecentWords {
public:
    // `slots`: a power of two. calloc: fresh zeroed pages from the system,
    // touched only as words arrive, so a query process that looks a few
    // words up pays for a few pages.
    explicit RecentWords(std::size_t slots);

    // The value put for `word` (whose hash is `hash`), while it has its slot:
    // valid until the next put() or clear().
    std::optional<std::string_view> find(std::string_view word, std::size_t hash) const;
    // Keeps nothing for a word and value longer than a slot holds (53 bytes
    // together), nor for an empty word.
    void put(std::string_view word, std::size_t hash, std::string_view value);
    // Empties the slots put since the last clear(), not the whole table: a
    // query clears its lemmas' table for each index it opens (a --batch of
    // headlines cleared 2 MB a query: +12% of its instructions).
    void clear();

private:
    // All zero bytes: empty (no word is empty: see put()).
    struct Slot {
        std::size_t hash;
        unsigned char word_size, value_size;
        char bytes[54];
    };
    static_assert(sizeof(Slot) == 64 && std::is_trivial_v<Slot>);
    struct Free {
        void operator()(Slot* p) const { std::free(p); }
    };

    std::size_t mask_;
    std::unique_ptr<Slot[], Free> slots_;
    std::vector<std::size_t> used_;  // slots filled since the last clear()
};

}  // namespace newsdex
