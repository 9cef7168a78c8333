// How a writer finds the two stores of a generation when it opens them, and
// how it brings them back into agreement without losing an article.
//
// The commit protocol (index_writer.h) allows one disagreement: a batch
// that Xapian committed and the catalog did not (Xapian is exactly one
// revision ahead). reconcile() undoes that batch, as the catalog never
// saw it, and marks its files to be read again.
//
// Anything else is not a crash of ours: a catalog deleted, emptied,
// truncated or restored from an older backup. The documents carry every
// field of their article (doc_data.h), so rebuild_catalog() makes the
// catalog follow the index and deletes no article. An index older than its
// catalog (restored from an older copy) is refused by writers until
// `check --rebuild-catalog` is asked for, as the catalog rows it lacks
// cannot be turned back into articles.
#pragma once

#include "catalog/catalog.h"
#include "analysis/topic_profiles.h"

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

// Catalog meta key: the Xapian revision the catalog agrees with.
inline constexpr const char* kRevisionMeta = "xapian_revision";

enum class StoreState {
    Agree,             // the catalog records the index's revision
    InterruptedBatch,  // the index is one revision ahead: a batch the catalog lost
    CatalogBehind,     // the catalog is missing, empty, or more than one revision behind
    CatalogAhead,      // the index is older than the catalog says
};

StoreState assess_stores(const Xapian::Database& xapian, Catalog& catalog);

// Undoes an interrupted batch. Returns how many documents or rows were
// removed or corrected. Commits both stores. Files whose articles were
// touched are marked to be read again.
std::size_t reconcile(Xapian::WritableDatabase& xapian, Catalog& catalog);

struct CatalogRebuild {
    std::size_t restored = 0;           // rows made from documents (none, or another id, before)
    std::size_t corrected = 0;          // rows that now follow their document's newer content
    std::size_t removed_rows = 0;       // rows without a document (their files are read again)
    std::size_t removed_documents = 0;  // documents whose id another document holds
    std::size_t changed() const { return restored + corrected + removed_rows + removed_documents; }
};

// Makes the catalog follow the index: every document gets its row from its
// document data (id, file, metadata, hashes, and, `with_topics`, the
// topic scores stored with it); rows without a document
// go. Files of every changed row are marked to be read again. Documents are
// read one at a time, so memory does not grow with what is restored.
// Commits both stores.
CatalogRebuild rebuild_catalog(Xapian::WritableDatabase& xapian, Catalog& catalog, bool with_topics);

// The differences between the catalog and the Xapian database in
// `xapian_dir`, as readable lines (for `check`). Reads every document, on
// as many threads as there are cores.
std::vector<std::string> find_inconsistencies(const std::filesystem::path& xapian_dir, Catalog& catalog);

}  // namespace newsdex
