// A forward-only stream of bytes: an archive member, or its conversion to
// UTF-8. Readers for streamed formats (JSON Lines, CSV) take one of these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Up to `size` bytes; 0 at the end. Throws InputError on damaged data.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;

    // The rest of the stream, or InputError("too large ...") past `limit`.
    std::string read_all(std::size_t limit);
};

// Bytes already in memory, handed out in pieces of at most `chunk` bytes
// (small chunks let tests exercise readers' buffer boundaries).
class MemorySource : public ByteSource {
public:
    explicit MemorySource(std::string_view data, std::size_t chunk = std::string_view::npos)
        : rest_(data), chunk_(chunk) {}
    std::size_t read(char* buffer, std::size_t size) override;

private:
    std::string_view rest_;
    std::size_t chunk_;
};

}  // namespace newsdex
