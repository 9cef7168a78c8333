// Exonyms: the Russian name of a country or city typed by its English name
// (China: Китай, Poland: Польша, Moscow: Москва, Warsaw: Варшава), which no
// reading of the spelling gives. From ICU's locale data (CLDR): the
// countries' display names and the time zones' exemplar cities, in English
// and in Russian, so no word list of ours.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The Russian names (normalized as words are: lower case, ё folded) of the
// countries and cities whose English name, one word, is `latin_word`
// (lower-case ASCII letters); empty for any other word. Each call scans
// ICU's names (about 700) for it.
std::vector<std::string> russian_exonyms(std::string_view latin_word);

}  // namespace newsdex
