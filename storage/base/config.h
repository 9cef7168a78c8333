// Defaults for both tools from TOML config files:
//
//   /etc/newsdex/newsdex.toml                  the system's
//   $XDG_CONFIG_HOME/newsdex/newsdex.toml      the user's (~/.config/...), key by key over the system's
//   $NEWSDEX_CONFIG                            one file read instead of both (empty: none)
//
// Precedence, highest first: the command line, the environment
// (NEWSDEX_DB, NO_COLOR), the user's file, the system's. Relative paths in a
// file are relative to the file's folder. An unknown key or a value of the
// wrong type is an error naming the file and the key, so a typo never goes
// unnoticed.
//
//   db = "/var/lib/newsdex"             # index directory (--db)
//   topics = "/etc/newsdex/topics.toml" # topic profiles (--topics)
//   [index]
//   paths = ["/srv/archive"]            # inputs of a run given none (newsdex-nightly)
//   max_removals = "50%"                # --max-removals
//   wait = 3600                         # --wait SECONDS
//   [query]
//   limit = 10                          # -n/--limit
//   color = "auto"                      # --color
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

struct Config {
    std::optional<std::filesystem::path> db;
    std::optional<std::filesystem::path> topics;
    std::vector<std::string> index_paths;
    std::optional<std::string> max_removals;
    std::optional<double> wait;
    std::optional<long long> limit;
    std::optional<std::string> color;
    std::vector<std::filesystem::path> read;  // the files read, lowest precedence first
};

// The system's file and the user's, or $NEWSDEX_CONFIG. Throws
// std::invalid_argument ("FILE: ...") for a file that cannot be read or
// understood; a file that does not exist is skipped.
Config load_config();

// One file over `config` (for tests and load_config).
void read_config_file(const std::filesystem::path& file, Config& config);

}  // namespace newsdex
