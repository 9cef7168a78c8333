#include "index/writer_lock.h"

#include "index/index_file.h"
#include "base/utc_time.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>

namespace newsdex {
namespace {

std::string holder(int fd) {
    char buf[256] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string who = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("an unknown process");
    while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
    return who;
}


}  // namespace

WriterLock::WriterLock(const IndexLayout& layout, double wait_seconds) {
    std::error_code ec;
    std::filesystem::create_directories(layout.dir(), ec);
    if (ec) throw IndexError(layout.dir().string() + ": cannot create index directory: " + ec.message());
    // The lock is truncated and written below, often by root from cron:
    // a symlink or hard link planted at DIR/lock must not redirect that.
    fd_ = open_index_file(layout.lock_file(), O_RDWR | O_CREAT, "lock file");

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string reason = std::strerror(errno);
            ::close(fd_);
            throw IndexError(layout.lock_file().string() + ": cannot lock: " + reason);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const std::string who = holder(fd_);
            ::close(fd_);
            throw IndexBusy(layout.dir().string() + ": index busy: another newsdex-index (" + who + ") is writing");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const std::string me = "pid " + std::to_string(::getpid()) + " since " + utc_now() + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, me.data(), me.size(), 0) < 0) {
        // The lock itself is held; only the note about who holds it failed.
    }
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace newsdex
