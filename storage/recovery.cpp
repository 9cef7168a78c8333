#include "recovery.h"

#include "content_hash.h"
#include "doc_data.h"
#include "schema.h"
#include "segment_set.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <thread>

namespace newsdex {
namespace {

struct Row {
    std::string id;
    std::string hash;
    std::string path;
};

using Rows = std::map<Xapian::docid, Row>;

Rows catalog_rows(Catalog& catalog) {
    Rows rows;
    sqlite::Statement s(catalog.db(), "SELECT docid, id, hash, path FROM articles");
    while (s.step()) rows[static_cast<Xapian::docid>(s.integer(0))] = Row{s.text(1), s.text(2), s.text(3)};
    return rows;
}

enum class Problem { None, OnlyInXapian, OnlyInCatalog, IdDiffers, ContentDiffers };

struct Difference {
    Problem problem;
    Xapian::docid docid;
    Row row;         // empty for OnlyInXapian
    Article stored;  // the document's article, where it matters
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
        Article stored = decoder.decode(xapian.get_document(docid).get_data());
        auto row = rows.find(docid);
        if (row == rows.end()) {
            Row from_document{stored.id, "", stored.path};
            out.differences.push_back({Problem::OnlyInXapian, docid, std::move(from_document), std::move(stored)});
        } else if (stored.id != row->second.id) {
            out.differences.push_back({Problem::IdDiffers, docid, row->second, std::move(stored)});
        } else if (content_hash(stored) != row->second.hash) {
            out.differences.push_back({Problem::ContentDiffers, docid, row->second, std::move(stored)});
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
            out.push_back({Problem::OnlyInCatalog, docid, row, Article{}});
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

}  // namespace

std::size_t reconcile(Xapian::WritableDatabase& xapian, Catalog& catalog) {
    const Rows rows = catalog_rows(catalog);
    std::size_t fixed = 0;
    sqlite::Transaction tx(catalog.db());
    xapian.begin_transaction(true);
    for (const Difference& d : compare(xapian, rows)) {
        ++fixed;
        const Xapian::docid docid = d.docid;
        const Row* row = &d.row;
        const Article& stored = d.stored;
        switch (d.problem) {
            case Problem::OnlyInXapian:
                // Written by the lost batch; its file is read again next run.
                xapian.delete_document(docid);
                catalog.invalidate_file(row->path);
                break;
            case Problem::OnlyInCatalog:
            case Problem::IdDiffers:
                if (d.problem == Problem::IdDiffers) xapian.delete_document(docid);
                catalog.delete_article(docid);
                catalog.invalidate_file(row->path);
                break;
            case Problem::ContentDiffers:
                // Xapian holds the lost batch's newer version; the row follows it.
                catalog.upsert(docid, stored, content_hash(stored), text_fingerprint(stored),
                               static_cast<int64_t>(stored.title.size() + stored.text.size()), 0);
                catalog.invalidate_file(row->path);
                break;
            case Problem::None:
                break;
        }
    }
    catalog.db().exec("DELETE FROM duplicates WHERE docid NOT IN (SELECT docid FROM articles)");
    xapian.commit_transaction();
    catalog.set_meta("xapian_revision", std::to_string(xapian.get_revision()));
    tx.commit();
    return fixed;
}

std::vector<std::string> find_inconsistencies(const std::filesystem::path& xapian_dir, Catalog& catalog) {
    const Xapian::Database xapian(xapian_dir.string());
    std::vector<std::string> out;
    for (const Difference& d : compare_in_parallel(xapian_dir, xapian.get_lastdocid(), catalog_rows(catalog))) {
        const std::string doc = "document " + std::to_string(d.docid);
        switch (d.problem) {
            case Problem::OnlyInXapian: out.push_back(doc + " is in the index but not in the catalog"); break;
            case Problem::OnlyInCatalog: out.push_back(doc + " (" + d.row.id + ") is in the catalog but not in the index"); break;
            case Problem::IdDiffers: out.push_back(doc + " is " + d.stored.id + " in the index but " + d.row.id + " in the catalog"); break;
            case Problem::ContentDiffers: out.push_back(doc + " (" + d.row.id + ") differs between the index and the catalog"); break;
            case Problem::None: break;
        }
    }
    if (catalog.meta(kSegmentsPendingMeta))
        out.push_back("a first run or rebuild stopped before merging its segments (an interrupted batch)");
    const std::string revision = catalog.meta("xapian_revision").value_or("0");
    if (revision != std::to_string(xapian.get_revision()))
        out.push_back("the catalog records index revision " + revision + " but the index is at " +
                      std::to_string(xapian.get_revision()) + " (an interrupted batch)");
    return out;
}

}  // namespace newsdex
