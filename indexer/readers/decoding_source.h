// Converts a stream in a legacy encoding (windows-1251, KOI8-R, ...) to
// UTF-8 as it is read, so large CSV and JSON Lines exports in those
// encodings never have to be held in memory whole.
#pragma once

#include "readers/byte_source.h"

#include <unicode/ucnv.h>

#include <memory>
#include <string>
#include <vector>

namespace newsdex {

class DecodingSource : public ByteSource {
public:
    // Throws InputError if ICU does not know `encoding`.
    DecodingSource(ByteSource& input, const std::string& encoding);
    std::size_t read(char* buffer, std::size_t size) override;

private:
    struct Close {
        void operator()(UConverter* c) const { ucnv_close(c); }
    };
    ByteSource& input_;
    std::unique_ptr<UConverter, Close> from_;
    std::unique_ptr<UConverter, Close> to_utf8_;
    std::vector<char> in_;
    const char* in_begin_ = nullptr;
    const char* in_end_ = nullptr;
    std::vector<UChar> pivot_;
    UChar* pivot_source_ = nullptr;
    UChar* pivot_target_ = nullptr;
    bool input_done_ = false;
    bool flushed_ = false;
};

}  // namespace newsdex
