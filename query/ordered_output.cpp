#include "ordered_output.h"

namespace newsdex {

void OrderedOutput::put(std::size_t number, Answer answer) {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    waiting_.emplace(number, std::move(answer));
    for (auto next = waiting_.find(next_); next != waiting_.end() && !stopped_; next = waiting_.find(next_)) {
        Answer& a = next->second;
        // stderr first: a note (a relaxed query, a shard left out) is read
        // beside the answer it is about.
        if (!a.err.empty()) err_ << a.err << std::flush;
        out_ << a.out << std::flush;
        any_hits_ |= a.hits;
        stopped_ = a.final;
        waiting_.erase(next);
        ++next_;
    }
}

bool OrderedOutput::stopped() {
    std::lock_guard lock(mutex_);
    return stopped_;
}

bool OrderedOutput::any_hits() {
    std::lock_guard lock(mutex_);
    return any_hits_;
}

}  // namespace newsdex
