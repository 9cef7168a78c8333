// Russian stopwords, used for ranking only: the indexer keeps every word (so
// phrases and stopword-only queries work); the query parser drops these from
// keyword queries. Negation and news words ("не", "нет", "россия", "сша") are
// deliberately absent.
#pragma once

#include <xapian.h>

#include <string_view>
#include <vector>

namespace newsdex {

const std::vector<std::string_view>& russian_stopwords();
bool is_stopword(std::string_view word);
// Adds these words to a stopper for QueryParser::set_stopper (one not
// released to Xapian's reference counting: its owner outlives the parser).
void add_stopwords(Xapian::SimpleStopper& stopper);

}  // namespace newsdex
