// Streams the articles' bytes out of any input file: plain, compressed
// (.gz, .bz2, .xz, .zst, .lz4) or an archive (.zip, .tar, .tar.*), through
// libarchive. Members are read in place, never unpacked to disk.
#pragma once

#include "base/errors.h"

#include <archive.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace newsdex {

// The container itself is damaged (truncated .gz, corrupt .zip): nothing
// more can be read from this file.
struct ArchiveDamaged : InputError {
    using InputError::InputError;
};

class ArchiveReader {
public:
    // `path` "-" reads standard input. Throws InputError if it cannot be
    // opened. Messages never name the file: the caller knows where it is.
    explicit ArchiveReader(const std::filesystem::path& path);

    // Advances to the next member; false at the end. Throws ArchiveDamaged.
    bool next_member();

    // Empty for a plain or merely compressed file (its one stream), else the
    // member's path inside the archive.
    const std::string& member() const { return member_; }
    bool member_is_regular_file() const { return regular_; }

    // Reads up to `size` bytes of the current member; 0 at its end. Throws
    // ArchiveDamaged on damaged data (truncated .gz, corrupt .zip entry...).
    std::size_t read(char* buffer, std::size_t size);

    // Bytes of the underlying file consumed so far (for progress).
    int64_t compressed_bytes_read() const;

private:
    struct Free {
        void operator()(archive* a) const { archive_read_free(a); }
    };
    std::unique_ptr<archive, Free> archive_;
    std::string member_;
    bool regular_ = true;
};

}  // namespace newsdex
