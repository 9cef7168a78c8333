// Writes articles to the Xapian index and the SQLite catalog together.
//
// Commit protocol: changes accumulate in one SQLite transaction and in
// Xapian's in-memory buffer. A batch ends with Xapian's commit, then the
// catalog records the Xapian revision and commits. A crash therefore leaves
// the catalog at or behind Xapian, never ahead of it; the catalog's
// `xapian_revision` tells which batch was last completed on both sides.
#pragma once

#include "analyzer.h"
#include "article.h"
#include "catalog.h"
#include "index_location.h"

#include <xapian.h>

#include <memory>
#include <optional>

namespace newsdex {

// Duplicate: the same text is already indexed under another id; the new
// id is recorded in the catalog as another place the article was found.
enum class WriteOutcome { Added, Updated, Unchanged, Duplicate };

class IndexWriter {
public:
    explicit IndexWriter(const std::filesystem::path& dir);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    WriteOutcome write(const Article& article);
    // Makes everything written so far durable in both stores.
    void commit();

private:
    void begin_batch();

    IndexPaths paths_;
    Xapian::WritableDatabase xapian_;
    Catalog catalog_;
    Analyzer analyzer_;
    std::optional<sqlite::Transaction> batch_;
    Xapian::docid next_docid_ = 1;
    std::size_t batch_bytes_ = 0;
    std::size_t batch_articles_ = 0;
};

}  // namespace newsdex
