#include "index/document_pipeline.h"

#include <algorithm>

namespace newsdex {

unsigned DocumentPipeline::default_workers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 1 ? cores - 1 : 0;
}

DocumentPipeline::DocumentPipeline(const TopicProfiles* topics, unsigned workers, bool lemmas)
    // Enough queued work that no worker idles while the writer is busy in a
    // Xapian flush, few enough that memory does not grow with the input.
    : topics_(topics), max_in_flight_(std::max(1u, workers) * 8) {
    dictionaries_.wanted = lemmas;
    if (workers == 0) {
        local_analyzer_.emplace(dictionaries_);
        local_analyzer_->lemmatizer().record_new_forms();
        local_encoder_.emplace();
        return;
    }
    workers_.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

DocumentPipeline::~DocumentPipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
}

void DocumentPipeline::work() {
    // Neither is thread-safe: one of each per worker.
    // Each worker loads its own dictionaries: neither lttoolbox's
    // FSTProcessor nor Hunspell promises that lookups from several threads
    // at once are safe (both keep per-call state in the object).
    Analyzer analyzer(dictionaries_);
    analyzer.lemmatizer().record_new_forms();
    DocDataEncoder encoder;
    std::unique_lock lock(mutex_);
    for (;;) {
        work_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        std::shared_ptr<Slot> slot = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        try {
            slot->built = build_document(analyzer, encoder, slot->article, topics_);
        } catch (...) {
            slot->error = std::current_exception();
        }
        lock.lock();
        slot->finished = true;
        slot_done_.notify_all();
    }
}

void DocumentPipeline::submit(Xapian::docid docid, Article article) {
    auto slot = std::make_shared<Slot>();
    slot->docid = docid;
    slot->article = std::move(article);
    if (workers_.empty()) {
        try {
            slot->built = build_document(*local_analyzer_, *local_encoder_, slot->article, topics_);
        } catch (...) {
            slot->error = std::current_exception();
        }
        slot->finished = true;
        order_.push_back(std::move(slot));
        return;
    }
    std::unique_lock lock(mutex_);
    order_.push_back(slot);
    jobs_.push_back(std::move(slot));
    lock.unlock();
    work_ready_.notify_one();
}

bool DocumentPipeline::full() {
    std::lock_guard lock(mutex_);
    return order_.size() >= max_in_flight_;
}

std::optional<DocumentPipeline::Done> DocumentPipeline::take_ready() {
    std::unique_lock lock(mutex_);
    if (order_.empty() || !order_.front()->finished) return std::nullopt;
    std::shared_ptr<Slot> slot = std::move(order_.front());
    order_.pop_front();
    lock.unlock();
    return finish(std::move(slot));
}

std::optional<DocumentPipeline::Done> DocumentPipeline::take_next() {
    std::unique_lock lock(mutex_);
    if (order_.empty()) return std::nullopt;
    slot_done_.wait(lock, [this] { return order_.front()->finished; });
    std::shared_ptr<Slot> slot = std::move(order_.front());
    order_.pop_front();
    lock.unlock();
    return finish(std::move(slot));
}

DocumentPipeline::Done DocumentPipeline::finish(std::shared_ptr<Slot> slot) {
    if (slot->error) std::rethrow_exception(slot->error);
    const std::size_t bytes = slot->article.title.size() + slot->article.text.size();
    return Done{slot->docid, std::move(slot->article.id), bytes, std::move(*slot->built)};
}

}  // namespace newsdex
