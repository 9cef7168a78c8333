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
    std::optional<std::filesystem::path> topics_file;  // retopic: user topic profiles
};

// Xapian's own consistency check, SQLite's integrity check, and catalog ↔
// index agreement. Prints what it finds; returns 0 when all is well, 2 if
// not. Holds the writer lock while it runs.
int check_index(const MaintenanceOptions& options, std::ostream& out);

// Compacts into a new generation (keeping document ids), checks it and
// switches readers to it. Prints sizes before and after.
void compact_index(const MaintenanceOptions& options, std::ostream& out);

// Articles, sources, date range, size on disk, last run. Reads only.
void print_stats(const MaintenanceOptions& options, std::ostream& out);

// Scores every article again against the current topic profiles, from the
// index alone. Prints how many and the articles per topic.
void retopic_index(const MaintenanceOptions& options, std::ostream& out);

}  // namespace newsdex
