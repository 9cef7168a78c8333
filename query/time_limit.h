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
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace newsdex {

// The thread that waits for the deadlines armed on it, one for all the
// queries of a `--batch`: a thread started and joined for each query cost
// the bench's 497 lines 2% of their time (514 against 525 queries/s,
// median of 8 runs; 499 threads against 3). Started by the first deadline
// armed; stopped and joined when destroyed.
class Watchdog {
public:
    using Ticket = std::uint64_t;

    Watchdog() = default;
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // At `deadline`, unless disarmed first: locks `writing` (if given: the
    // mutex other threads hold while they write output, so none is cut off
    // half-way through a line), writes `message` and a line end to stderr
    // and ends the process with exit status 2.
    Ticket arm(std::chrono::steady_clock::time_point deadline, std::string message, std::mutex* writing);
    void disarm(Ticket ticket);

private:
    struct Deadline {
        std::chrono::steady_clock::time_point at;
        std::string message;
        std::mutex* writing;
    };
    void watch();
    [[noreturn]] static void expire(const Deadline& deadline);

    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<Ticket, Deadline> armed_;
    Ticket next_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

class TimeLimit {
public:
    // seconds <= 0: no limit. `message` is written to stderr as is;
    // `writing` as for Watchdog::arm. The deadline counts from here. The
    // first form has a watchdog of its own (one query, one thread), the
    // second uses `watchdog`, which must outlive it.
    TimeLimit(double seconds, std::string message, std::mutex* writing = nullptr);
    TimeLimit(Watchdog& watchdog, double seconds, std::string message, std::mutex* writing = nullptr);
    ~TimeLimit();
    TimeLimit(const TimeLimit&) = delete;
    TimeLimit& operator=(const TimeLimit&) = delete;

    // The work is done: the rest (printing the answer) is not timed.
    void disarm();

private:
    TimeLimit(std::unique_ptr<Watchdog> own, Watchdog* shared, double seconds, std::string message,
              std::mutex* writing);

    std::unique_ptr<Watchdog> own_;
    Watchdog* watchdog_;
    std::optional<Watchdog::Ticket> ticket_;
};

}  // namespace newsdex
