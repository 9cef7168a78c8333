#include "readers/byte_source.h"

#include "base/errors.h"

#include <algorithm>

namespace newsdex {

std::string ByteSource::read_all(std::size_t limit) {
    std::string out;
    char buffer[1 << 16];
    for (std::size_t n; (n = read(buffer, sizeof buffer)) != 0;) {
        if (out.size() + n > limit)
            throw InputError("too large (over " + std::to_string(limit >> 20) + " MB for one document)");
        out.append(buffer, n);
    }
    return out;
}

std::size_t MemorySource::read(char* buffer, std::size_t size) {
    const std::size_t n = std::min({size, chunk_, rest_.size()});
    std::copy_n(rest_.data(), n, buffer);
    rest_.remove_prefix(n);
    return n;
}

}  // namespace newsdex
