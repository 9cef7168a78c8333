// Ukrainian and Belarusian proper names as Russian calls them: given names
// (Володимир, Уладзімір: Владимир; Олександр, Аляксандр: Александр;
// Михайло: Михаил; Сяргей: Сергей), surnames, places (Гродна: Гродно,
// Магілёў: Могилёв, Київ: Киев) and rivers (Дняпро: Днепр) — translations
// no spelling rule gives, so a name typed as Ukraine or Belarus romanizes
// it (Volodymyr, Uladzimir, Mykhailo, Siarhei, Hrodna) finds the Russian
// name its articles write. The names are the proper names of Apertium's
// Ukrainian-Russian and Belarusian-Russian dictionaries (apertium-rus-ukr,
// apertium-bel-rus), read at build time by cmake/proper_names.py: some 250.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The Russian names of a Latin word (lower case a..z, as ascii_spelling
// gives it) read as a Ukrainian or a Belarusian name (native_spellings.h),
// normalized as words are (lower case, ё folded); none when it spells no
// proper name of the dictionaries.
std::vector<std::string> russian_proper_names(std::string_view latin_word);

// "native\trussian\n" lines, sorted (generated).
extern const std::string_view kUkrainianProperNames;
extern const std::string_view kBelarusianProperNames;

}  // namespace newsdex
