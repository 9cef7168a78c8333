#include "readers/line_reader.h"

#include <cstring>

namespace newsdex {

LineReader::LineReader(ByteSource& input, std::size_t max_line_bytes)
    : input_(input), max_(max_line_bytes), buffer_(1 << 16) {}

bool LineReader::fill() {
    if (eof_) return false;
    pos_ = 0;
    end_ = input_.read(buffer_.data(), buffer_.size());
    eof_ = end_ == 0;
    return !eof_;
}

bool LineReader::next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    while (true) {
        if (pos_ == end_ && !fill()) {
            if (!any) return false;
            break;
        }
        any = true;
        const char* start = buffer_.data() + pos_;
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
        const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
        if (!too_long) {
            if (line.size() + n > max_) {
                too_long = true;
                line.clear();
                line.shrink_to_fit();
            } else {
                line.append(start, n);
            }
        }
        pos_ += n;
        if (nl) {
            ++pos_;
            break;
        }
    }
    ++number_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

}  // namespace newsdex
