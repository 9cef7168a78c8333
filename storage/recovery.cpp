#include "recovery.h"

#include "content_hash.h"
#include "doc_data.h"
#include "schema.h"
#include "segment_set.h"

#include <map>

namespace newsdex {
namespace {

struct Row {
    std::string id;
    std::string hash;
    std::string path;
};

std::map<Xapian::docid, Row> catalog_rows(Catalog& catalog) {
    std::map<Xapian::docid, Row> rows;
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

// Every document against its row (all of them read: this runs only after a
// crash, or when asked to check).
std::vector<Difference> compare(const Xapian::Database& xapian, const std::map<Xapian::docid, Row>& rows) {
    std::vector<Difference> out;
    std::map<Xapian::docid, bool> in_xapian;
    for (auto it = xapian.postlist_begin(""); it != xapian.postlist_end(""); ++it) {
        const Xapian::docid docid = *it;
        in_xapian[docid] = true;
        auto row = rows.find(docid);
        if (row == rows.end()) {
            Article stored = decode_doc_data(xapian.get_document(docid).get_data());
            out.push_back({Problem::OnlyInXapian, docid, Row{stored.id, "", stored.path}, std::move(stored)});
            continue;
        }
        Article stored = decode_doc_data(xapian.get_document(docid).get_data());
        if (stored.id != row->second.id) out.push_back({Problem::IdDiffers, docid, row->second, std::move(stored)});
        else if (content_hash(stored) != row->second.hash)
            out.push_back({Problem::ContentDiffers, docid, row->second, std::move(stored)});
    }
    for (const auto& [docid, row] : rows)
        if (!in_xapian.count(docid)) out.push_back({Problem::OnlyInCatalog, docid, row, Article{}});
    return out;
}

}  // namespace

std::size_t reconcile(Xapian::WritableDatabase& xapian, Catalog& catalog) {
    const std::map<Xapian::docid, Row> rows = catalog_rows(catalog);
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

std::vector<std::string> find_inconsistencies(const Xapian::Database& xapian, Catalog& catalog) {
    std::vector<std::string> out;
    for (const Difference& d : compare(xapian, catalog_rows(catalog))) {
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
