// Splits text into normalized words with ICU's word break rules, and groups
// hyphenated compounds and decorated numbers ("25%", "$40").
#pragma once

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace newsdex {

struct Word {
    std::string text;     // normalized form, UTF-8
    int32_t begin = 0;    // UTF-16 offsets into the tokenized text
    int32_t end = 0;
    bool numeric = false; // ICU classified it as a number
};

// A unit of indexing: one word, or a compound/decorated form of a run of
// words. `position` counts words; a compound shares its first part's position.
struct Token {
    std::string text;
    std::vector<std::string> parts;  // compound parts (normalized); empty otherwise
    std::string bare;                // for "25%" or "$40": the bare number, else empty
    bool capitalized = false;        // began with a capital letter in the text (names)
    int32_t begin = 0;
    int32_t end = 0;
    uint32_t position = 0;
};

// Whether the word at UTF-16 offset `begin` of `text` starts a sentence:
// nothing but spaces, quotes, brackets and dashes between it and the text's
// start, a line break, or a . ! ? … or : (a headline's «Песков: Кремль…»
// and quoted speech begin with a capital too). Its capital then says
// nothing about whether it is a name.
bool starts_sentence(const icu::UnicodeString& text, int32_t begin);

class Tokenizer {
public:
    Tokenizer();
    // Calls `emit` for each token of `text` in order. Invalid UTF-16
    // (from invalid UTF-8 input) has been replaced by U+FFFD and is skipped.
    void tokenize(const icu::UnicodeString& text, const std::function<void(const Token&)>& emit);

    // Word segments only (no compounds), for rewriting query strings.
    std::vector<Word> words(const icu::UnicodeString& text);

private:
    struct Segment {
        int32_t begin, end;
        bool wordlike, numeric;
    };
    std::vector<Segment> segments(const icu::UnicodeString& text);

    std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace newsdex
