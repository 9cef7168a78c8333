#include "time_limit.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace newsdex {

TimeLimit::TimeLimit(double seconds, std::string message, std::mutex* writing)
    : message_(std::move(message)), writing_(writing) {
    // The deadline counts from here, not from when the thread first runs.
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    if (seconds > 0) watcher_ = std::thread([this, deadline] { watch(deadline); });
}

TimeLimit::~TimeLimit() {
    disarm();
    if (watcher_.joinable()) watcher_.join();
}

void TimeLimit::disarm() {
    {
        std::lock_guard lock(mutex_);
        disarmed_ = true;
    }
    done_.notify_all();
}

void TimeLimit::watch(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    if (done_.wait_until(lock, deadline, [this] { return disarmed_; })) return;
    if (writing_) writing_->lock();  // held until the end: nothing more is written
    // The main thread is inside Xapian or ICU and cannot be asked to stop;
    // nothing has been printed on stdout yet, and nothing the query does
    // needs cleaning up (it only reads; --new's digest is written after
    // disarm). write(2) rather than iostreams: the main thread may be
    // using std::cerr.
    const std::string line = message_ + "\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
    std::_Exit(2);
}

}  // namespace newsdex
