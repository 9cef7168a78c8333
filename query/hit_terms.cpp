#include "hit_terms.h"

#include <algorithm>
#include <numeric>

namespace newsdex {

std::vector<std::map<std::string, Xapian::termcount>> terms_in_documents(const Xapian::Database& db,
                                                                         const std::set<std::string>& terms,
                                                                         const std::vector<Xapian::docid>& docids) {
    std::vector<std::size_t> order(docids.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return docids[a] < docids[b]; });
    std::vector<std::map<std::string, Xapian::termcount>> out(docids.size());
    for (const std::string& term : terms) {
        Xapian::PostingIterator posting = db.postlist_begin(term);
        for (std::size_t i : order) {
            posting.skip_to(docids[i]);
            if (posting == db.postlist_end(term)) break;
            if (*posting == docids[i]) out[i].emplace(term, posting.get_wdf());
        }
    }
    return out;
}

}  // namespace newsdex
