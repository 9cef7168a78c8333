// Builds the documents of a new index as a few Xapian databases
// ("segments") written by several threads at once, for the compactor to merge
// into the finished index.
//
// Why: Xapian writes a database from one thread, and on a first run or a
// rebuild that writing is more than half of all the work, so one database
// caps indexing at one core. Merging the segments costs about what compacting
// the index costs, which such a run did anyway.
//
// How: each writer thread (a "lane") owns one segment and its own range of
// document ids. New documents are dealt to the lanes in stripes of about
// `stripe_bytes` of text, and each takes the next id of its lane's range, so
// every segment holds one run of consecutive ids, disjoint from the others:
// Xapian's compactor keeps document ids (the catalog's key) only when its
// sources' id ranges do not overlap. A lane commits every `flush_bytes` of its
// text, so memory stays flat. When a lane's range is used up, every lane
// starts a new segment ranged above all ids so far (an "epoch"), as they do
// when one has taken `segment_bytes` of text; ids a lane did not use are
// simply never used (the merge closes the gaps up). Few segments matter: the compactor keeps
// each source's postings of a term as a chunk of its own, so every extra
// segment makes the merged index bigger (on the dev data, 7 segments made
// the postings twice as big as 1).
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace newsdex {

// Catalog meta key set while a segmented run has documents not yet merged
// into the index: if the run dies, the next writer knows the catalog is
// ahead of the index and reconciles them.
inline constexpr const char* kSegmentsPendingMeta = "segments_pending";

// What a segmented run leaves for the compactor (generation_compactor.h).
struct SegmentMerge {
    std::vector<std::filesystem::path> segments;  // in document id order
    // Documents replaced or removed after they went to a segment: the merged
    // index drops them.
    std::vector<Xapian::docid> dropped;
};

class SegmentSet {
public:
    struct Options {
        unsigned threads = 2;
        std::size_t flush_bytes = 4u << 20;
        std::size_t stripe_bytes = 1u << 20;
        Xapian::docid ids_per_lane = 1u << 15;
        // Text a lane's segment takes before every lane starts a new one:
        // Xapian's commits into a database cost more as it grows (at 4x the
        // dev data, 172 MB of text per segment ran at two thirds of the
        // speed of 86 MB), and more segments cost index size.
        std::size_t segment_bytes = 96u << 20;
    };

    // Segments are written under `dir`; ids are given from `first_docid` up.
    SegmentSet(std::filesystem::path dir, Xapian::docid first_docid, Options options);
    // Stops the writers. Segments stay on disk: the caller removes `dir`.
    ~SegmentSet();
    SegmentSet(const SegmentSet&) = delete;
    SegmentSet& operator=(const SegmentSet&) = delete;

    // The id of the next new document, of `text_bytes` of text. Every id
    // given must be add()ed, in the order given.
    Xapian::docid assign(std::size_t text_bytes);
    // Queues the document of an assigned id for its lane. Waits while the
    // lane is behind, so memory stays bounded. Rethrows a writer's failure.
    // `synonyms` (key, value) go into the same segment: the compactor
    // merges the segments' synonym tables.
    void add(Xapian::docid docid, Xapian::Document document, std::size_t text_bytes,
             std::vector<std::pair<std::string, std::string>> synonyms = {});
    // Writes what is queued, stops the writers and returns the segments, in
    // document id order. Rethrows a writer's failure.
    std::vector<std::filesystem::path> finish();

private:
    enum class Kind { Document, Stop };
    struct Item {
        Kind kind;
        unsigned epoch = 0;
        Xapian::docid docid = 0;
        Xapian::Document document;
        std::size_t bytes = 0;
        std::vector<std::pair<std::string, std::string>> synonyms;
    };
    struct Lane {
        std::deque<Item> queue;  // guarded by mutex_
        std::size_t queued_bytes = 0;  // text in `queue`; guarded by mutex_
        std::condition_variable changed;
        std::thread thread;
        Xapian::docid next = 0, end = 0;  // the caller's thread only
        std::size_t epoch_bytes = 0;      // text given this epoch
    };
    struct Assigned {
        Xapian::docid docid;
        unsigned lane;
        unsigned epoch;
    };
    struct Segment {
        std::filesystem::path path;
        Xapian::docid first;
    };

    void start_epoch();
    void push(Lane& lane, Item item);
    void write_lane(unsigned index);
    void fail(std::exception_ptr error);
    void rethrow_failure();

    std::filesystem::path dir_;
    Options options_;
    // The caller's thread only.
    std::deque<Assigned> assigned_;
    Xapian::docid first_docid_;
    unsigned epoch_ = 0;
    Xapian::docid next_epoch_base_;
    unsigned stripe_lane_ = 0;
    std::size_t stripe_filled_ = 0;

    std::mutex mutex_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    std::vector<Segment> finished_;
    std::exception_ptr failure_;
    bool stopped_ = false;
};

}  // namespace newsdex
