// Writes articles to the Xapian index and the SQLite catalog of one
// generation, together.
//
// Commit protocol. Changes accumulate in one SQLite transaction and in one
// Xapian transaction (which also stops Xapian flushing on its own). A batch
// ends with Xapian's commit, then the catalog records Xapian's new revision
// and commits. So after a crash the catalog is at, or one batch behind,
// Xapian — never ahead. Opening a writer compares the recorded revision with
// Xapian's: if they differ, the interrupted batch is reconciled (see
// recovery.h) before anything else is written. The input files of the lost
// batch are left marked as unread, so the next run reads them again. A
// catalog that is missing or further behind is rebuilt from the documents;
// an index older than its catalog is refused.
//
// Damage. Before a writer first changes the index it checks that the
// catalog's article count is Xapian's document count and that the index's
// files are as the last writer left them (table_fingerprint.h), and refuses
// to write into a damaged index; seal() records the fingerprint again.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/lemma_synonyms.h"
#include "base/article.h"
#include "catalog/catalog.h"
#include "index/document_pipeline.h"
#include "index/index_layout.h"
#include "index/recovery.h"
#include "index/segment_set.h"
#include "index/story_linker.h"
#include "analysis/topic_profiles.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace newsdex {

// Duplicate: the same text is already indexed under another id; the new
// id is recorded in the catalog as another place the article was found.
enum class WriteOutcome { Added, Updated, Unchanged, Duplicate };

struct WriterOptions {
    std::size_t batch_articles = 10000;
    // Topic profiles to score articles against; none: no topic scores.
    const TopicProfiles* topics = nullptr;
    // Flush by bytes as well as by count, so memory stays flat whatever
    // the article sizes. Xapian buffers many times the text it is given
    // (its postings are std::maps; with dictionary lemmas there are more of
    // them). Adding the last 5,613 dev articles (70 MB) to an index of the
    // first 3,000: 8 MB 30.0-31.3 s at 250 MB peak, 4 MB 31.3 s at 193 MB,
    // 2 MB 33.7 s at 161 MB (more commits, twice the system time). Before
    // lemmas, 8 MB had been as fast as 16 MB at 158 MB rather than 244 MB.
    std::size_t batch_bytes = 4u << 20;
    // Threads that analyze articles beside the writer's (see
    // document_pipeline.h); 0 analyzes on the writer's thread.
    unsigned workers = DocumentPipeline::default_workers();
    // Whether words get dictionary lemmas (false: --stems-only).
    bool lemmas = true;
    // Segment tuning (segment_set.h); tests make them small.
    std::size_t segment_stripe_bytes = 1u << 20;
    Xapian::docid segment_ids_per_lane = 1u << 15;
    // Make the catalog follow the index whatever it records (`check
    // --rebuild-catalog`), even when the index is older than the catalog.
    bool rebuild_catalog = false;
};

class IndexWriter {
public:
    // Opens (creating if needed) the generation's stores and repairs an
    // interrupted batch. The caller holds the WriterLock.
    explicit IndexWriter(const Generation& generation, WriterOptions options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    const Generation& generation() const { return generation_; }

    // Articles written from now on are marked as seen by `run`.
    void set_run(int64_t run) { run_ = run; }

    WriteOutcome write(const Article& article);
    // Removes an article from both stores. Returns the files that held
    // duplicates of it (they must be read again to index the text there).
    std::vector<std::string> remove(Xapian::docid docid);
    // Makes everything written so far durable in both stores (in segmented
    // mode, the catalog; the documents are durable once merged).
    void commit();

    // If the index is empty: from now on new documents go to segments
    // written on workers + 1 threads (segment_set.h), and finish_segments()
    // and the compactor complete the index. Otherwise (and by default) every
    // document goes straight into the index. Returns whether it started.
    bool start_segments();
    bool segmented() const { return segments_.has_value(); }
    // Segmented mode: writes the last segments and commits; what is left to
    // merge into the index with compact_generation(), with no writer open.
    // Empty when no document went to a segment.
    SegmentMerge finish_segments();

    // The catalog, inside the current batch, for bookkeeping that must
    // commit together with the articles (input file records).
    Catalog& catalog();

    // Documents changed by repairing an interrupted batch at open.
    std::size_t repaired() const { return repaired_; }
    // What rebuilding a lost or old catalog from the index changed at open.
    const CatalogRebuild& catalog_rebuild() const { return catalog_rebuild_; }
    // Makes the stores agree again whatever happened to them: the catalog
    // follows the index (rebuild_catalog() in recovery.h); commits.
    // Returns how many rows or documents it changed.
    std::size_t repair();
    // Commits, and records the fingerprint of the index's files for the
    // next writer (if this one changed them, or none was recorded, or
    // `renew`). Call when done writing; a writer closed without it leaves
    // none.
    void seal(bool renew = false);

    // Scores every article again against the current topic profiles, from
    // the index alone (no source is read). Returns how many were scored.
    std::size_t retopic();

    // Joins the articles written since the last link (by any writer) to
    // their story threads, and re-forms stories that lost an article
    // (story_linker.h), in the current batch; commit() makes it durable.
    // Writes nothing when there is nothing to link. Every commit() of a
    // writer that changed the index does this too; this is for a writer
    // that changed nothing itself (after a merge of segments, whose
    // documents it must link).
    StoryLinks link_stories();

private:
    void bring_stores_into_agreement();
    // Called before anything is written to the index: the damage check,
    // once, and the fingerprint dropped, as this writer will change the
    // files.
    void before_changing_index();
    void begin_batch();
    // An earlier segmented run that died left catalog rows whose documents
    // were never merged: drop them (their files are read again).
    void discard_unmerged_segments();
    Xapian::docid new_docid(std::size_t text_bytes);
    // A document already sent to a segment cannot be replaced there.
    bool in_segment(Xapian::docid docid) const { return segments_ && docid >= segment_base_; }
    // Writes a built document to Xapian and its topic scores to the catalog.
    void store(DocumentPipeline::Done done);
    // Stores every document still in the pipeline.
    void drain();
    // The document's story loses it (it is removed, or `replaced` in
    // place: then it is linked again too).
    void note_story_change_of(Xapian::docid docid, bool replaced);
    StoryLinks link_pending_stories();
    void end_batch_if_full(std::size_t bytes);
    void write_batch_synonyms();

    Generation generation_;
    WriterOptions options_;
    Xapian::WritableDatabase xapian_;
    Catalog catalog_;
    Analyzer analyzer_;
    // Which word forms' lemmas this run has put in the synonym table.
    LemmaSynonyms lemma_synonyms_;
    // What the batch adds to the synonym table, written at its commit.
    std::vector<SynonymEntry> batch_synonyms_;
    // Declared after the stores: workers stop before the stores close.
    std::optional<SegmentSet> segments_;
    Xapian::docid segment_base_ = 0;  // the first document id in segments
    std::vector<Xapian::docid> dropped_;
    DocumentPipeline pipeline_;
    std::optional<sqlite::Transaction> batch_;
    Xapian::docid next_docid_ = 1;
    std::size_t batch_bytes_ = 0;
    std::size_t batch_articles_ = 0;
    int64_t run_ = 0;
    std::size_t repaired_ = 0;
    CatalogRebuild catalog_rebuild_;
    bool changing_ = false;  // before_changing_index() has run
    bool index_checked_ = false;  // ... and the index passed its damage check
};

}  // namespace newsdex
