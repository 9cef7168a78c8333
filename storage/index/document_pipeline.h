// Builds Xapian documents on worker threads while the writer's thread goes on
// reading input and writing the index, and hands them back in the order they
// were submitted, so Xapian still receives document ids in ascending order
// from one thread (Xapian's writer is single-threaded).
//
// Analysis (normalizing, tokenizing, stemming, topic scoring, encoding the
// document data) is the part of indexing that parallelizes; the inverter and
// the B-tree writes inside Xapian do not. With no workers the pipeline builds
// each document at submission, on the caller's thread.
#pragma once

#include "analysis/analyzer.h"
#include "base/article.h"
#include "index/document_builder.h"
#include "analysis/topic_profiles.h"

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace newsdex {

class DocumentPipeline {
public:
    struct Done {
        Xapian::docid docid;
        std::string article_id;
        std::size_t text_bytes;  // of title and text
        BuiltDocument built;
    };

    // `topics` must outlive the pipeline. `workers`: 0 builds on the caller's
    // thread. `lemmas`: whether words get dictionary lemmas (schema.h, XM).
    DocumentPipeline(const TopicProfiles* topics, unsigned workers, bool lemmas = true);
    // Stops the workers; documents not yet taken are dropped.
    ~DocumentPipeline();
    DocumentPipeline(const DocumentPipeline&) = delete;
    DocumentPipeline& operator=(const DocumentPipeline&) = delete;

    // Queues an article.
    void submit(Xapian::docid docid, Article article);
    // Whether enough is in flight that the caller should take documents
    // before submitting more (so memory stays bounded whatever the input).
    bool full();
    // The next document in submission order if it is built; does not wait.
    // Rethrows what building it threw.
    std::optional<Done> take_ready();
    // The next document in submission order, waiting for it; nullopt when
    // nothing is in flight.
    std::optional<Done> take_next();

    // Worker threads to use on this machine: all cores but the writer's.
    static unsigned default_workers();

private:
    struct Slot {
        Xapian::docid docid = 0;
        Article article;
        std::optional<BuiltDocument> built;
        std::exception_ptr error;
        bool finished = false;
    };

    void work();
    Done finish(std::shared_ptr<Slot> slot);

    const TopicProfiles* topics_;
    DictionaryFiles dictionaries_;  // each analyzer's
    std::size_t max_in_flight_;
    // Used when there are no workers.
    std::optional<Analyzer> local_analyzer_;
    std::optional<DocDataEncoder> local_encoder_;

    std::mutex mutex_;
    std::condition_variable work_ready_;   // workers wait for jobs
    std::condition_variable slot_done_;    // the writer waits for results
    std::deque<std::shared_ptr<Slot>> order_;  // everything in flight, oldest first
    std::deque<std::shared_ptr<Slot>> jobs_;   // not yet picked up by a worker
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace newsdex
