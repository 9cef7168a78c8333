#include "search.h"

#include "analyzer.h"
#include "doc_data.h"
#include "errors.h"
#include "index_reader.h"
#include "query_builder.h"

#include <chrono>
#include <thread>

namespace newsdex {
namespace {

SearchResult run_once(Xapian::Database& db, Analyzer& analyzer, const SearchRequest& request) {
    QueryBuilder builder(analyzer, db);
    ParsedQuery parsed = builder.build(request.query);

    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    // Title words already carry extra wdf (schema.h); BM25's defaults suit
    // news articles of a few hundred words.
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);

    SearchResult result;
    result.estimated_total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = request.offset + it.get_rank() + 1;
        hit.score = it.get_weight();
        hit.article = decode_doc_data(it.get_document().get_data());
        hit.snippet = make_snippet(analyzer, hit.article.text, parsed.exact_terms, parsed.stems);
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace

SearchResult search(const SearchRequest& request) {
    Analyzer analyzer;
    // Queries never wait for a writer, and never fail because of one: a
    // commit can invalidate our snapshot (reopen at the new revision), and a
    // rebuild or compaction can remove the generation we opened just after
    // we read the stub (open the new one). Either way, ask again.
    constexpr int kAttempts = 10;
    for (int attempt = 1;; ++attempt) {
        const bool last = attempt == kAttempts;
        try {
            Xapian::Database db = open_index_readonly(request.index_dir);
            return run_once(db, analyzer, request);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (last) throw IndexError(request.index_dir.string() + ": index keeps changing under the query; try again");
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (last) throw IndexError(request.index_dir.string() + ": " + e.get_description());
        } catch (const IndexError&) {
            if (last || attempt > 2) throw;
        } catch (const Xapian::Error& e) {
            throw IndexError(request.index_dir.string() + ": " + e.get_description());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
}

}  // namespace newsdex
