// newsdex-query's command line: what it sets (Options) and the option
// groups its commands share. Each group is added by one function, to the
// main app and to every subcommand that takes it, binding the same Options
// fields with the same checks, so `newsdex-query show --help` lists every
// option show takes.
#pragma once

#include "base/config.h"
#include "query_limits.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace newsdex::cli {

struct Options {
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    unsigned limit = 10;
    unsigned offset = 0;
    bool json = false, ids = false, files = false, count = false, explain = false;
    bool recent = false, exact = false, no_collapse = false;
    std::string color = "auto";
    std::string since, until, sort = "relevance";
    std::vector<std::string> facets;
    std::string show_id;
    std::vector<std::string> topics;
    std::string topics_file;
    bool only_new = false;
    std::string similar_id;
    std::string suggest_topic;
    std::vector<std::string> topics_args;
    bool topic_names = false;
    double timeout = 10;
    QueryLimits limits;
    double time_limit = 30;
    Config config;
};

// The shared option groups; a command takes a set of them (bits).
enum OptionGroup : unsigned {
    kIndexGroup = 1 << 0,       // --db, --timeout, --max-query-bytes, --max-terms, --max-expansion, --time-limit
    kDateGroup = 1 << 1,        // --since, --until
    kTopicsFileGroup = 1 << 2,  // --topics
    kJsonGroup = 1 << 3,        // --json
    kColorGroup = 1 << 4,       // --color
    kResultsGroup = 1 << 5,     // -n/--limit, --offset, --sort ... --ids, --files, --count, --explain
};
constexpr unsigned kAllGroups = (kResultsGroup << 1) - 1;

// Adds GROUPS to APP, always in the order above (the order --help lists
// them in; the results group's excludes name --json, so it needs that group).
void add_option_groups(CLI::App& app, unsigned groups, Options& opt);

// Whether the command line gave OPTION: to the main app APP, or to the
// subcommand parsed (which parses its own copy of a shared option).
bool given(const CLI::App& app, const std::string& option);

// CLI11 checks each app's options alone, and a shared option given before
// a subcommand and after it lands in two apps: check what CLI11 would
// have checked had one app taken both, so `--json similar ID --ids` and
// `-n 2 similar ID -n 3` are refused as they always were. Throws a
// CLI::ParseError.
void check_across(const CLI::App& app);

}  // namespace newsdex::cli
