#include "index/segment_set.h"

#include "analysis/lemma_synonyms.h"
#include "base/errors.h"
#include "index/index_file.h"
#include "base/xapian_reason.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>
#include <string>

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// Text queued per lane beyond the document it is writing: enough that the
// reader keeps the other lanes fed while one commits (a commit takes about
// half a second; with 32 documents queued the lanes waited a fifth of the
// run), few enough that queued documents stay a small part of memory (an
// analyzed document takes several times its text).
constexpr std::size_t kMaxQueuedBytes = 1u << 20;

// What a queued item counts against kMaxQueuedBytes: short articles still
// take a document's worth of memory, so any number of them stays bounded.
std::size_t queued_cost(std::size_t text_bytes) { return std::max<std::size_t>(text_bytes, 4096); }

// Segments are scratch space: if the run dies they are thrown away, so
// syncing them to disk would only cost time.
constexpr int kSegmentFlags = Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS;

}  // namespace

SegmentSet::SegmentSet(fs::path dir, Xapian::docid first_docid, Options options)
    : dir_(std::move(dir)), options_(options), first_docid_(first_docid), next_epoch_base_(first_docid) {
    options_.threads = std::max(1u, options_.threads);
    make_index_directory(dir_, "segment directory");
    for (unsigned i = 0; i < options_.threads; ++i) lanes_.push_back(std::make_unique<Lane>());
    start_epoch();
    for (unsigned i = 0; i < lanes_.size(); ++i) lanes_[i]->thread = std::thread([this, i] { write_lane(i); });
}

SegmentSet::~SegmentSet() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        for (auto& lane : lanes_) lane->queue.clear();
    }
    for (auto& lane : lanes_) {
        lane->changed.notify_all();
        if (lane->thread.joinable()) lane->thread.join();
    }
}

void SegmentSet::start_epoch() {
    const Xapian::docid base = next_epoch_base_;
    const auto lanes = static_cast<Xapian::docid>(lanes_.size());
    const Xapian::docid room = (std::numeric_limits<Xapian::docid>::max() - base) / lanes;
    // Each epoch's ranges are at least as large as all the ids given so far,
    // so a run of N articles makes O(log N) epochs, while its ids stay below
    // about twice the number of its articles (small ids pack into fewer bytes
    // in every Xapian table).
    const Xapian::docid per_lane = std::min(std::max(options_.ids_per_lane, base - first_docid_), room);
    if (per_lane == 0) throw IndexError(dir_.string() + ": no document ids left for new articles");
    for (Xapian::docid i = 0; i < lanes; ++i) {
        lanes_[i]->next = base + i * per_lane;
        lanes_[i]->end = lanes_[i]->next + per_lane;
        lanes_[i]->epoch_bytes = 0;
    }
    ++epoch_;
}

Xapian::docid SegmentSet::assign(std::size_t text_bytes) {
    Lane* lane = lanes_[stripe_lane_].get();
    if (lane->next == lane->end || lane->epoch_bytes >= options_.segment_bytes) start_epoch();
    const Xapian::docid docid = lane->next++;
    lane->epoch_bytes += text_bytes;
    next_epoch_base_ = std::max(next_epoch_base_, docid + 1);
    assigned_.push_back({docid, stripe_lane_, epoch_});
    stripe_filled_ += text_bytes;
    if (stripe_filled_ >= options_.stripe_bytes) {
        stripe_lane_ = (stripe_lane_ + 1) % lanes_.size();
        stripe_filled_ = 0;
    }
    return docid;
}

void SegmentSet::add(Xapian::docid docid, Xapian::Document document, std::size_t text_bytes,
                     std::vector<std::pair<std::string, std::string>> synonyms) {
    rethrow_failure();
    if (assigned_.empty() || assigned_.front().docid != docid)
        throw std::logic_error("SegmentSet::add: document " + std::to_string(docid) + " out of order");
    const Assigned a = assigned_.front();
    assigned_.pop_front();
    push(*lanes_[a.lane], Item{Kind::Document, a.epoch, docid, std::move(document), text_bytes, std::move(synonyms)});
}

std::vector<fs::path> SegmentSet::finish() {
    for (auto& lane : lanes_) push(*lane, Item{Kind::Stop, 0, 0, {}, 0, {}});
    for (auto& lane : lanes_) lane->thread.join();
    rethrow_failure();
    std::sort(finished_.begin(), finished_.end(), [](const Segment& a, const Segment& b) { return a.first < b.first; });
    std::vector<fs::path> out;
    for (const Segment& s : finished_) out.push_back(s.path);
    return out;
}

void SegmentSet::push(Lane& lane, Item item) {
    std::unique_lock lock(mutex_);
    lane.changed.wait(lock, [&] { return lane.queued_bytes < kMaxQueuedBytes || failure_ || stopped_; });
    if (failure_) std::rethrow_exception(failure_);
    if (stopped_) return;
    lane.queued_bytes += queued_cost(item.bytes);
    lane.queue.push_back(std::move(item));
    lane.changed.notify_all();
}

void SegmentSet::write_lane(unsigned index) {
    Lane& lane = *lanes_[index];
    std::optional<Xapian::WritableDatabase> db;
    Segment segment;
    unsigned open_epoch = 0;
    std::size_t unflushed = 0;
    // The synonyms since the last commit, written in key order before it
    // (add_in_key_order).
    std::vector<SynonymEntry> synonyms;
    auto commit = [&] {
        add_in_key_order(*db, synonyms);
        db->commit();
        unflushed = 0;
    };
    auto close = [&] {
        if (!db) return;
        commit();
        db.reset();
        std::lock_guard guard(mutex_);
        finished_.push_back(segment);
    };
    for (;;) {
        std::unique_lock lock(mutex_);
        lane.changed.wait(lock, [&] { return !lane.queue.empty() || stopped_; });
        if (stopped_) return;
        Item item = std::move(lane.queue.front());
        lane.queue.pop_front();
        lane.queued_bytes -= queued_cost(item.bytes);
        lane.changed.notify_all();
        const bool failed = failure_ != nullptr;
        lock.unlock();
        if (failed) {
            if (item.kind == Kind::Stop) return;
            continue;  // the caller rethrows and gives up; keep its pushes moving
        }
        try {
            if (item.kind == Kind::Stop) {
                close();
                return;
            }
            if (db && open_epoch != item.epoch) close();
            if (!db) {
                segment = Segment{dir_ / ("seg-" + std::to_string(item.epoch) + "-" + std::to_string(index)), item.docid};
                db.emplace(segment.path.string(), kSegmentFlags);
                open_epoch = item.epoch;
                unflushed = 0;
            }
            db->replace_document(item.docid, item.document);
            synonyms.insert(synonyms.end(), std::make_move_iterator(item.synonyms.begin()),
                            std::make_move_iterator(item.synonyms.end()));
            unflushed += item.bytes;
            if (unflushed >= options_.flush_bytes) commit();
        } catch (const Xapian::Error& e) {
            fail(std::make_exception_ptr(
                IndexError(segment.path.string() + ": cannot write segment: " + xapian_reason(e))));
        } catch (...) {
            fail(std::current_exception());
        }
    }
}

void SegmentSet::fail(std::exception_ptr error) {
    std::lock_guard guard(mutex_);
    if (!failure_) failure_ = std::move(error);
    for (auto& lane : lanes_) lane->changed.notify_all();
}

void SegmentSet::rethrow_failure() {
    std::lock_guard lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
}

}  // namespace newsdex
