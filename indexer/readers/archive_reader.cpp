#include "readers/archive_reader.h"

#include "base/errors.h"

#include <archive_entry.h>

#include <unistd.h>

#include <cstring>

namespace newsdex {
namespace {

constexpr std::size_t kBlockSize = 1 << 16;

std::string error_of(archive* a) {
    const char* message = archive_error_string(a);
    return message ? message : "unreadable data";
}

// For a file that cannot be opened, the system's reason says more than
// libarchive's "Failed to open 'path'".
std::string open_error_of(archive* a) {
    const int err = archive_errno(a);
    return err > 0 ? std::strerror(err) : error_of(a);
}

}  // namespace

ArchiveReader::ArchiveReader(const std::filesystem::path& path) : archive_(archive_read_new()) {
    if (!archive_) throw InputError("out of memory");
    archive* a = archive_.get();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    // Anything that is not an archive is one raw stream (possibly compressed).
    archive_read_support_format_raw(a);
    int rc = path == "-" ? archive_read_open_fd(a, STDIN_FILENO, kBlockSize)
                         : archive_read_open_filename(a, path.c_str(), kBlockSize);
    if (rc != ARCHIVE_OK) throw InputError("cannot open: " + open_error_of(a));
}

bool ArchiveReader::next_member() {
    archive_entry* entry = nullptr;
    int rc = archive_read_next_header(archive_.get(), &entry);
    if (rc == ARCHIVE_EOF) return false;
    if (rc < ARCHIVE_WARN) throw ArchiveDamaged("damaged archive: " + error_of(archive_.get()));
    if (archive_format(archive_.get()) == ARCHIVE_FORMAT_RAW) {
        member_.clear();
        regular_ = true;
    } else {
        const char* p = archive_entry_pathname_utf8(entry);
        if (!p) p = archive_entry_pathname(entry);
        member_ = p ? p : "";
        regular_ = archive_entry_filetype(entry) == AE_IFREG;
    }
    return true;
}

std::size_t ArchiveReader::read(char* buffer, std::size_t size) {
    la_ssize_t n = archive_read_data(archive_.get(), buffer, size);
    if (n < 0) throw ArchiveDamaged(error_of(archive_.get()));
    return static_cast<std::size_t>(n);
}

int64_t ArchiveReader::compressed_bytes_read() const { return archive_filter_bytes(archive_.get(), -1); }

}  // namespace newsdex
