// The one-writer rule: an flock on <dir>/lock. The kernel drops it when the
// holder exits, however it exits, so a killed indexer never leaves a stale
// lock behind. The file also says who holds it, for the busy message.
#pragma once

#include "base/errors.h"
#include "index/index_layout.h"

namespace newsdex {

// Another writer holds the lock (exit code 75, EX_TEMPFAIL).
struct IndexBusy : IndexError {
    using IndexError::IndexError;
};

class WriterLock {
public:
    // Waits up to `wait_seconds` (0: not at all). Throws IndexBusy naming the
    // holder's pid and start time, or IndexError if the directory cannot be
    // written or DIR/lock is a symbolic link, a hard link or not a regular
    // file. Creates the index directory if needed.
    WriterLock(const IndexLayout& layout, double wait_seconds);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace newsdex
