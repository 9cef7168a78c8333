// Turns what the user typed into a Xapian query: the analyzer normalizes the
// words, Xapian's QueryParser handles the syntax, exact word forms get a
// ranking bonus over stem-only matches, and names also match their spelling
// in the other alphabet (below exact matches).
#pragma once

#include "analysis/analyzer.h"
#include "query_limits.h"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// One word of the query and the terms it became.
struct QueryWord {
    std::string word;                   // normalized, as typed
    std::string stem_term;              // "Z..." (empty in exact mode or phrases)
    std::vector<std::string> name_terms;  // "XL..." spellings in the other alphabet
    std::vector<std::string> lemma_terms; // "XM..."/"XZ..." matched instead of the stem (a dictionary knows it)
};

// How words typed side by side join. Operators typed (AND, OR, NOT,
// +word, -word) keep their meaning whichever it is.
enum class Joining {
    All,    // every word must match (AND); the forms typed rank higher
    Any,    // any of them, ranked by how many and which match (OR under BM25)
    Words,  // Any, and "quoted" text is words too: text pasted from an article
};

struct ParsedQuery {
    Xapian::Query query;
    std::string normalized;             // the text QueryParser saw
    std::vector<QueryWord> words;
    std::vector<std::string> stopped;   // stopwords left out of the ranking
    std::set<std::string> exact_terms;  // for highlighting
    std::set<std::string> stems;        // for highlighting other forms
    std::vector<std::string> notes;     // wildcards cut to their most frequent words
    // Joining::All joined two or more clauses: Joining::Any would find more.
    bool joined = false;
    Joining joining = Joining::All;  // how the words were joined (QueryOptions::long_as_words)
};

// A query of this many words (stopwords aside) is long: words typed side by
// side (Words::Auto) match any of them, not all. A pasted headline nearly
// always has a word its article lacks; a keyword query rarely has five
// words (measured: scripts/eval-search, README).
inline constexpr std::size_t kLongQueryWords = 5;

struct QueryOptions {
    bool exact = false;  // every word matches only in the form typed
    QueryLimits limits;  // text size, terms, wildcard expansion
    Joining joining = Joining::All;
    // With Joining::All: a query of kLongQueryWords words or more is read
    // as pasted text (Joining::Words) instead. Decided once its words are
    // known, before they are looked up and expanded, so a long query is
    // not built twice (two builds were 5% of a --batch run of headlines).
    bool long_as_words = false;
};

class QueryBuilder {
public:
    QueryBuilder(Analyzer& analyzer, const Xapian::Database& db);
    // Throws QueryError with a one-line reason, also for a query over its
    // limits (too long, too many terms).
    ParsedQuery build(std::string_view user_query, QueryOptions options = {});

private:
    // build() once the query is normalized (Analyzer::normalize_query).
    ParsedQuery build_normalized(std::string_view user_query, Analyzer::NormalizedQuery normalized,
                                 QueryOptions options);
    Xapian::Query parse(const std::string& text, unsigned& flags, std::vector<std::string>& notes);

    Analyzer& analyzer_;
    const Xapian::Database& db_;
    Xapian::QueryParser parser_;
};

// `=word` asks for that exact form: rewritten as the one-word phrase "word",
// which QueryParser does not stem.
std::string exact_form_markers_to_phrases(const std::string& normalized);

}  // namespace newsdex
