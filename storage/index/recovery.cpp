#include "index/recovery.h"

#include "base/content_hash.h"
#include "docdata/doc_data.h"
#include "base/schema.h"
#include "index/segment_set.h"
#include "index/table_fingerprint.h"
#include "analysis/topic_scorer.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace newsdex {
namespace {

struct Row {
    std::string id;
    std::string hash;
    std::string path;
    std::optional<std::string> story;  // none: not linked yet (or an index before story threads)
};

using Rows = std::map<Xapian::docid, Row>;

Rows catalog_rows(Catalog& catalog) {
    Rows rows;
    // A catalog read without being upgraded (an older schema) has no stories.
    sqlite::Statement s(catalog.db(), catalog.schema_version() >= 5 ? "SELECT docid, id, hash, path, story FROM articles"
                                                                    : "SELECT docid, id, hash, path, NULL FROM articles");
    while (s.step())
        rows[static_cast<Xapian::docid>(s.integer(0))] =
            Row{s.text(1), s.text(2), s.text(3), s.is_null(4) ? std::nullopt : std::optional<std::string>(s.text(4))};
    return rows;
}

enum class Problem { None, OnlyInXapian, OnlyInCatalog, IdDiffers, ContentDiffers, StoryDiffers };

// No article text is kept: after a lost catalog every document differs,
// and whoever fixes one reads it again.
struct Difference {
    Problem problem;
    Xapian::docid docid;
    Row row;                  // the catalog's; for OnlyInXapian, the document's id and path
    std::string document_id;  // the document's id, for IdDiffers
};

// What one pass over documents found: the differences, and the ids it saw
// (ascending), to find the rows no document has.
struct Comparison {
    std::vector<Difference> differences;
    std::vector<Xapian::docid> seen;
};

// The documents of ids first..last against their rows (all of them read:
// this runs after a crash, a merge, or when asked to check).
void compare_range(const Xapian::Database& xapian, const Rows& rows, Xapian::docid first, Xapian::docid last,
                   Comparison& out) {
    DocDataDecoder decoder;
    Xapian::PostingIterator it = xapian.postlist_begin("");
    if (first > 1) it.skip_to(first);
    for (; it != xapian.postlist_end("") && *it <= last; ++it) {
        const Xapian::docid docid = *it;
        out.seen.push_back(docid);
        const Xapian::Document doc = xapian.get_document(docid);
        const Article stored = decoder.decode(doc.get_data());
        auto row = rows.find(docid);
        if (row == rows.end()) {
            out.differences.push_back({Problem::OnlyInXapian, docid, Row{stored.id, "", stored.path, std::nullopt}, {}});
        } else if (stored.id != row->second.id) {
            out.differences.push_back({Problem::IdDiffers, docid, row->second, stored.id});
        } else if (content_hash(stored) != row->second.hash) {
            out.differences.push_back({Problem::ContentDiffers, docid, row->second, {}});
        } else if (row->second.story && *row->second.story != doc.get_value(schema::kStorySlot)) {
            // A batch that only linked stories, lost on the catalog's side.
            out.differences.push_back({Problem::StoryDiffers, docid, row->second, {}});
        }
    }
}

// Joins the passes (in id order) and adds the rows none of them saw.
std::vector<Difference> join(std::vector<Comparison>& passes, const Rows& rows) {
    std::vector<Difference> out;
    std::vector<Xapian::docid> seen;
    for (Comparison& pass : passes) {
        for (Difference& d : pass.differences) out.push_back(std::move(d));
        seen.insert(seen.end(), pass.seen.begin(), pass.seen.end());
    }
    for (const auto& [docid, row] : rows)
        if (!std::binary_search(seen.begin(), seen.end(), docid))
            out.push_back({Problem::OnlyInCatalog, docid, row, {}});
    return out;
}

std::vector<Difference> compare(const Xapian::Database& xapian, const Rows& rows) {
    std::vector<Comparison> passes(1);
    compare_range(xapian, rows, 1, Xapian::docid(-1), passes.front());
    return join(passes, rows);
}

// The same on several threads, each with its own handle on the database
// (Xapian's are not to be shared) and its own run of ids: reading back and
// decompressing every article is most of a check, and after a merge the
// other cores are idle.
std::vector<Difference> compare_in_parallel(const std::filesystem::path& xapian_dir, Xapian::docid last,
                                            const Rows& rows) {
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    const std::uint64_t per_thread = last / threads + 1;
    std::vector<Comparison> passes(threads);
    std::vector<std::exception_ptr> failures(threads);
    {
        std::vector<std::jthread> workers;
        for (unsigned i = 0; i < threads; ++i)
            workers.emplace_back([&, i] {
                try {
                    const Xapian::Database db(xapian_dir.string());
                    const auto first = static_cast<Xapian::docid>(i * per_thread + 1);
                    const auto until = static_cast<Xapian::docid>(std::min<std::uint64_t>((i + 1) * per_thread, last));
                    compare_range(db, rows, first, until, passes[i]);
                } catch (...) {
                    failures[i] = std::current_exception();
                }
            });
    }
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
    return join(passes, rows);
}

// Ends a repair of both stores: duplicates of no article go, Xapian commits,
// then the catalog with Xapian's revision (the commit protocol's order).
// The files' fingerprint no longer holds.
void commit_repair(Xapian::WritableDatabase& xapian, Catalog& catalog, sqlite::Transaction& tx) {
    catalog.db().exec("DELETE FROM duplicates WHERE docid NOT IN (SELECT docid FROM articles)");
    xapian.commit_transaction();
    catalog.set_meta(kRevisionMeta, std::to_string(xapian.get_revision()));
    catalog.delete_meta(kTablesMeta);
    tx.commit();
}

}  // namespace

StoreState assess_stores(const Xapian::Database& xapian, Catalog& catalog) {
    const Xapian::rev actual = xapian.get_revision();
    const std::optional<std::string> meta = catalog.meta(kRevisionMeta);
    // A catalog created just now (the old one deleted or truncated) records
    // nothing; neither does a new index, which has no documents yet.
    if (!meta) return xapian.get_doccount() == 0 && catalog.count() == 0 ? StoreState::Agree : StoreState::CatalogBehind;
    const Xapian::rev recorded = std::stoul(*meta);
    if (recorded == actual) return StoreState::Agree;
    if (actual == recorded + 1) return StoreState::InterruptedBatch;
    return actual > recorded ? StoreState::CatalogBehind : StoreState::CatalogAhead;
}

std::size_t reconcile(Xapian::WritableDatabase& xapian, Catalog& catalog) {
    const Rows rows = catalog_rows(catalog);
    std::size_t fixed = 0;
    sqlite::Transaction tx(catalog.db());
    xapian.begin_transaction(true);
    DocDataDecoder decoder;
    for (const Difference& d : compare(xapian, rows)) {
        ++fixed;
        switch (d.problem) {
            case Problem::OnlyInXapian:
                // Written by the lost batch; its file is read again next run.
                xapian.delete_document(d.docid);
                catalog.invalidate_file(d.row.path);
                break;
            case Problem::OnlyInCatalog:
            case Problem::IdDiffers:
                if (d.problem == Problem::IdDiffers) xapian.delete_document(d.docid);
                catalog.delete_article(d.docid);
                catalog.invalidate_file(d.row.path);
                break;
            case Problem::ContentDiffers: {
                // Xapian holds the lost batch's newer version; the row follows it.
                const Article stored = decoder.decode(xapian.get_document(d.docid).get_data());
                catalog.upsert(d.docid, stored, content_hash(stored), text_fingerprint(stored),
                               static_cast<int64_t>(stored.title.size() + stored.text.size()), 0);
                catalog.set_story(d.docid, xapian.get_document(d.docid).get_value(schema::kStorySlot));
                catalog.invalidate_file(d.row.path);
                break;
            }
            case Problem::StoryDiffers:
                catalog.set_story(d.docid, xapian.get_document(d.docid).get_value(schema::kStorySlot));
                break;
            case Problem::None:
                break;
        }
    }
    commit_repair(xapian, catalog, tx);
    return fixed;
}

namespace {

// A row goes: its file, and the files of its duplicates, are read again.
void drop_row(Catalog& catalog, Xapian::docid docid, const std::string& path) {
    for (const std::string& duplicate_file : catalog.take_duplicates_of(docid)) catalog.invalidate_file(duplicate_file);
    catalog.delete_article(docid);
    catalog.invalidate_file(path);
}

// The row of a document, from its document data and topic values. False
// when another row holds the document's id.
bool restore_row(Catalog& catalog, Xapian::docid docid, const Xapian::Document& doc, DocDataDecoder& decoder,
                 const TopicNames* topics) {
    const Article a = decoder.decode(doc.get_data());
    if (const std::optional<CatalogEntry> other = catalog.find(a.id); other && other->docid != docid) return false;
    catalog.upsert(docid, a, content_hash(a), text_fingerprint(a), static_cast<int64_t>(a.title.size() + a.text.size()),
                   0);
    if (topics) catalog.set_topics(docid, document_topics(doc, *topics));
    catalog.set_story(docid, doc.get_value(schema::kStorySlot));
    // With no record of the file, or an old one, the next run reads it and
    // finds these articles unchanged.
    catalog.invalidate_file(a.path);
    return true;
}

}  // namespace

CatalogRebuild rebuild_catalog(Xapian::WritableDatabase& xapian, Catalog& catalog, bool with_topics) {
    const std::vector<Difference> differences = compare(xapian, catalog_rows(catalog));
    CatalogRebuild out;
    sqlite::Transaction tx(catalog.db());
    xapian.begin_transaction(true);
    // Rows that name no document, or another article, go first, so that
    // restored rows find their ids free.
    for (const Difference& d : differences)
        if (d.problem == Problem::OnlyInCatalog || d.problem == Problem::IdDiffers) {
            drop_row(catalog, d.docid, d.row.path);
            if (d.problem == Problem::OnlyInCatalog) ++out.removed_rows;
        }
    DocDataDecoder decoder;
    const std::optional<TopicNames> topics = with_topics ? std::optional(scored_topics(xapian)) : std::nullopt;
    for (const Difference& d : differences) {
        if (d.problem == Problem::OnlyInCatalog || d.problem == Problem::None) continue;
        if (restore_row(catalog, d.docid, xapian.get_document(d.docid), decoder, topics ? &*topics : nullptr)) {
            ++(d.problem == Problem::ContentDiffers || d.problem == Problem::StoryDiffers ? out.corrected : out.restored);
        } else {
            // A second document of an indexed id: the article stays indexed
            // under the other.
            xapian.delete_document(d.docid);
            ++out.removed_documents;
        }
    }
    commit_repair(xapian, catalog, tx);
    return out;
}

std::vector<std::string> find_inconsistencies(const std::filesystem::path& xapian_dir, Catalog& catalog) {
    const Xapian::Database xapian(xapian_dir.string());
    std::vector<std::string> out;
    // What state the stores are in comes first: one line that explains
    // the thousands after it.
    if (catalog.meta(kSegmentsPendingMeta))
        out.push_back("a first run or rebuild stopped before merging its segments (an interrupted batch)");
    const std::string states = "the catalog records index revision " + catalog.meta(kRevisionMeta).value_or("none") +
                               " but the index is at " + std::to_string(xapian.get_revision());
    switch (assess_stores(xapian, catalog)) {
        case StoreState::Agree: break;
        case StoreState::InterruptedBatch: out.push_back(states + " (an interrupted batch)"); break;
        case StoreState::CatalogBehind:
            out.push_back(states + " (the catalog was lost or restored from an older copy: it is rebuilt from the index)");
            break;
        case StoreState::CatalogAhead:
            out.push_back(states + " (the index is older than its catalog: restored from an older copy? "
                                   "'check --rebuild-catalog' makes the catalog follow the index)");
            break;
    }
    for (const Difference& d : compare_in_parallel(xapian_dir, xapian.get_lastdocid(), catalog_rows(catalog))) {
        const std::string doc = "document " + std::to_string(d.docid);
        switch (d.problem) {
            case Problem::OnlyInXapian: out.push_back(doc + " is in the index but not in the catalog"); break;
            case Problem::OnlyInCatalog: out.push_back(doc + " (" + d.row.id + ") is in the catalog but not in the index"); break;
            case Problem::IdDiffers: out.push_back(doc + " is " + d.document_id + " in the index but " + d.row.id + " in the catalog"); break;
            case Problem::ContentDiffers: out.push_back(doc + " (" + d.row.id + ") differs between the index and the catalog"); break;
            case Problem::StoryDiffers: out.push_back(doc + " (" + d.row.id + ") is in another story in the index than in the catalog"); break;
            case Problem::None: break;
        }
    }
    return out;
}

}  // namespace newsdex
