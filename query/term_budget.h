// Checks a parsed query against QueryLimits before it runs: counts its
// terms, each wildcard as the number of index words it expands to (capped
// at max_expansion, as Xapian caps it), and refuses a query over max_terms
// with a QueryError that says how to narrow it.
#pragma once

#include "query_limits.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace newsdex {

struct TermCount {
    Xapian::termcount terms = 0;        // wildcards counted as what they search for
    std::vector<std::string> capped;    // notes for wildcards cut to max_expansion words
};

// `db`: where wildcards are expanded. Throws QueryError over the limit.
TermCount check_term_budget(const Xapian::Query& query, const Xapian::Database& db, const QueryLimits& limits);

// The pattern of an OP_WILDCARD query (with its field prefix, if any), which
// Xapian 1.4's API does not give but its description shows:
// "Query(WILDCARD SYNONYM тариф)". Empty for anything else.
std::string wildcard_pattern(const Xapian::Query& wildcard);

}  // namespace newsdex
