// Ukrainian given names as Russian calls them (Володимир: Владимир,
// Олександр: Александр, Михайло: Михаил, Василь: Василий): translations no
// spelling rule gives, so a name typed as Ukraine romanizes it (Volodymyr,
// Oleksandr, Mykhailo) finds the Russian name its articles write. The
// names are the given names (<np><ant>) of Apertium's Ukrainian-Russian
// dictionary (apertium-rus-ukr), read at build time by
// cmake/ukrainian_given_names.py: some thirty whose Russian differs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The Russian given names of a Latin word (lower case a..z, as
// ascii_spelling gives it) read as a Ukrainian name (ukrainian_spellings.h),
// normalized as words are (lower case, ё folded); none when it spells no
// given name of the dictionary.
std::vector<std::string> russian_given_names(std::string_view latin_word);

// "ukrainian\trussian\n" lines, sorted (generated).
extern const std::string_view kUkrainianGivenNames;

}  // namespace newsdex
