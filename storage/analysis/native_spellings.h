// A Latin word read back into the letters of the language it romanizes:
// the Cyrillic spellings a Ukrainian or Belarusian name romanized by its
// country's official system or by the press's older English habits may
// stand for (Volodymyr, Oleksandr, Oleksiy, Mykhaylo; Aliaksandr,
// Uladzimir, Siarhei, Yauhen). A romanization drops what it cannot show
// (ь, the apostrophe) and writes some letters alike (Ukrainian i for і, ї
// and й, y for и and й; Belarusian u for у and ў, ia for я and ія), so one
// Latin word has several spellings; a dictionary decides which names exist
// (proper_names.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class Romanized : unsigned char {
    ukrainian,   // Ukraine's system of 2010 (Cabinet of Ministers resolution 55) and BGN's habits
    belarusian,  // Belarus's system of 2007 (Instruction on transliteration), BGN's and the press's
};

// The spellings in `language`'s letters of a word of Latin letters a..z (as
// ascii_spelling gives it, lower case), each capitalized as a name is
// (Володимир, Уладзімір), in UTF-8; at most kMaxNativeSpellings of them,
// the likeliest readings first; none for a word with a letter the
// romanization does not write (q, x; w but in Belarusian) or anything but
// a..z.
std::vector<std::string> native_spellings(std::string_view latin_word, Romanized language);

inline constexpr std::size_t kMaxNativeSpellings = 256;

}  // namespace newsdex
