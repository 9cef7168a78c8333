// Turns what the user typed into a Xapian query: the analyzer normalizes the
// words, Xapian's QueryParser handles the syntax, and exact word forms get
// a ranking bonus over stem-only matches.
#pragma once

#include "analyzer.h"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

namespace newsdex {

struct ParsedQuery {
    Xapian::Query query;
    std::string normalized;             // the text QueryParser saw
    std::set<std::string> exact_terms;  // normalized word forms, for highlighting
    std::set<std::string> stems;        // stems, for highlighting other forms
};

class QueryBuilder {
public:
    QueryBuilder(Analyzer& analyzer, const Xapian::Database& db);
    // Throws QueryError with a one-line reason.
    ParsedQuery build(std::string_view user_query);

private:
    Analyzer& analyzer_;
    Xapian::QueryParser parser_;
};

}  // namespace newsdex
