// What one query may cost: the bounds a query is checked against before it
// runs (text size, terms, wildcard expansion) and the time the whole query
// process may take. Defaults are documented in README ("Limits") and set
// from the command line (--max-query-bytes, --max-terms, --max-expansion,
// --time-limit). 0 means no limit.
#pragma once

#include <xapian.h>

#include <cstddef>

namespace newsdex {

struct QueryLimits {
    // Longer query text is refused before it is analysed: a pasted article is
    // not a query, and analysing 100 KB took seconds and hundreds of MB.
    std::size_t max_query_bytes = 4096;
    // Terms the query may search for, each wildcard counted as the words it
    // stands for: what the matcher, snippets and matched-word lists cost
    // grows with this.
    Xapian::termcount max_terms = 1000;
    // A wildcard stands for at most this many words of the index, the most
    // frequent ones (Xapian's WILDCARD_LIMIT_MOST_FREQUENT).
    Xapian::termcount max_expansion = 100;
};

}  // namespace newsdex
