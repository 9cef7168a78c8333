#include "index/index_writer.h"

#include "base/content_hash.h"
#include "base/schema.h"
#include "docdata/doc_data.h"
#include "base/errors.h"
#include "index/index_file.h"
#include "base/xapian_reason.h"
#include "index/recovery.h"
#include "index/table_fingerprint.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace newsdex {

namespace fs = std::filesystem;

namespace {

Xapian::WritableDatabase open_xapian(const Generation& generation) {
    make_index_directory(generation.dir, "index generation");
    try {
        return Xapian::WritableDatabase(generation.xapian().string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(generation.dir.string() + ": index is locked by another writer");
    } catch (const Xapian::Error& e) {
        throw IndexError(generation.xapian().string() + ": cannot open index: " + xapian_reason(e));
    }
}

fs::path segments_dir(const Generation& generation) { return generation.dir / "segments"; }

// Segments are scratch files: what cannot be removed now goes with the
// generation.
void remove_segments(const Generation& generation) {
    std::error_code ec;
    fs::remove_all(segments_dir(generation), ec);
}

std::vector<std::pair<std::string, double>> named(const std::vector<TopicScore>& scores) {
    std::vector<std::pair<std::string, double>> out;
    for (const TopicScore& s : scores) out.emplace_back(s.topic->name, s.score);
    return out;
}

}  // namespace

IndexWriter::IndexWriter(const Generation& generation, WriterOptions options)
    : generation_(generation),
      options_(options),
      xapian_(open_xapian(generation)),
      catalog_(generation.catalog(), Catalog::Mode::ReadWrite),
      lemma_synonyms_(has_lemma_synonyms(xapian_) ? &xapian_ : nullptr),
      pipeline_(options.topics, options.workers, options.lemmas) {
    bring_stores_into_agreement();
    if (catalog_.meta(kSegmentsPendingMeta)) discard_unmerged_segments();
    else remove_segments(generation_);  // left by a run whose catalog was lost since
    next_docid_ = std::max(xapian_.get_lastdocid(), catalog_.max_docid()) + 1;
}

void IndexWriter::bring_stores_into_agreement() {
    const StoreState state = options_.rebuild_catalog ? StoreState::CatalogBehind : assess_stores(xapian_, catalog_);
    switch (state) {
        case StoreState::Agree:
            if (!catalog_.meta(kRevisionMeta)) catalog_.set_meta(kRevisionMeta, std::to_string(xapian_.get_revision()));
            break;
        case StoreState::InterruptedBatch:
            repaired_ = reconcile(xapian_, catalog_);
            break;
        case StoreState::CatalogBehind:
            catalog_rebuild_ = rebuild_catalog(xapian_, catalog_, options_.topics != nullptr);
            break;
        case StoreState::CatalogAhead:
            throw IndexError(generation_.dir.string() + ": the catalog records index revision " +
                             catalog_.meta(kRevisionMeta).value_or("") + " but the index is at revision " +
                             std::to_string(xapian_.get_revision()) +
                             ": the index is older than its catalog (restored from an older copy?); nothing was "
                             "changed. 'newsdex-index check --rebuild-catalog' makes the catalog follow the index "
                             "(the articles the index lacks are read again from their files)");
    }
}

void IndexWriter::before_changing_index() {
    if (changing_) return;
    changing_ = true;
    commit();  // what the batch holds so far is the catalog's alone
    std::optional<std::string> damage;
    if (!segments_ && static_cast<int64_t>(xapian_.get_doccount()) != catalog_.count())
        damage = "the index holds " + std::to_string(xapian_.get_doccount()) + " documents but the catalog " +
                 std::to_string(catalog_.count()) + " articles";
    else
        damage = table_damage(catalog_, generation_.xapian(), xapian_.get_revision());
    if (damage)
        throw IndexError(generation_.dir.string() + ": " + *damage +
                         "; nothing was written. Run 'newsdex-index check' to see what is wrong");
    catalog_.delete_meta(kTablesMeta);
    index_checked_ = true;
    begin_batch();
}

void IndexWriter::seal(bool renew) {
    commit();
    if (renew || changing_ || !catalog_.meta(kTablesMeta))
        record_table_fingerprint(catalog_, generation_.xapian(), xapian_.get_revision());
}

void IndexWriter::discard_unmerged_segments() {
    repaired_ += reconcile(xapian_, catalog_);
    catalog_.delete_meta(kSegmentsPendingMeta);
    remove_segments(generation_);
}

bool IndexWriter::start_segments() {
    if (segments_) return true;
    drain();
    if (xapian_.get_doccount() != 0 || catalog_.count() != 0) return false;
    // Each lane commits every 1 MB of text: a lane's commit touches no
    // catalog, and the lanes' buffers add up. Peak RSS of a first run on 2
    // cores, 1 MB against the 4 MB a lane had before (half a batch of
    // 8 MB): the dump 258 against 380-402 MB, the text files 198 against
    // 293 MB, 3,000 articles 151 against 278 MB, in the same time or less.
    SegmentSet::Options segment_options;
    segment_options.threads = options_.workers + 1;
    segment_options.flush_bytes = 1u << 20;
    segment_options.stripe_bytes = options_.segment_stripe_bytes;
    segment_options.ids_per_lane = options_.segment_ids_per_lane;
    segments_.emplace(segments_dir(generation_), next_docid_, segment_options);
    segment_base_ = next_docid_;
    begin_batch();
    catalog_.set_meta(kSegmentsPendingMeta, "1");
    commit();
    return true;
}

SegmentMerge IndexWriter::finish_segments() {
    SegmentMerge merge;
    if (!segments_) return merge;
    commit();
    merge.segments = segments_->finish();
    merge.dropped = std::move(dropped_);
    segments_.reset();
    if (merge.segments.empty()) {
        begin_batch();
        catalog_.delete_meta(kSegmentsPendingMeta);
        commit();
        remove_segments(generation_);
    }
    return merge;
}

IndexWriter::~IndexWriter() {
    // An unfinished batch is abandoned on both sides: the SQLite transaction
    // rolls back, and closing Xapian cancels its open transaction. Segments
    // never merged are of no use (the next writer reads their files again):
    // they go now rather than fill the disk until then.
    if (segments_) {
        segments_.reset();
        remove_segments(generation_);
    }
}

void IndexWriter::begin_batch() {
    if (batch_) return;
    batch_.emplace(catalog_.db());
    // A Xapian transaction suppresses Xapian's own automatic flushes, so
    // Xapian never commits part of a batch the catalog has not seen.
    xapian_.begin_transaction(true);
}

Catalog& IndexWriter::catalog() {
    begin_batch();
    return catalog_;
}

WriteOutcome IndexWriter::write(const Article& article) {
    begin_batch();
    const std::string hash = content_hash(article);
    std::optional<CatalogEntry> existing = catalog_.find(article.id);
    // An article that moved to another file is written again, so that its
    // row and document say where it is (and deleting the old file later
    // does not take it along); copies of it in several files read by one
    // run leave it where this run first saw it.
    const auto stays = [&] {
        return (existing->path == article.path && existing->member == article.member) || existing->seen_run == run_;
    };
    if (existing && existing->hash == hash && stays()) {
        catalog_.mark_seen(existing->docid, run_);
        return WriteOutcome::Unchanged;
    }

    const std::string text_hash = text_fingerprint(article);
    if (!existing) {
        if (std::optional<Xapian::docid> original = catalog_.find_by_text(text_hash)) {
            const bool seen = catalog_.find_duplicate(article.id) == original;
            if (!seen) catalog_.record_duplicate(article, *original);
            return seen ? WriteOutcome::Unchanged : WriteOutcome::Duplicate;
        }
    }

    before_changing_index();
    const std::size_t size = article.title.size() + article.text.size();
    Xapian::docid docid = existing ? existing->docid : new_docid(size);
    if (existing && !in_segment(docid)) note_story_change_of(docid, true);
    if (existing && in_segment(docid)) {
        // The new version goes to a segment under a new id; the merge drops
        // the old one.
        drain();  // its old version takes its topics along
        dropped_.push_back(docid);
        docid = new_docid(size);
        catalog_.renumber(existing->docid, docid);
    }
    // The catalog row goes in now, so lookups later in this batch (duplicates,
    // articles of a file) see the article; its document follows from the
    // pipeline, before the batch commits.
    catalog_.upsert(docid, article, hash, text_hash, static_cast<int64_t>(size), run_);
    while (pipeline_.full()) store(*pipeline_.take_next());
    pipeline_.submit(docid, article);
    while (std::optional<DocumentPipeline::Done> done = pipeline_.take_ready()) store(std::move(*done));
    end_batch_if_full(size);
    return existing ? WriteOutcome::Updated : WriteOutcome::Added;
}

Xapian::docid IndexWriter::new_docid(std::size_t text_bytes) {
    return segments_ ? segments_->assign(text_bytes) : next_docid_++;
}

void IndexWriter::store(DocumentPipeline::Done done) {
    std::vector<SynonymEntry> synonyms = lemma_synonyms_.new_entries(done.built.new_forms);
    if (segments_) {
        segments_->add(done.docid, std::move(done.built.document), done.text_bytes, std::move(synonyms));
    } else {
        try {
            xapian_.replace_document(done.docid, done.built.document);
        } catch (const Xapian::Error& e) {
            throw IndexError(generation_.xapian().string() + ": cannot write article " + done.article_id + ": " +
                             xapian_reason(e));
        }
        batch_synonyms_.insert(batch_synonyms_.end(), std::make_move_iterator(synonyms.begin()),
                               std::make_move_iterator(synonyms.end()));
    }
    if (options_.topics) catalog_.set_topics(done.docid, named(done.built.topics));
}

void IndexWriter::drain() {
    while (std::optional<DocumentPipeline::Done> done = pipeline_.take_next()) store(std::move(*done));
}

std::vector<std::string> IndexWriter::remove(Xapian::docid docid) {
    before_changing_index();
    drain();  // the document may still be on its way
    try {
        if (in_segment(docid)) {
            dropped_.push_back(docid);
        } else {
            note_story_change_of(docid, false);
            xapian_.delete_document(docid);
        }
    } catch (const Xapian::DocNotFoundError&) {
        // Already gone from Xapian: the catalog row is what is left to remove.
    } catch (const Xapian::Error& e) {
        throw IndexError(generation_.xapian().string() + ": cannot remove a document: " + xapian_reason(e));
    }
    catalog_.delete_article(docid);
    std::vector<std::string> revisit = catalog_.take_duplicates_of(docid);
    for (const std::string& path : revisit) catalog_.invalidate_file(path);
    end_batch_if_full(0);
    return revisit;
}

std::size_t IndexWriter::retopic() {
    if (!options_.topics) return 0;
    before_changing_index();
    drain();
    std::size_t scored = 0;
    DocDataDecoder decoder;
    for (const auto& [docid, id] : catalog_.all_articles()) {
        begin_batch();
        Xapian::Document doc = xapian_.get_document(docid);
        const Article article = decoder.decode(doc.get_data());
        const ArticleTokens tokens{analyzer_.analyze(std::string_view(article.title)),
                                   analyzer_.analyze(std::string_view(article.text))};
        const std::vector<TopicScore> scores = score_topics(*options_.topics, tokens);
        apply_topic_scores(doc, scores);
        try {
            xapian_.replace_document(docid, doc);
        } catch (const Xapian::Error& e) {
            throw IndexError(generation_.xapian().string() + ": cannot rescore " + id + ": " + xapian_reason(e));
        }
        catalog_.set_topics(docid, named(scores));
        ++scored;
        end_batch_if_full(article.title.size() + article.text.size());
    }
    catalog_.set_meta("topic_profiles", options_.topics->fingerprint);
    commit();
    return scored;
}

void IndexWriter::note_story_change_of(Xapian::docid docid, bool replaced) {
    // The version the index holds now (not drained: a version still on its
    // way has the story it found alone, which no other article shares).
    std::string story;
    try {
        story = xapian_.get_document(docid).get_value(schema::kStorySlot);
    } catch (const Xapian::DocNotFoundError&) {
        return;  // not in the index: no story had it
    }
    note_story_change(xapian_, story, replaced ? docid : 0);
}

StoryLinks IndexWriter::link_stories() {
    if (segments_) throw std::logic_error("story threads are linked after the segments are merged");
    drain();
    if (!stories_pending(xapian_)) return {};
    before_changing_index();
    begin_batch();
    return link_pending_stories();
}

StoryLinks IndexWriter::link_pending_stories() {
    if (!stories_pending(xapian_)) return {};
    StoryLinks links;
    try {
        links = newsdex::link_stories(xapian_);
    } catch (const Xapian::Error& e) {
        throw IndexError(generation_.xapian().string() + ": cannot link story threads: " + xapian_reason(e));
    }
    for (const auto& [docid, story] : links.stories) catalog_.set_story(docid, story);
    return links;
}

std::size_t IndexWriter::repair() {
    commit();
    changing_ = true;  // seal() records the repaired index's files
    const std::size_t fixed = rebuild_catalog(xapian_, catalog_, options_.topics != nullptr).changed();
    repaired_ += fixed;
    return fixed;
}

void IndexWriter::end_batch_if_full(std::size_t bytes) {
    batch_bytes_ += bytes;
    if (++batch_articles_ >= options_.batch_articles || batch_bytes_ >= options_.batch_bytes) commit();
}

// Once a batch, in key order (add_in_key_order).
void IndexWriter::write_batch_synonyms() {
    try {
        add_in_key_order(xapian_, batch_synonyms_);
    } catch (const Xapian::Error& e) {
        throw IndexError(generation_.xapian().string() + ": cannot write word forms' lemmas: " + xapian_reason(e));
    }
}

void IndexWriter::commit() {
    if (!batch_) return;
    drain();
    write_batch_synonyms();
    // The batch's articles join their stories in the batch itself, so a
    // commit never shows them apart from the copies they are copies of.
    // Not before the index passed its damage check; in segments, after the
    // merge (link_stories).
    if (index_checked_ && !segments_) link_pending_stories();
    try {
        xapian_.commit_transaction();
    } catch (const Xapian::Error& e) {
        throw IndexError(generation_.xapian().string() + ": commit failed: " + xapian_reason(e));
    }
    catalog_.set_meta(kRevisionMeta, std::to_string(xapian_.get_revision()));
    batch_->commit();
    batch_.reset();
    batch_bytes_ = 0;
    batch_articles_ = 0;
}

}  // namespace newsdex
