// The stemmer both tools use: Snowball Russian for Cyrillic words, Snowball
// English for Latin words, numbers unchanged. Hyphenated compounds are
// stemmed part by part ("интернет-магазинами" → "интернет-магазин").
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsdex {

// A Xapian::Stem wrapping the mixed-script stemmer, so Xapian's QueryParser
// stems query words exactly as the analyzer stems indexed words.
Xapian::Stem make_stemmer();

// A Cyrillic word's root: the first five letters of its Snowball stem, when
// the stem has that many; empty for any other stem. Words of one family
// share it where no stem or lemma joins them (ужесточает / ужесточение,
// возместить / возмещение, санкции / санкционный), and so do unrelated ones
// (представить / представитель): a coarse term, indexed under
// schema::kRootPrefix and asked for only by any-word queries, beside each
// word (query_builder.cpp, where the five letters were measured).
std::string word_root(const std::string& stem);

}  // namespace newsdex
