// Name readings: how Russian writes a name spelt in Latin letters by
// another language's rules, read aloud (Haley: Хейли, Scholz: Шольц, Kyiv:
// Киев, Jinping: Цзиньпин, Shinzo: Синдзо), as further spellings to look up
// by their name keys (transliteration.h) where name_key's letter-for-letter
// mapping (English and the Russian romanizations) misses. Query side only
// (query_builder.cpp): the index keys names as Russian text spells them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// How Russian writes an English name read aloud, as far as its spelling
// tells (Russian practical transcription): Trump → tramp (Трамп), Johnson →
// dzhonson (Джонсон), Biden → baiden (Байден), Haley → kheili (Хейли),
// Pence → pens (Пенс), Mattis → mettis (Мэттис), McCain → makein
// (Маккейн). name_key maps spellings letter for letter, which finds Tokayev
// and Navalny but not these. English a is read both ways Russian writes it
// (Gates: Гейтс, Davis: Дэвис; Harris: Харрис, Mattis: Мэттис), and s
// between vowels both ways (Pelosi: Пелоси, Theresa: Тереза), so up to
// four readings, each differing from the spelling; none for a word of
// anything but Latin letters. Readings to look up, not replacements:
// Nikita read this way (naikita) names nobody, and the spelling still
// finds Никита.
std::vector<std::string> english_readings(std::string_view latin_word);

// How Russian writes a name spelt the German, Polish, Spanish, French,
// Italian or Ukrainian way, as far as the spelling tells (Russian practical
// transcription): Scholz → sholts (Шольц), Steinmeier → shtainmaier
// (Штайнмайер), Kaczynski → kachynski (Качиньский), Morawiecki →
// moravetski (Моравецкий), Sanchez → sanches (Санчес), Rajoy → rakhoy
// (Рахой), Hollande → olland (Олланд), Francois → fransua (Франсуа),
// Giovanni → dzhovanni (Джованни), Kharkiv → kharkov (Харьков), Kyiv →
// kiev (Киев), Serhiy → sergei (Сергей). Further readings to look up, as
// english_readings are, where name_key's letter-for-letter mapping (English
// and the Russian romanizations) misses. A language's rules read only a
// spelling with a mark of that language and none of the letters it does
// not write (German sch, z, ei…; Polish cz, sz, -ski…; Spanish -ez, j,
// ll…, no k or w; French ou, oi, eau, ch, ill…, no k or w; Italian a final
// vowel and gi, ce, gn, z…, no k, w, x, y or j; Ukrainian yi, iy, -iv, an
// h not English's), so Merz is not Меж, Kurz
// not курс, Jane not Жан. Each reading differs from the spelling and from
// the others; none for a word that is not Latin letters only. A reading
// that names nobody finds nothing.
std::vector<std::string> european_readings(std::string_view latin_word);

// How Russian writes a Chinese name spelt in pinyin, by Palladius's system:
// Jinping → tszinpin (Цзиньпин), Keqiang → ketsian (Кэцян), Xinjiang →
// sintszian (Синьцзян), Huawei → khuavei (Хуавэй). Only for a word that is
// pinyin syllables throughout, two or more of them or one with x, q, z, c
// or j (so Long, Song, King are not read); "" when it is not, or reads as
// spelt. A further reading to look up, as english_readings are.
std::string chinese_reading(std::string_view latin_word);

// How Russian writes a Japanese name spelt in Hepburn romanization, by
// Polivanov's system: Shinzo → sindzo (Синдзо), Hiroshima → khirosima
// (Хиросима), Yoshihide → yosikhide (Ёсихидэ), Suzuki → sudzuki (Судзуки).
// Only for a word that is Hepburn's syllables throughout (a consonant
// before a vowel, but n, or doubled); "" when it is not, or reads as spelt
// (Osaka, Honda: the key of the spelling is the name's already). A further
// reading to look up, as english_readings are.
std::string japanese_reading(std::string_view latin_word);

// Every reading above of a Latin word (as ascii_spelling spells it), each
// once: the further spellings a Latin name is looked up by.
std::vector<std::string> name_readings(std::string_view latin_word);

}  // namespace newsdex
