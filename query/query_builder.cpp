#include "query_builder.h"

#include "errors.h"
#include "schema.h"
#include "stopwords.h"

#include <vector>

namespace newsdex {
namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;

std::string single_term(const Xapian::Query& q) {
    auto it = q.get_terms_begin();
    return it == q.get_terms_end() ? std::string() : *it;
}

bool is_phrase_of(const Xapian::Query& q, const std::vector<std::string>& parts) {
    if (q.get_type() != Xapian::Query::OP_PHRASE || q.get_num_subqueries() != parts.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM || single_term(sub) != parts[i]) return false;
    }
    return true;
}

// Operators whose only parameter is their list of subqueries, so a node can
// be rebuilt from rewritten children without losing anything.
bool rebuildable(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM: case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

// Puts back what QueryParser's own word splitting loses:
// - it reads "интернет-магазинов" as the phrase интернет·магазинов, which
//   finds only that inflection; the indexer also stores the stem of the
//   whole compound, so let either match;
// - it reads "25%" as 25; the indexer stores "25%" as a word of its own.
Xapian::Query restore_words(const Xapian::Query& q, const Analyzer::NormalizedQuery& words) {
    for (const auto& c : words.compounds)
        if (is_phrase_of(q, c.parts))
            return Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query(std::string(schema::kStemPrefix) + c.stem));
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = single_term(q);
        for (const auto& d : words.decorated_numbers)
            if (term == d.bare) return Xapian::Query(d.decorated);
        return q;
    }
    if (!rebuildable(q.get_type()) || q.get_num_subqueries() == 0) return q;
    std::vector<Xapian::Query> children;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) children.push_back(restore_words(q.get_subquery(i), words));
    return Xapian::Query(q.get_type(), children.begin(), children.end());
}

}  // namespace

QueryBuilder::QueryBuilder(Analyzer& analyzer, const Xapian::Database& db) : analyzer_(analyzer) {
    parser_.set_stemmer(analyzer.stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_stopper(make_stopper());
    parser_.set_database(db);
    // Keyword search in news means "all of these words", as in web search.
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", std::string(schema::kTitlePrefix));
    parser_.add_boolean_prefix("source", std::string(schema::kSourcePrefix));
    parser_.add_boolean_prefix("id", std::string(schema::kIdPrefix));
    parser_.add_boolean_prefix("tag", std::string(schema::kTagPrefix));
    parser_.add_boolean_prefix("url", std::string(schema::kUrlPrefix));
    parser_.add_rangeprocessor((new Xapian::DateRangeProcessor(schema::kDateSlot, "date:"))->release());
}

ParsedQuery QueryBuilder::build(std::string_view user_query) {
    Analyzer::NormalizedQuery normalized = analyzer_.normalize_query(user_query);
    if (normalized.text.find_first_not_of(" \t\r\n") == std::string::npos) throw QueryError("empty query");

    Xapian::Query parsed;
    try {
        parsed = parser_.parse_query(normalized.text, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("cannot parse query '" + std::string(user_query) + "': " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw QueryError("cannot parse query '" + std::string(user_query) + "': " + e.get_msg());
    }
    if (parsed.empty()) throw QueryError("query '" + std::string(user_query) + "' has no searchable words");
    parsed = restore_words(parsed, normalized);

    ParsedQuery result;
    result.normalized = normalized.text;
    // Exact forms of the words typed: matching them adds weight on top of
    // the stem match, so "пошлинами" ranks articles saying "пошлинами" first.
    std::vector<Xapian::Query> exact;
    const std::string stem_prefix(schema::kStemPrefix);
    const std::string title_prefix(schema::kTitlePrefix);
    for (auto t = parsed.get_terms_begin(); t != parsed.get_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.rfind(stem_prefix + title_prefix, 0) == 0) {
            result.stems.insert(term.substr(2));
        } else if (term.rfind(stem_prefix, 0) == 0) {
            result.stems.insert(term.substr(1));
            for (auto u = parser_.unstem_begin(term); u != parser_.unstem_end(term); ++u) {
                exact.emplace_back(*u);
                result.exact_terms.insert(*u);
            }
        } else if (term.rfind(title_prefix, 0) == 0) {
            result.exact_terms.insert(term.substr(1));
        } else if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) {
            result.exact_terms.insert(term);
        }
    }
    result.query = exact.empty() ? parsed
                                 : Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed,
                                                 Xapian::Query(Xapian::Query::OP_OR, exact.begin(), exact.end()));
    return result;
}

}  // namespace newsdex
