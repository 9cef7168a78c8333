#include "progress.h"

#include <cstdio>

namespace newsdex {

Progress::Progress(std::ostream& out, bool enabled, int64_t total_bytes)
    : out_(out), enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { clear(); }

void Progress::update(std::size_t files, std::size_t articles, int64_t bytes_read) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes_read) / 1048576.0;
    char line[200];
    int n = std::snprintf(line, sizeof line, "%zu files, %zu articles, %.1f MB, %.0f articles/s", files, articles, mb,
                          seconds > 0 ? static_cast<double>(articles) / seconds : 0.0);
    if (total_ > 0 && bytes_read > 0 && bytes_read <= total_) {
        const double eta = seconds * static_cast<double>(total_ - bytes_read) / static_cast<double>(bytes_read);
        std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f%%, ETA %.0f s",
                      100.0 * static_cast<double>(bytes_read) / static_cast<double>(total_), eta);
    }
    out_ << "\r\x1b[K" << line << std::flush;
    drawn_ = true;
}

void Progress::clear() {
    if (!drawn_) return;
    out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace newsdex
