// A live progress line on stderr while indexing: files, articles, MB read,
// articles/s, and an ETA when the total size is known. Off unless asked
// for or stderr is a terminal, so cron mail stays clean.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace newsdex {

class Progress {
public:
    Progress(std::ostream& out, bool enabled, int64_t total_bytes);
    ~Progress();

    // Counters are totals so far; redraws at most a few times a second.
    void update(std::size_t files, std::size_t articles, int64_t bytes_read);
    // Erases the line (before other output, and at the end).
    void clear();

private:
    std::ostream& out_;
    bool enabled_;
    int64_t total_;
    std::chrono::steady_clock::time_point start_, last_;
    bool drawn_ = false;
};

}  // namespace newsdex
