#include "index/index_file.h"

#include "base/errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// Closes on every path out, including a throw between open and close.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    // Reports a failed close: on some filesystems that is where a write error shows.
    int release_and_close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

[[noreturn]] void fail(const fs::path& file, const std::string& what) {
    throw IndexError(file.string() + ": " + what + ": " + std::strerror(errno));
}

void write_all(int fd, const fs::path& file, std::string_view content) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(file, "cannot write");
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

int open_index_file(const fs::path& file, int flags, std::string_view what) {
    const int fd = ::open(file.c_str(), flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0644);
    if (fd < 0) {
        if (errno == ELOOP)
            throw IndexError(file.string() + ": is a symbolic link; refusing to follow it (remove it: newsdex creates this file itself)");
        fail(file, "cannot open " + std::string(what));
    }
    Fd owned(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail(file, "cannot stat");
    if (!S_ISREG(st.st_mode)) throw IndexError(file.string() + ": not a regular file; refusing to write it");
    if (st.st_nlink > 1)
        throw IndexError(file.string() + ": has " + std::to_string(st.st_nlink) +
                         " hard links; refusing to write a file shared with another name");
    // O_NONBLOCK was only for the open (a FIFO planted there must not hang it).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return owned.release();
}

void replace_file(const fs::path& file, std::string_view content) {
    const fs::path tmp = file.string() + ".tmp-" + std::to_string(::getpid());
    const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    int fd = ::open(tmp.c_str(), flags, 0644);
    if (fd < 0 && errno == EEXIST) {
        // Left by a run that died with our pid, or planted: unlink removes
        // the name only, never what a symlink points to.
        if (::unlink(tmp.c_str()) != 0) fail(tmp, "cannot remove stale temporary file");
        fd = ::open(tmp.c_str(), flags, 0644);
    }
    if (fd < 0) fail(tmp, "cannot create");
    Fd out(fd);
    try {
        write_all(out.get(), tmp, content);
        if (::fsync(out.get()) != 0) fail(tmp, "cannot sync");
        if (out.release_and_close() != 0) fail(tmp, "cannot write");
        if (::rename(tmp.c_str(), file.c_str()) != 0) fail(file, "cannot replace");
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    sync_directory(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

void append_to_file(const fs::path& file, std::string_view content) {
    Fd out(open_index_file(file, O_WRONLY | O_CREAT | O_APPEND));
    write_all(out.get(), file, content);
    if (out.release_and_close() != 0) fail(file, "cannot write");
}

void make_index_directory(const fs::path& dir, std::string_view what) {
    if (::mkdir(dir.c_str(), 0755) == 0) return;
    if (errno != EEXIST) fail(dir, "cannot create " + std::string(what));
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) fail(dir, "cannot create " + std::string(what));
    if (S_ISLNK(st.st_mode))
        throw IndexError(dir.string() + ": is a symbolic link; refusing to write through it (remove it: newsdex "
                                        "creates this directory itself)");
    if (!S_ISDIR(st.st_mode)) throw IndexError(dir.string() + ": is not a directory");
}

}  // namespace newsdex
