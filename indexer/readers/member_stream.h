// The current member of an archive as a ByteSource whose beginning can be
// looked at first (to tell its format and encoding) and then read again.
#pragma once

#include "readers/archive_reader.h"
#include "readers/byte_source.h"

#include <string>
#include <string_view>

namespace newsdex {

class MemberStream : public ByteSource {
public:
    explicit MemberStream(ArchiveReader& archive) : archive_(archive) {}

    // Up to `size` bytes from the start of the member, without consuming them.
    std::string_view peek(std::size_t size);
    std::size_t read(char* buffer, std::size_t size) override;

private:
    ArchiveReader& archive_;
    std::string head_;      // peeked bytes not yet read
    std::size_t head_pos_ = 0;
    bool at_end_ = false;
};

}  // namespace newsdex
