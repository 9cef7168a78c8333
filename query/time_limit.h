// The time a whole query process may take (--time-limit). Xapian 1.4 cannot
// stop a match once it has started (Enquire::set_time_limit only gives up
// exact counting), and analysing the query, expanding wildcards, spelling
// suggestions and snippets all take time too; so, if the query is still
// running at the deadline, the process ends with a one-line message and exit
// status 2: one query's deadline by a timer's signal (AlarmDeadline), a
// batch's by a thread that waits for them all (Watchdog). Disarmed before
// the answer is printed, so output is never cut short: there is either a
// whole answer or none.
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

#include <signal.h>
#include <time.h>

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
        std::string line;  // the message and its line end
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

// The deadline of a process that does one thing at a time (one query):
// a POSIX timer whose signal (SIGALRM) writes the message and ends the
// process, with no thread. A thread started and joined for each query
// process took 2.9% of a one-word query's wall time (3.52 against 3.42 ms,
// 500 interleaved runs). Nothing may be written to stdout while it is
// armed (a signal handler cannot wait for a lock): a batch, whose threads
// write while others are timed, uses a Watchdog.
class AlarmDeadline {
public:
    // Throws std::system_error if the timer cannot be made.
    AlarmDeadline(std::chrono::steady_clock::duration after, std::string message);
    // Disarms: the timer is deleted with any signal of it still pending,
    // and SIGALRM's handler is what it was before.
    ~AlarmDeadline();
    AlarmDeadline(const AlarmDeadline&) = delete;
    AlarmDeadline& operator=(const AlarmDeadline&) = delete;

private:
    static void on_alarm(int, siginfo_t* info, void*);

    const std::string line_;  // the message and its line end, read by the handler
    timer_t timer_{};
    struct sigaction previous_{};
};

class TimeLimit {
public:
    // seconds <= 0: no limit. `message` is written to stderr as is; the
    // deadline counts from here. The first form is a process's only one
    // (AlarmDeadline); the second is one of many on `watchdog`, which must
    // outlive it, `writing` as for Watchdog::arm.
    TimeLimit(double seconds, std::string message);
    TimeLimit(Watchdog& watchdog, double seconds, std::string message, std::mutex* writing = nullptr);
    ~TimeLimit();
    TimeLimit(const TimeLimit&) = delete;
    TimeLimit& operator=(const TimeLimit&) = delete;

    // The work is done: the rest (printing the answer) is not timed.
    void disarm();

private:
    std::unique_ptr<AlarmDeadline> alarm_;
    Watchdog* watchdog_ = nullptr;
    std::optional<Watchdog::Ticket> ticket_;
};

}  // namespace newsdex
