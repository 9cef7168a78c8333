#include "cli_options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <utility>

namespace newsdex::cli {
namespace {

CLI::Validator seconds_or_zero() {
    return CLI::Validator(
        [](const std::string& value) {
            try {
                if (std::stod(value) >= 0) return std::string();
            } catch (const std::exception&) {
            }
            return "'" + value + "' is not a number of seconds (0: no limit)";
        },
        "SECONDS");
}

void add_index_options(CLI::App& app, Options& opt) {
    app.add_option("--db", opt.dbs, "index directory, repeatable to search several as one (default: $NEWSDEX_DB, "
                                    "else ~/.local/share/newsdex); a file is read as a Xapian stub listing databases")
        ->allow_extra_args(false);
    app.add_option("--timeout", opt.timeout, "seconds a remote shard may take to connect and to answer (default 10); "
                                             "a slower or unreachable one is left out with a warning")
        ->check(CLI::PositiveNumber);
    app.add_option("--max-query-bytes", opt.limits.max_query_bytes,
                   "refuse query text longer than this many bytes (default 4096; 0: no limit)");
    app.add_option("--max-terms", opt.limits.max_terms,
                   "refuse a query of more terms than this, each wildcard counted as the words it stands for "
                   "(default 1000; 0: no limit)");
    app.add_option("--max-expansion", opt.limits.max_expansion,
                   "a wildcard (prefix*) searches at most this many of its words, the most frequent "
                   "(default 100; 0: all of them)");
    app.add_option("--time-limit", opt.time_limit,
                   "stop a query still running after this many seconds, with exit status 2 (default 30; 0: no limit)")
        ->check(seconds_or_zero());
}

void add_date_options(CLI::App& app, Options& opt) {
    app.add_option("--since", opt.since, "only articles published on or after: YYYY-MM-DD, or 7d, 2w, 3m, 1y back");
    app.add_option("--until", opt.until, "only articles published on or before (same forms)");
}

void add_topics_file_option(CLI::App& app, Options& opt) {
    app.add_option("--topics", opt.topics_file, "topic profiles to add or override (default: ~/.config/newsdex/topics.toml)");
}

void add_json_option(CLI::App& app, Options& opt) {
    app.add_flag("--json", opt.json, "one JSON object per hit (JSON Lines; see README)");
}

void add_color_option(CLI::App& app, Options& opt) {
    app.add_option("--color", opt.color, "highlight with ANSI colors: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_results_options(CLI::App& app, Options& opt) {
    app.add_option("-n,--limit", opt.limit, "number of hits to show (default 10)")->check(CLI::Range(1u, 100000u));
    app.add_option("--offset", opt.offset, "skip this many hits first");
    app.add_option("--sort", opt.sort, "relevance (default), date (oldest first) or -date (newest first)")
        ->check(CLI::IsMember({"relevance", "date", "-date"}));
    app.add_flag("--recent", opt.recent, "rank by relevance with a boost for recent articles");
    app.add_flag("--exact", opt.exact, "match words only in the form typed (as =word does for one word)");
    app.add_flag("--no-collapse", opt.no_collapse, "show every copy of a story, not one hit per story");
    app.add_option("--topic", opt.topics, "rank by topic: tariffs, diplomacy, sanctions, ... (Russian names too; "
                                          "repeatable; see `newsdex-query topics`)")
        ->allow_extra_args(false);
    app.add_flag("--new", opt.only_new, "only articles indexed since this user last ran this same query (for digests)");
    app.add_option("--facet", opt.facets, "count the matches by source, year or topic (repeatable)")
        ->allow_extra_args(false)
        ->check(CLI::IsMember({"source", "year", "topic"}));
    auto* ids = app.add_flag("--ids", opt.ids, "print only the ids of the hits");
    auto* files = app.add_flag("--files", opt.files, "print only the files the hits came from");
    auto* count = app.add_flag("--count", opt.count, "print only the number of matching articles");
    // --json is its own group, added before this one (kGroups' order).
    app.get_option("--json")->excludes(ids)->excludes(files);
    ids->excludes(files)->excludes(count);
    files->excludes(count);
    app.add_flag("--explain", opt.explain, "print the parsed query and the terms its words expand to");
}

}  // namespace

SharedOptions add_option_groups(CLI::App& app, Options& opt) {
    using Add = void (*)(CLI::App&, Options&);
    static constexpr std::pair<OptionGroup, Add> kGroups[] = {
        {kIndexGroup, add_index_options}, {kDateGroup, add_date_options}, {kTopicsFileGroup, add_topics_file_option},
        {kJsonGroup, add_json_option},    {kColorGroup, add_color_option}, {kResultsGroup, add_results_options},
    };
    SharedOptions shared;
    for (const auto& [group, add] : kGroups) {
        const std::size_t before = app.get_options().size();
        add(app, opt);
        const auto all = app.get_options();
        for (std::size_t i = before; i < all.size(); ++i) shared.emplace_back(group, all[i]);
    }
    return shared;
}

std::vector<const CLI::Option*> options_of(const SharedOptions& shared, unsigned groups) {
    std::vector<const CLI::Option*> out;
    for (const auto& [group, option] : shared)
        if (groups & group) out.push_back(option);
    return out;
}

}  // namespace newsdex::cli
