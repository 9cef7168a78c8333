// "Did you mean": a better word for a query word that finds little, taken
// from the index's own vocabulary, including words typed in the wrong
// keyboard layout.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// The same keys typed in the other keyboard layout (Russian ЙЦУКЕН ↔ US
// QWERTY): "gjikbys" → "пошлины", "ghbdtn" → "привет", "руддщ" → "hello".
// Characters with no counterpart are kept. Input and output are lower-case UTF-8.
std::string switch_keyboard_layout(std::string_view word);

// A better word for `word` (normalized: lower-case, ё folded) from the index
// vocabulary (the unprefixed terms of `db`): either its keyboard-layout twin
// when that is a word of the index, or a word within Damerau–Levenshtein
// distance 1 (words of up to 4 letters) or 2 (longer), preferring the
// smallest distance, then the most frequent word (termfreq). Only suggests a
// word more frequent than `word` itself (so a rare-but-correct word is left
// alone), and never a word that differs only by ё/е or case. nullopt if
// there is nothing better.
std::optional<std::string> suggest_word(const Xapian::Database& db, const std::string& word);

}  // namespace newsdex
