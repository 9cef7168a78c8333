// The stemmer both tools use: Snowball Russian for Cyrillic words, Snowball
// English for Latin words, numbers unchanged. Hyphenated compounds are
// stemmed part by part ("интернет-магазинами" → "интернет-магазин").
#pragma once

#include <xapian.h>

namespace newsdex {

// A Xapian::Stem wrapping the mixed-script stemmer, so Xapian's QueryParser
// stems query words exactly as the analyzer stems indexed words.
Xapian::Stem make_stemmer();

}  // namespace newsdex
