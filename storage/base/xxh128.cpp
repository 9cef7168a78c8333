#include "base/xxh128.h"

#include <fcntl.h>
#include <unistd.h>

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
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open");
    // 1 MB reads: hashing runs at memory speed, so fewer system calls count.
    std::vector<char> buf(1u << 20);
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            throw std::system_error(saved, std::generic_category(), "read error");
        }
        XXH3_128bits_update(state_.get(), buf.data(), static_cast<std::size_t>(n));
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
