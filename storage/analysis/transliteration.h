// Name keys: one Latin spelling-independent form per name, so a Latin query
// finds the Cyrillic name (Tokayev → Токаев) and the reverse. Indexed under
// kNameKeyPrefix (schema.h) for capitalized words.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// A spelling-independent Latin key for a name, the same for its Cyrillic and
// Latin spellings: "токаев", "tokayev", "tokaev" → "tokaev" (for example).
// `word` is already normalized by the analyzer: lower-case, ё folded to е,
// no stress marks. Returns "" for words that are not purely Cyrillic or
// purely Latin letters (digits, hyphens, mixed), or shorter than 3 letters.
std::string name_key(std::string_view word);

// How Russian writes an English name read aloud, as far as its spelling
// tells: Trump → tramp (Трамп), Johnson → dzhonson (Джонсон), Biden →
// baiden (Байден), Mike → maik, Hunter → khanter. name_key maps spellings
// letter for letter, which finds Tokayev and Navalny but not these. For a
// Latin word of letters only; "" when the reading is the spelling itself.
// A second reading to look up, not a replacement: Nikita read this way
// (naikita) names nobody, and the first reading still finds Никита.
std::string english_reading(std::string_view latin_word);

// Shorter keys find too much to be looked up (three letters are a syllable,
// not a name), so they are not indexed either.
inline constexpr std::size_t kMinNameKeyBytes = 4;

}  // namespace newsdex
