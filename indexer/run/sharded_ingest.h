// Every indexing run, into what --db names. A single index is an archive of
// one shard: ingest() (ingest.h) writes it. A sharded archive (see
// shard_archive.h) sends every article to the shard of its year, month or
// source, running ingest() once for each shard that needs it.
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

struct RunSummary {
    IngestSummary total;
    bool sharded = false;
    std::vector<std::string> written;  // shards that were run, in order
    std::size_t skipped = 0;           // shards left untouched (nothing changed for them)
};

// `shard_by` (year, month, source) starts a sharded archive; empty: what
// --db holds already (a new directory becomes a single index). Throws
// std::invalid_argument for a scheme that differs from the archive's, for
// an archive given standard input, or for --shard-by on a single index;
// IndexBusy/IndexError as ingest() does.
RunSummary index_inputs(const IngestOptions& options, const std::string& shard_by, std::ostream& errors);

// The summary line (ingest.h's format_summary, and the shards written).
std::string format_run_summary(const RunSummary& summary);

}  // namespace newsdex
