#include "term_budget.h"

#include "base/errors.h"

namespace newsdex {
namespace {

class Counter {
public:
    Counter(const Xapian::Database& db, const QueryLimits& limits) : db_(db), limits_(limits) {}

    void add(const Xapian::Query& q) {
        switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM: add_terms(1); return;
            case Xapian::Query::OP_WILDCARD: add_wildcard(q); return;
            default: break;
        }
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) add(q.get_subquery(i));
    }

    TermCount take() { return std::move(count_); }

private:
    void add_terms(Xapian::termcount n) {
        count_.terms += n;
        if (limits_.max_terms && count_.terms > limits_.max_terms)
            throw QueryError("query has more than " + std::to_string(limits_.max_terms) +
                             " terms (wildcards count as the words they stand for); use fewer words, or longer "
                             "prefixes before '*', or raise --max-terms");
    }

    // Counting stops one past the cap (or past the whole budget, when
    // expansion is unlimited): a wildcard that stands for more is cut to
    // its most frequent words by Xapian, and said so. 0 means no limit.
    void add_wildcard(const Xapian::Query& q) {
        const Xapian::termcount cap = limits_.max_expansion;
        const Xapian::termcount stop = cap ? cap : limits_.max_terms;
        if (stop == 0) return;
        const std::string pattern = wildcard_pattern(q);
        Xapian::termcount words = 0;
        for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern); ++t)
            if (++words > stop) break;
        if (cap > 0 && words > cap) {
            count_.capped.push_back(shown(pattern) + "* stands for more than " + std::to_string(cap) +
                                    " words; only the " + std::to_string(cap) +
                                    " most frequent are searched (--max-expansion)");
            words = cap;
        }
        add_terms(words);
    }

    // Field prefixes are capital letters before the word.
    static std::string shown(const std::string& pattern) {
        std::size_t i = 0;
        while (i < pattern.size() && pattern[i] >= 'A' && pattern[i] <= 'Z') ++i;
        return pattern.substr(i);
    }

    const Xapian::Database& db_;
    const QueryLimits& limits_;
    TermCount count_;
};

}  // namespace

std::string wildcard_pattern(const Xapian::Query& wildcard) {
    if (wildcard.get_type() != Xapian::Query::OP_WILDCARD) return {};
    const std::string d = wildcard.get_description();
    const std::string head = "Query(WILDCARD ";
    if (d.rfind(head, 0) != 0 || d.back() != ')') return {};
    const std::size_t space = d.find(' ', head.size());  // after the combiner (SYNONYM, OR, MAX)
    if (space == std::string::npos) return {};
    return d.substr(space + 1, d.size() - space - 2);
}

TermCount check_term_budget(const Xapian::Query& query, const Xapian::Database& db, const QueryLimits& limits) {
    Counter counter(db, limits);
    counter.add(query);
    return counter.take();
}

}  // namespace newsdex
