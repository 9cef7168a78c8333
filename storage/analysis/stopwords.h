// Russian stopwords, used for ranking only: the indexer keeps every word (so
// phrases and stopword-only queries work); the query parser drops these from
// keyword queries. Negation and news words ("не", "нет", "россия", "сша") are
// deliberately absent.
#pragma once

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>

namespace newsdex {

std::span<const std::string_view> russian_stopwords();
bool is_stopword(std::string_view word);
// These words as a stopper for QueryParser::set_stopper (one not released
// to Xapian's reference counting: its owner outlives the parser). It asks
// is_stopword: a SimpleStopper filled with them cost each query process
// 120 k instructions, 2% of a one-word query's (callgrind).
class StopwordStopper : public Xapian::Stopper {
public:
    bool operator()(const std::string& word) const override { return is_stopword(word); }
    std::string get_description() const override { return "newsdex::StopwordStopper()"; }
};

}  // namespace newsdex
