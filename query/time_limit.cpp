#include "time_limit.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace newsdex {

Watchdog::~Watchdog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

Watchdog::Ticket Watchdog::arm(std::chrono::steady_clock::time_point deadline, std::string message,
                               std::mutex* writing) {
    std::lock_guard lock(mutex_);
    const Ticket ticket = next_++;
    armed_.emplace(ticket, Deadline{deadline, std::move(message), writing});
    if (!thread_.joinable()) thread_ = std::thread([this] { watch(); });
    changed_.notify_all();
    return ticket;
}

void Watchdog::disarm(Ticket ticket) {
    std::lock_guard lock(mutex_);
    armed_.erase(ticket);
    // The watchdog's thread need not wake: it finds the deadline gone when
    // it does.
}

void Watchdog::watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (armed_.empty()) {
            changed_.wait(lock);
            continue;
        }
        const auto first = std::min_element(armed_.begin(), armed_.end(),
                                            [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
        if (std::chrono::steady_clock::now() >= first->second.at) {
            const Deadline expired = first->second;
            // Not holding the watchdog's lock while waiting for the output's:
            // a thread may disarm while it writes.
            lock.unlock();
            expire(expired);
        }
        changed_.wait_until(lock, first->second.at);
    }
}

void Watchdog::expire(const Deadline& deadline) {
    if (deadline.writing) deadline.writing->lock();  // held until the end: nothing more is written
    // The query's thread is inside Xapian or ICU and cannot be asked to
    // stop; nothing has been printed on stdout for it yet, and nothing a
    // query does needs cleaning up (it only reads; --new's digest is
    // written after disarm). write(2) rather than iostreams: another
    // thread may be using std::cerr.
    const std::string line = deadline.message + "\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
    std::_Exit(2);
}

TimeLimit::TimeLimit(double seconds, std::string message, std::mutex* writing)
    : TimeLimit(std::make_unique<Watchdog>(), nullptr, seconds, std::move(message), writing) {}

TimeLimit::TimeLimit(Watchdog& watchdog, double seconds, std::string message, std::mutex* writing)
    : TimeLimit(nullptr, &watchdog, seconds, std::move(message), writing) {}

TimeLimit::TimeLimit(std::unique_ptr<Watchdog> own, Watchdog* shared, double seconds, std::string message,
                     std::mutex* writing)
    : own_(std::move(own)), watchdog_(own_ ? own_.get() : shared) {
    if (seconds <= 0) return;
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    ticket_ = watchdog_->arm(deadline, std::move(message), writing);
}

TimeLimit::~TimeLimit() { disarm(); }

void TimeLimit::disarm() {
    if (ticket_) watchdog_->disarm(*ticket_);
    ticket_.reset();
}

}  // namespace newsdex
