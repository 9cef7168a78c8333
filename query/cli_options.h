// newsdex-query's command line: what it sets (Options) and the option
// groups its commands share. The groups are options of the main app, which
// every subcommand's command line reaches; a subcommand's --help lists the
// groups it takes, so `newsdex-query show --help` names every option show
// reads.
#pragma once

#include "base/config.h"
#include "query_limits.h"

#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
class Option;
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

// The main app's options, each with the group it belongs to.
using SharedOptions = std::vector<std::pair<OptionGroup, const CLI::Option*>>;

// Adds every group to APP (the main app, whose options a subcommand's
// command line reaches too: fallthrough), in the order above (the order
// --help lists them in); returns which option is in which group.
SharedOptions add_option_groups(CLI::App& app, Options& opt);

// The options of GROUPS.
std::vector<const CLI::Option*> options_of(const SharedOptions& shared, unsigned groups);

}  // namespace newsdex::cli
