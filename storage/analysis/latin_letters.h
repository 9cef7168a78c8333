// Latin letters as the name key and the name readings tell them apart
// (transliteration.cpp, name_readings.cpp): lower-case ASCII only.
#pragma once

namespace newsdex {

inline bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
// y is neither: a vowel (Kelly), a glide (Maya) or half of a digraph (ay).
inline bool is_consonant(char c) { return !is_vowel(c) && c != 'y'; }

}  // namespace newsdex
