#include "time_limit.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <system_error>

namespace newsdex {

namespace {

// The query's thread is inside Xapian or ICU and cannot be asked to stop;
// nothing has been printed on stdout for it yet, and nothing a query does
// needs cleaning up (it only reads; --new's digest is written after
// disarm). write(2) and _Exit, as a signal handler may call them, and
// another thread may be using std::cerr.
[[noreturn]] void end_process(const std::string& line) {
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
    std::_Exit(2);
}

std::chrono::steady_clock::duration after_seconds(double seconds) {
    // Past a few centuries, steady_clock's nanoseconds would overflow; a
    // limit of 30 years does not end a query either.
    seconds = std::min(seconds, 1e9);
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

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
    armed_.emplace(ticket, Deadline{deadline, std::move(message) + "\n", writing});
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
    end_process(deadline.line);
}

AlarmDeadline::AlarmDeadline(std::chrono::steady_clock::duration after, std::string message)
    : line_(std::move(message) + "\n") {
    struct sigaction action{};
    action.sa_sigaction = on_alarm;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (::sigaction(SIGALRM, &action, &previous_) != 0)
        throw std::system_error(errno, std::generic_category(), "time limit: SIGALRM's handler");
    // The signal carries the line (no global state for the handler to read).
    struct sigevent event{};
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGALRM;
    event.sigev_value.sival_ptr = const_cast<std::string*>(&line_);
    if (::timer_create(CLOCK_MONOTONIC, &event, &timer_) != 0) {
        const int error = errno;
        ::sigaction(SIGALRM, &previous_, nullptr);
        throw std::system_error(error, std::generic_category(), "time limit: timer_create");
    }
    const auto whole = std::chrono::duration_cast<std::chrono::seconds>(after);
    struct itimerspec when{};
    when.it_value.tv_sec = static_cast<time_t>(whole.count());
    when.it_value.tv_nsec = static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(after - whole).count());
    if (when.it_value.tv_sec == 0 && when.it_value.tv_nsec == 0) when.it_value.tv_nsec = 1;  // 0 would disarm
    if (::timer_settime(timer_, 0, &when, nullptr) != 0) {
        const int error = errno;
        ::timer_delete(timer_);
        ::sigaction(SIGALRM, &previous_, nullptr);
        throw std::system_error(error, std::generic_category(), "time limit: timer_settime");
    }
}

AlarmDeadline::~AlarmDeadline() {
    // Linux drops the timer's signal if it is still pending (a handler
    // already running ends the process: the deadline had passed).
    ::timer_delete(timer_);
    ::sigaction(SIGALRM, &previous_, nullptr);
}

void AlarmDeadline::on_alarm(int, siginfo_t* info, void*) {
    // Only the timer's own signal carries the line; a SIGALRM sent by
    // another process (kill -ALRM) is not the deadline.
    if (info->si_code != SI_TIMER) return;
    end_process(*static_cast<const std::string*>(info->si_value.sival_ptr));
}

TimeLimit::TimeLimit(double seconds, std::string message) {
    if (seconds > 0) alarm_ = std::make_unique<AlarmDeadline>(after_seconds(seconds), std::move(message));
}

TimeLimit::TimeLimit(Watchdog& watchdog, double seconds, std::string message, std::mutex* writing)
    : watchdog_(&watchdog) {
    if (seconds > 0)
        ticket_ = watchdog.arm(std::chrono::steady_clock::now() + after_seconds(seconds), std::move(message), writing);
}

TimeLimit::~TimeLimit() { disarm(); }

void TimeLimit::disarm() {
    alarm_.reset();
    if (ticket_) watchdog_->disarm(*ticket_);
    ticket_.reset();
}

}  // namespace newsdex
