// A live progress line on stderr while indexing: the file being read (of
// how many), articles, MB of article text, articles/s, and percent done and
// an ETA when the inputs' size is known (measured on the bytes read from
// disk, so a compressed file counts by how far into it the reader is);
// then the phase after reading (writing the last segments, merging,
// compacting), which takes seconds to minutes with nothing to count. Off
// unless asked for or stderr is a terminal, so cron mail stays clean.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace newsdex {

class Progress {
public:
    Progress(std::ostream& out, bool enabled, int64_t total_bytes, std::size_t total_files);
    ~Progress();

    struct Counts {
        std::size_t file = 0;        // the file being read, from 1
        std::size_t articles = 0;
        int64_t text_bytes = 0;      // of article text (uncompressed)
        int64_t input_bytes = 0;     // of the inputs, as on disk
    };
    // Redraws at most a few times a second.
    void update(const Counts& counts);
    // Shows what the run is doing now, until the next update or clear.
    void phase(const std::string& what);
    // Erases the line (before other output, and at the end).
    void clear();

private:
    void draw(const std::string& line);

    std::ostream& out_;
    bool enabled_;
    int64_t total_;
    std::size_t total_files_;
    std::chrono::steady_clock::time_point start_, last_;
    bool drawn_ = false;
};

}  // namespace newsdex
