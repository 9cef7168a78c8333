// newsdex-index check | compact | stats: looking after an index.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>

namespace newsdex {

struct MaintenanceOptions {
    std::filesystem::path index_dir;
    double wait_seconds = 0;
    bool repair = true;  // check: repair an interrupted batch first
    std::optional<std::filesystem::path> topics_file;  // retopic, check: user topic profiles
    // check: make the catalog follow the index whatever it records (an
    // unreadable catalog is kept beside it under another name).
    bool rebuild_catalog = false;
    // check: take the index's files as they are now, though they changed
    // since newsdex last wrote them (table_fingerprint.h).
    bool accept_changes = false;
    // shards: the shard to point readers at HOST:PORT (shard_address), or
    // at its local directory again (no address); none: list the shards.
    std::string shard_key, shard_address;
};

// Each returns its exit status: 0, or 2 when a check found problems.

// Xapian's own consistency check, SQLite's integrity check, catalog ↔
// index agreement, and whether the index's files are as newsdex left them.
// Repairs what it can without losing an article (see recovery.h), except in
// an index whose files were damaged, which it only reports. Prints what it
// finds; returns 0 when all is well, 2 if not. Holds the writer lock.
int check_index(const MaintenanceOptions& options, std::ostream& out);

// Compacts into a new generation (keeping document ids), checks it and
// switches readers to it. Prints sizes before and after.
int compact_index(const MaintenanceOptions& options, std::ostream& out);

// Articles, sources, date range, size on disk, last run. Reads only.
int print_stats(const MaintenanceOptions& options, std::ostream& out);

// Scores every article again against the current topic profiles, from the
// index alone. Prints how many and the articles per topic.
int retopic_index(const MaintenanceOptions& options, std::ostream& out);

}  // namespace newsdex
