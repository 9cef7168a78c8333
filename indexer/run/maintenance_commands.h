// The maintenance commands (check, compact, stats, retopic, shards) for
// whatever --db names. A single index is an archive of one shard: each
// command runs the same per-index work (maintenance.h) over the shards --db
// holds — the directory itself for a single index; for a sharded archive
// each local shard in turn, its lines prefixed with the shard's key, then a
// total. Remote shards are looked after where they are served; one shard
// alone is --db <archive>/shards/<key>.
//
// Each returns the command's exit status: 0, or 2 when a check found
// problems or some shard failed.
#pragma once

#include "run/maintenance.h"

#include <ostream>
#include <string>

namespace newsdex {

int check(const MaintenanceOptions& options, std::ostream& out);
int compact(const MaintenanceOptions& options, std::ostream& out);
int retopic(const MaintenanceOptions& options, std::ostream& out);
// A single index: its articles, sources, dates, topics, last run. An
// archive: one line a shard.
int stats(const MaintenanceOptions& options, std::ostream& out);

// `shards`: lists an archive's shards; with options.shard_key, makes the
// stub line for it "remote HOST:PORT" (the local directory, if any, stays,
// for the indexer and for going back), or points it at its local directory
// again when there is no shard_address.
int shards(const MaintenanceOptions& options, std::ostream& out);

}  // namespace newsdex
