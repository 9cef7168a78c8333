// Reduces one word to the form both the index and the query parser see:
// NFKC + case folding, ё→е, no stress marks, soft hyphens or zero-width
// characters, and Latin/Cyrillic look-alike letters repaired.
#pragma once

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace newsdex {

// The normalized form of `word` as UTF-8; empty if nothing word-like is left.
std::string normalize_word(const icu::UnicodeString& word);

// In-place variant for callers that keep working in UTF-16.
void normalize_word_utf16(icu::UnicodeString& word);

// Compatibility forms and case folded (NFKC_Casefold: no-break and other
// Unicode spaces become plain ones, invisible format characters go), and ё
// read as е: the one spelling both words and the text around them (dates,
// field names) are compared in.
void fold_text(icu::UnicodeString& text);
std::string fold_text(std::string_view utf8);

// Rewrites a word that mixes scripts into its majority script when every
// minority letter has a look-alike ("tокаев" with a Latin t → "токаев").
// Expects a case-folded word. Pure-script words are left alone.
void repair_mixed_script(icu::UnicodeString& word);

}  // namespace newsdex
