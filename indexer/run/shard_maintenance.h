// check | compact | stats | retopic for a sharded archive: each local shard
// in turn (the same work as for one index, lines prefixed with the shard),
// then a total. Remote shards are looked after where they are served. One
// shard alone: give its directory (<archive>/shards/<key>) as --db.
//
// `shards`: lists the shards; points one at a remote server
// (xapian-tcpsrv) or back at its local directory.
#pragma once

#include "run/maintenance.h"

#include <ostream>
#include <string>

namespace newsdex {

int check_archive(const MaintenanceOptions& options, std::ostream& out);
int compact_archive(const MaintenanceOptions& options, std::ostream& out);
void print_archive_stats(const MaintenanceOptions& options, std::ostream& out);
void retopic_archive(const MaintenanceOptions& options, std::ostream& out);

void list_shards(const std::filesystem::path& archive, std::ostream& out);
// The stub line for `key` becomes "remote HOST:PORT"; the
// local directory (if any) stays, for the indexer and for `shards local`.
void set_shard_remote(const std::filesystem::path& archive, const std::string& key, const std::string& address,
                      double wait_seconds, std::ostream& out);
void set_shard_local(const std::filesystem::path& archive, const std::string& key, double wait_seconds,
                     std::ostream& out);

}  // namespace newsdex
