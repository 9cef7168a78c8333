#include "readers/member_stream.h"

#include <algorithm>
#include <cstring>

namespace newsdex {

std::string_view MemberStream::peek(std::size_t size) {
    while (head_.size() < size && !at_end_) {
        const std::size_t old = head_.size();
        head_.resize(size);
        const std::size_t n = archive_.read(head_.data() + old, size - old);
        head_.resize(old + n);
        if (n == 0) at_end_ = true;
    }
    return std::string_view(head_).substr(0, size);
}

std::size_t MemberStream::read(char* buffer, std::size_t size) {
    if (head_pos_ < head_.size()) {
        const std::size_t n = std::min(size, head_.size() - head_pos_);
        std::memcpy(buffer, head_.data() + head_pos_, n);
        head_pos_ += n;
        return n;
    }
    if (at_end_) return 0;
    return archive_.read(buffer, size);
}

}  // namespace newsdex
