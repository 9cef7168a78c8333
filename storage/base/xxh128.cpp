#include "base/xxh128.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>
#include <vector>

namespace newsdex {

Xxh128::Xxh128() : state_(XXH3_createState(), XXH3_freeState) {
    if (!state_) throw std::bad_alloc();
    XXH3_128bits_reset(state_.get());
}

Xxh128& Xxh128::update(std::string_view bytes) {
    XXH3_128bits_update(state_.get(), bytes.data(), bytes.size());
    return *this;
}

Xxh128& Xxh128::update_file(const std::filesystem::path& path) {
    return update_file_range(path, 0, UINT64_MAX);
}

Xxh128& Xxh128::update_file_range(const std::filesystem::path& path, std::uint64_t offset, std::uint64_t length) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open");
    const auto fail = [fd](const char* what) {
        const int saved = errno;
        ::close(fd);
        throw std::system_error(saved, std::generic_category(), what);
    };
    // No seek from the start: a whole file may be one that cannot seek (a pipe).
    if (offset > 0 && ::lseek(fd, static_cast<off_t>(offset), SEEK_SET) < 0) fail("cannot seek");
    // 1 MB reads: hashing runs at memory speed, so fewer system calls count.
    std::vector<char> buf(1u << 20);
    while (length > 0) {
        const ssize_t n = ::read(fd, buf.data(), std::min<std::uint64_t>(length, buf.size()));
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("read error");
        }
        XXH3_128bits_update(state_.get(), buf.data(), static_cast<std::size_t>(n));
        length -= static_cast<std::uint64_t>(n);
    }
    ::close(fd);
    return *this;
}

std::string Xxh128::hex() const { return hex(XXH3_128bits_digest(state_.get())); }

std::string Xxh128::hex(XXH128_hash_t h) {
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return out;
}

}  // namespace newsdex
