// Ukrainian and Belarusian given names as Russian calls them (Володимир,
// Уладзімір: Владимир; Олександр, Аляксандр: Александр; Михайло: Михаил;
// Сяргей: Сергей): translations no spelling rule gives, so a name typed as
// Ukraine or Belarus romanizes it (Volodymyr, Uladzimir, Mykhailo,
// Siarhei) finds the Russian name its articles write. The names are the
// given names (<np><ant>) of Apertium's Ukrainian-Russian and
// Belarusian-Russian dictionaries (apertium-rus-ukr, apertium-bel-rus),
// read at build time by cmake/given_names.py: some ninety whose Russian
// differs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The Russian given names of a Latin word (lower case a..z, as
// ascii_spelling gives it) read as a Ukrainian or a Belarusian name
// (native_spellings.h), normalized as words are (lower case, ё folded);
// none when it spells no given name of the dictionaries.
std::vector<std::string> russian_given_names(std::string_view latin_word);

// "native\trussian\n" lines, sorted (generated).
extern const std::string_view kUkrainianGivenNames;
extern const std::string_view kBelarusianGivenNames;

}  // namespace newsdex
