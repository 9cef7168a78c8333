// Splits a byte stream into lines without holding more than one line, and
// refuses (skips) lines longer than a limit instead of running out of memory.
#pragma once

#include "readers/byte_source.h"

#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

class LineReader {
public:
    LineReader(ByteSource& input, std::size_t max_line_bytes);

    // The next line without its '\n' (and '\r'). When a line exceeds the
    // limit, `line` is left empty, `too_long` is set and the rest of it is
    // skipped. False at the end of the stream.
    bool next(std::string& line, bool& too_long);
    int64_t line_number() const { return number_; }

private:
    bool fill();

    ByteSource& input_;
    std::size_t max_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;
    int64_t number_ = 0;
};

}  // namespace newsdex
