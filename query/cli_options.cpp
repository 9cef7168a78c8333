#include "cli_options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <utility>

namespace newsdex::cli {
namespace {

// A repeatable option appends: given both before a subcommand (to the main
// app) and after it (to the subcommand's copy), every value counts, as when
// one app took them all (`--db A show --db B ID` looks in A and B).
CLI::Option* add_repeatable(CLI::App& app, const std::string& name, std::vector<std::string>& values,
                            const std::string& help) {
    const auto append = [&values](const std::vector<std::string>& given) {
        values.insert(values.end(), given.begin(), given.end());
    };
    return app.add_option_function<std::vector<std::string>>(name, append, help)->allow_extra_args(false);
}

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
    add_repeatable(app, "--db", opt.dbs,
                   "index directory, repeatable to search several as one (default: $NEWSDEX_DB, "
                   "else ~/.local/share/newsdex); a file is read as a Xapian stub listing databases");
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
    add_repeatable(app, "--topic", opt.topics,
                   "rank by topic: tariffs, diplomacy, sanctions, ... (Russian names too; "
                   "repeatable; see `newsdex-query topics`)");
    app.add_flag("--new", opt.only_new, "only articles indexed since this user last ran this same query (for digests)");
    add_repeatable(app, "--facet", opt.facets, "count the matches by source, year or topic (repeatable)")
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

// The parsed subcommand's copy of the main app's OPTION: the one the same
// group function added (same name, same help), or null. suggest's own
// --topic (the topic to suggest words for) is not the search's --topic.
const CLI::Option* subcommand_copy(const CLI::App& app, const CLI::Option& option) {
    for (const CLI::App* sub : app.get_subcommands())
        if (const CLI::Option* copy = sub->get_option_no_throw(option.get_name());
            copy && copy->get_description() == option.get_description())
            return copy;
    return nullptr;
}

// The values OPTION of the main app got, with its subcommand copy's.
std::size_t values_given(const CLI::App& app, const CLI::Option& option) {
    const CLI::Option* copy = subcommand_copy(app, option);
    return option.count() + (copy ? copy->count() : 0);
}

}  // namespace

void add_option_groups(CLI::App& app, unsigned groups, Options& opt) {
    using Add = void (*)(CLI::App&, Options&);
    static constexpr std::pair<OptionGroup, Add> kGroups[] = {
        {kIndexGroup, add_index_options}, {kDateGroup, add_date_options}, {kTopicsFileGroup, add_topics_file_option},
        {kJsonGroup, add_json_option},    {kColorGroup, add_color_option}, {kResultsGroup, add_results_options},
    };
    for (const auto& [group, add] : kGroups)
        if (groups & group) add(app, opt);
}

bool given(const CLI::App& app, const std::string& option) { return values_given(app, *app.get_option(option)) > 0; }

// CLI11's own checks (Option::_reduce_results, App::_process_requirements),
// in its order, with an option's two copies counted as one option.
void check_across(const CLI::App& app) {
    for (const CLI::Option* option : app.get_options()) {
        const std::size_t values = values_given(app, *option);
        const auto most = static_cast<std::size_t>(std::max(option->get_items_expected_max(), 1));
        if (option->get_multi_option_policy() == CLI::MultiOptionPolicy::Throw && values > most)
            throw CLI::ArgumentMismatch::AtMost(option->get_name(), static_cast<int>(most), values);
    }
    for (const CLI::Option* option : app.get_options())
        if (values_given(app, *option) > 0)
            for (const CLI::Option* excluded : option->get_excludes())
                if (values_given(app, *excluded) > 0)
                    throw CLI::ExcludesError(option->get_name(), excluded->get_name());
}

}  // namespace newsdex::cli
