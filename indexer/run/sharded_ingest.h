// Indexing into a sharded archive (see shard_archive.h): every article goes
// to the shard of its year, month or source.
//
// Each shard is a complete newsdex index of the articles it owns, with its
// own file tracker: a shard run reads the inputs like an ordinary run and
// writes only the articles whose key is its own. So incremental runs,
// deletions of vanished files, moved files, duplicates and repair work per
// shard exactly as they do for one index. A shard whose tracked files are
// all unchanged (and none deleted) is not opened at all; a changed file is
// read once by every shard that is run. The catch-all shard ("undated" or
// "nosource") always tracks every file and finds new keys; a new shard
// reads all inputs once, as a first run of an index does.
#pragma once

#include "run/ingest.h"

#include <ostream>
#include <string>
#include <vector>

namespace newsdex {

struct ShardedSummary {
    IngestSummary total;
    std::vector<std::string> written;  // shards that were run, in order
    std::size_t skipped = 0;           // shards left untouched (nothing changed for them)
};

// `shard_by` empty: the archive's own scheme (it must exist). Throws
// std::invalid_argument for a scheme that differs from the archive's or for
// standard input, IndexBusy/IndexError as ingest() does.
ShardedSummary ingest_sharded(const IngestOptions& options, const std::string& shard_by, std::ostream& errors);

std::string format_sharded_summary(const ShardedSummary& summary);

}  // namespace newsdex
