// The time a whole query process may take (--time-limit). Xapian 1.4 cannot
// stop a match once it has started (Enquire::set_time_limit only gives up
// exact counting), and analysing the query, expanding wildcards, spelling
// suggestions and snippets all take time too; so a thread waits for the
// deadline and, if the query is still running then, ends the process with
// a one-line message and exit status 2. Disarmed before the answer is
// printed, so output is never cut short: there is either a whole answer or
// none.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace newsdex {

class TimeLimit {
public:
    // seconds <= 0: no limit. `message` is written to stderr as is.
    // `writing`, if given, is locked before the process ends: the mutex
    // other threads hold while they write output, so none is cut off
    // half-way through a line.
    TimeLimit(double seconds, std::string message, std::mutex* writing = nullptr);
    ~TimeLimit();
    TimeLimit(const TimeLimit&) = delete;
    TimeLimit& operator=(const TimeLimit&) = delete;

    // The work is done: the rest (printing the answer) is not timed.
    void disarm();

private:
    void watch(std::chrono::steady_clock::time_point deadline);

    std::string message_;
    std::mutex* writing_;
    std::mutex mutex_;
    std::condition_variable done_;
    bool disarmed_ = false;
    std::thread watcher_;
};

}  // namespace newsdex
