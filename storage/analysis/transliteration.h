// Name keys: one Latin spelling-independent form per name, so a Latin query
// finds the Cyrillic name (Tokayev → Токаев) and the reverse. Indexed under
// kNameKeyPrefix (schema.h) for capitalized words. How other languages'
// spellings are read aloud before they are keyed: name_readings.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// A spelling-independent Latin key for a name, the same for its Cyrillic and
// Latin spellings: "токаев", "tokayev", "tokaev" → "tokaev" (for example).
// `word` is already normalized by the analyzer: lower-case, ё folded to е,
// no stress marks. Returns "" for words that are not purely Cyrillic or
// purely Latin letters (digits, hyphens, mixed), or shorter than 3 letters.
std::string name_key(std::string_view word);

// A Latin word spelt without diacritics as its language writes it then
// (Müller → mueller, Wałęsa → walensa, Dvořák → dvorzhak, Erdoğan →
// erdogan, Peña → penya), so that name_key and the readings can read it; the
// word itself when it is ASCII letters already, "" when it holds anything
// but Latin letters. `word` is normalized (lower case; acute accents, which
// the analyzer strips as stress marks, are gone already).
std::string ascii_spelling(std::string_view word);

// A Cyrillic spelling of a name key, lower case: the inverse of name_key
// where it is one (kurs → курс, sholts → шолц: ь and й are not in keys, so
// a name's spelling may differ). For asking whether the word a reading
// finds is a common word (кости among the cases of Costa: Коста), not to
// print. "" for a key of anything but Latin letters.
std::string cyrillic_spelling(std::string_view key);

// Shorter keys find too much to be looked up (three letters are a syllable,
// not a name), so they are not indexed either.
inline constexpr std::size_t kMinNameKeyBytes = 4;

}  // namespace newsdex
