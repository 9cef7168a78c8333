// A Latin word read back into Ukrainian letters: the Cyrillic spellings a
// Ukrainian name romanized by Ukraine's official system (Cabinet of
// Ministers resolution 55 of 2010: Volodymyr, Oleksandr, Mykhailo, Vasyl)
// or by the older English habits (Oleksiy, Andriy, Vyacheslav, Mykhaylo)
// may stand for. The romanization drops what it cannot show (ь, the
// apostrophe) and writes some letters alike (i for і, ї and й; y for и and
// й; ia for я and ія), so one Latin word has several spellings; a
// dictionary decides which names exist (Lemmatizer::russian_given_names).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The Ukrainian spellings of a word of Latin letters a..z (as
// ascii_spelling gives it, lower case), each capitalized as a name is
// (Володимир), in UTF-8; at most kMaxUkrainianSpellings of them, the
// likeliest readings first (each digraph as its one letter before its
// letters one by one); none for a word with a letter Ukrainian
// romanization does not write (q, w, x) or anything but a..z.
std::vector<std::string> ukrainian_spellings(std::string_view latin_word);

inline constexpr std::size_t kMaxUkrainianSpellings = 256;

}  // namespace newsdex
