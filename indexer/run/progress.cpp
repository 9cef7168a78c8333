#include "run/progress.h"

#include <cstdio>

namespace newsdex {

Progress::Progress(std::ostream& out, bool enabled, int64_t total_bytes, std::size_t total_files)
    : out_(out),
      enabled_(enabled),
      total_(total_bytes),
      total_files_(total_files),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { clear(); }

void Progress::update(const Counts& c) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    char line[240];
    int n = std::snprintf(line, sizeof line, "file %zu of %zu, %zu articles, %.1f MB of text, %.0f articles/s", c.file,
                          total_files_, c.articles, static_cast<double>(c.text_bytes) / 1048576.0,
                          seconds > 0 ? static_cast<double>(c.articles) / seconds : 0.0);
    if (total_ > 0 && c.input_bytes > 0 && c.input_bytes <= total_) {
        const double done = static_cast<double>(c.input_bytes) / static_cast<double>(total_);
        std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f%%, ETA %.0f s", 100.0 * done,
                      seconds * (1 - done) / done);
    }
    draw(line);
}

void Progress::phase(const std::string& what) {
    if (enabled_) draw(what);
}

void Progress::draw(const std::string& line) {
    out_ << "\r\x1b[K" << line << std::flush;
    drawn_ = true;
}

void Progress::clear() {
    if (!drawn_) return;
    out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace newsdex
