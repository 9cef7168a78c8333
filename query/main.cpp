// newsdex-query: search newsdex indexes from the shell.
// Exit status follows grep: 0 hits, 1 no hits, 2 error.
#include "analysis/analyzer.h"
#include "base/command_line.h"
#include "batch.h"
#include "base/config.h"
#include "digest_state.h"
#include "base/errors.h"
#include "json_text.h"
#include "output.h"
#include "query_options.h"
#include "timeline_command.h"
#include "search.h"
#include "time_limit.h"
#include "analysis/topic_profiles.h"
#include "index/version_text.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <span>
#include <utility>
#include <sstream>

namespace {

constexpr int kFound = 0;
constexpr int kNotFound = 1;
constexpr int kError = 2;

using Options = newsdex::QueryOptions;
using newsdex::base_request;

// Every option but the commands' own arguments, all of them the main
// app's: a subcommand's command line reaches them too (fallthrough).
void add_options(CLI::App& app, Options& opt) {
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
        ->check(CLI::Validator(
            [](const std::string& value) {
                try {
                    if (std::stod(value) >= 0) return std::string();
                } catch (const std::exception&) {
                }
                return "'" + value + "' is not a number of seconds (0: no limit)";
            },
            "SECONDS"));
    app.add_option("-n,--limit", opt.limit, "number of hits to show (default 10)")->check(CLI::Range(1u, 100000u));
    app.add_option("--offset", opt.offset, "skip this many hits first");
    app.add_option("--since", opt.since, "only articles published on or after: YYYY-MM-DD, or 7d, 2w, 3m, 1y back");
    app.add_option("--until", opt.until, "only articles published on or before (same forms)");
    app.add_option("--sort", opt.sort, "relevance (default), date (oldest first) or -date (newest first)")
        ->check(CLI::IsMember({"relevance", "date", "-date"}));
    app.add_flag("--recent", opt.recent, "rank by relevance with a boost for recent articles");
    app.add_flag("--exact", opt.exact, "match words only in the form typed (as =word does for one word)");
    app.add_flag("--all-words", opt.all_words,
                 "only articles with all the words (by default: when none has them all, those with most of them)")
        ->excludes(app.add_flag("--any-words", opt.any_words,
                                "articles with any of the words, ranked by how many and which match"));
    app.add_flag("--no-collapse", opt.no_collapse, "show every copy of a story, not one hit per story");
    app.add_option("--topic", opt.topics, "rank by topic: tariffs, diplomacy, sanctions, ... (Russian names too; "
                                          "repeatable; see `newsdex-query topics`)")
        ->allow_extra_args(false);
    app.add_option("--topics", opt.topics_file, "topic profiles to add or override (default: ~/.config/newsdex/topics.toml)");
    auto* only_new = app.add_flag("--new", opt.only_new, "only articles indexed since this user last ran this same query (for digests)");
    app.add_option("--facet", opt.facets,
                   "count the matches by source, year or topic, or by story (those with 2+ matches; repeatable)")
        ->allow_extra_args(false)
        ->check(CLI::IsMember({"source", "year", "topic", "story"}));
    auto* timeline = app.add_option("--timeline", opt.timeline,
                                    "count the matches per day, week, month or year and draw them as a chart")
                         ->check(CLI::IsMember({"day", "week", "month", "year"}));
    app.add_option("--compare", opt.compare, "with --timeline: another query on the same chart, as shares (repeatable)")
        ->allow_extra_args(false)
        ->needs(timeline);
    app.add_option("--peaks", opt.peaks, "with --timeline: list this many top articles of the peak period")
        ->needs(timeline);
    app.add_option("--plot", opt.plot, "with --timeline: also draw the chart as an SVG picture in this file")
        ->needs(timeline);
    auto* csv = app.add_flag("--csv", opt.csv, "with --timeline: the counts as CSV")->needs(timeline);
    auto* json = app.add_flag("--json", opt.json, "one JSON object per hit (JSON Lines; see README)");
    csv->excludes(json);
    auto* ids = app.add_flag("--ids", opt.ids, "print only the ids of the hits");
    auto* files = app.add_flag("--files", opt.files, "print only the files the hits came from");
    auto* count = app.add_flag("--count", opt.count, "print only the number of matching articles");
    app.add_flag("--stories", opt.stories,
                 "with --count, --facet or --timeline: count story threads, not articles");
    json->excludes(ids)->excludes(files);
    timeline->excludes(ids)->excludes(files)->excludes(count);
    ids->excludes(files)->excludes(count);
    files->excludes(count);
    auto* explain = app.add_flag("--explain", opt.explain, "print the parsed query and the terms its words expand to");
    auto* batch = app.add_flag("--batch", opt.batch,
                               "read queries from stdin, one a line (text, or a JSON object with its own options), "
                               "and answer each in JSON Lines (see README)");
    app.add_option("--threads", opt.threads, "with --batch: answer this many queries at a time (default: one a core)")
        ->check(CLI::Range(1, 64))
        ->needs(batch);
    batch->excludes(ids)->excludes(files)->excludes(count)->excludes(explain)->excludes(only_new)->excludes(timeline);
    app.add_option("--color", opt.color, "highlight with ANSI colors: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}


// Fills what the command line left unset from the config files; NO_COLOR
// (the environment) comes before them.
void apply_config(const CLI::App& app, Options& opt) {
    opt.config = newsdex::load_config();
    const auto unset = [&](const char* option) { return app.get_option(option)->count() == 0; };
    if (unset("--topics") && opt.config.topics) opt.topics_file = opt.config.topics->string();
    if (unset("--limit") && opt.config.limit) opt.limit = static_cast<unsigned>(*opt.config.limit);
    const char* no_color = std::getenv("NO_COLOR");
    if (unset("--color") && opt.config.color && !(no_color && *no_color)) opt.color = *opt.config.color;
}

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// `show ID`: one whole article; with --json, its topic scores too (scored
// with the --topics profiles: why show takes that option).
int show(const Options& opt, newsdex::TimeLimit& time_limit) {
    const newsdex::SearchRequest request = base_request(opt);
    std::optional<newsdex::Article> article = newsdex::find_article(request, opt.id);
    if (!article) {
        time_limit.disarm();
        std::cerr << "newsdex-query: no article with id " << opt.id << '\n';
        return kNotFound;
    }
    using Scores = std::vector<std::pair<std::string, double>>;
    const Scores topics = opt.json ? newsdex::article_topics(request, opt.id).value_or(Scores{}) : Scores{};
    time_limit.disarm();
    if (opt.json) newsdex::print_article_json(std::cout, *article, topics);
    else newsdex::print_article_text(std::cout, *article, use_color(opt.color));
    return kFound;
}

// `topics --names` (hidden; for shell completion of --topic): every name
// --topic accepts, shipped and the user's, one a line, without opening an
// index.
int topic_names(const Options& opt) {
    newsdex::Analyzer analyzer;
    std::optional<std::filesystem::path> user_file;
    if (!opt.topics_file.empty()) user_file = opt.topics_file;
    for (const newsdex::TopicProfile& topic : newsdex::load_topic_profiles(analyzer, user_file).topics) {
        std::cout << topic.name << '\n';
        if (!topic.name_ru.empty()) std::cout << topic.name_ru << '\n';
        for (const std::string& alias : topic.aliases) std::cout << alias << '\n';
    }
    return kFound;
}

// `topics`: articles per topic (for a query, if words are given), or one
// article's topic scores when the only word is an article id.
int topics(const Options& opt, newsdex::TimeLimit& time_limit) {
    if (opt.topic_names) return topic_names(opt);
    newsdex::SearchRequest request = base_request(opt);
    if (opt.topics_args.size() == 1)
        if (auto scores = newsdex::article_topics(request, opt.topics_args[0])) {
            time_limit.disarm();
            if (opt.json) {
                nlohmann::ordered_json j = nlohmann::ordered_json::object();
                for (const auto& [name, score] : *scores) j[name] = std::round(score * 1000) / 1000;
                std::cout << newsdex::json_text({{"type", "article_topics"}, {"id", opt.topics_args[0]}, {"topics", j}})
                          << '\n';
            } else {
                for (const auto& [name, score] : *scores) std::printf("%.3f  %s\n", score, name.c_str());
            }
            return scores->empty() ? kNotFound : kFound;
        }
    request.query = newsdex::query_text(opt.topics_args);
    const auto counts = newsdex::topic_counts(request);
    time_limit.disarm();
    bool any = false;
    for (const auto& [name, count] : counts) {
        if (opt.json) std::cout << newsdex::json_text({{"type", "topic"}, {"topic", name}, {"articles", count}}) << '\n';
        else std::printf("%6u  %s\n", static_cast<unsigned>(count), name.c_str());
        any |= count > 0;
    }
    return any ? kFound : kNotFound;
}

// `suggest --topic NAME`: words the topic's best articles share that its
// profile does not have yet.
int suggest(const Options& opt, newsdex::TimeLimit& time_limit) {
    const auto terms = newsdex::suggest_for_topic(base_request(opt), opt.suggest_topic);
    time_limit.disarm();
    for (const auto& [stem, weight] : terms) {
        const double rounded = std::round(weight * 100) / 100;
        if (opt.json) std::cout << newsdex::json_text({{"type", "term"}, {"term", stem}, {"weight", rounded}}) << '\n';
        else std::printf("%7.2f  %s\n", weight, stem.c_str());
    }
    return terms.empty() ? kNotFound : kFound;
}

// The search: the main app's command, and `similar` (a search for
// articles like one).
int search(const Options& opt, newsdex::TimeLimit& time_limit) {
    if (opt.batch) return newsdex::run_batch(opt, stdin, std::cout, time_limit);
    if (!opt.timeline.empty()) return newsdex::run_timeline(opt, use_color(opt.color), time_limit);
    newsdex::SearchRequest request = newsdex::search_request(opt);

    // --new: only what was indexed since this user last ran this query.
    std::optional<newsdex::DigestState> digest;
    const std::string key = newsdex::digest_key(request.query, opt.topics);
    const std::string started = newsdex::utc_now_compact();
    if (opt.only_new) {
        digest.emplace(request.indexes.front());
        request.indexed_after = digest->last_run(key).value_or("");
    }
    newsdex::SearchResult result = newsdex::search(request);
    time_limit.disarm();  // the answer is complete: print all of it, and record --new's run
    if (digest) digest->record_run(key, started);
    for (const std::string& note : result.notes) std::cerr << "newsdex-query: note: " << note << '\n';
    if (opt.explain) (opt.json ? std::cerr : std::cout) << result.explanation;
    if (opt.count) {
        if (opt.json) {
            nlohmann::ordered_json count{{"type", "count"}, {"count", result.estimated_total}};
            if (result.relaxed) count["relaxed"] = true;
            std::cout << newsdex::json_text(count) << '\n';
            newsdex::print_facets_json(std::cout, result);
            newsdex::print_partial_json(std::cout, result.missing);
        } else {
            std::cout << result.estimated_total << '\n';
            newsdex::print_facets_text(std::cout, result);
        }
        return result.estimated_total ? kFound : kNotFound;
    }
    if (opt.json) {
        newsdex::print_json(std::cout, result, result.sources);
        newsdex::print_partial_json(std::cout, result.missing);
    }
    else if (opt.ids) newsdex::print_ids(std::cout, result);
    else if (opt.files) newsdex::print_files(std::cout, result);
    else {
        newsdex::print_text(std::cout, result, {use_color(opt.color), result.sources});
        newsdex::print_facets_text(std::cout, result);
    }
    if (!result.suggestion.empty()) std::cerr << "Did you mean: " << result.suggestion << '\n';
    return result.hits.empty() ? kNotFound : kFound;
}

// Each command's own arguments; the options it shares with others come
// from the table.
void add_query_words(CLI::App& app, Options& opt) { app.add_option("query", opt.words, "query words"); }
void add_id(CLI::App& app, Options& opt) { app.add_option("id", opt.id, "article id")->required(); }
void add_story_id(CLI::App& app, Options& opt) {
    app.add_option("id", opt.story_of, "an article's id, or a story's (as --json and --facet story print it)")
        ->required();
}
void add_suggest_topic(CLI::App& app, Options& opt) {
    app.add_option("--topic", opt.suggest_topic, "the topic")->required();
}

void add_topics_arguments(CLI::App& app, Options& opt) {
    app.add_option("words", opt.topics_args, "query words, or one article id");
    app.add_flag("--names", opt.topic_names)->group("");  // hidden: for shell completion
}

struct Command {
    const char* name;  // empty: the main app itself
    const char* help;
    void (*add_arguments)(CLI::App&, Options&);
    const char* takes;  // the main app's options a subcommand takes (the search: all)
    int (*run)(const Options&, newsdex::TimeLimit&);
};

// The commands, as notmuch's command table: the first is the search, which
// the main app runs when no subcommand is named; the others are its
// subcommands. A subcommand's --help lists the option groups its code reads
// (show --json prints topic scores, so it takes --topics; since/until
// filter topics' counts); all of them are the main app's options, which
// work on its command line before or after its name (fallthrough).
constexpr Command kCommands[] = {
    {"",
     "Search newsdex indexes of Russian news.\n"
     "Words match all their forms; \"quoted phrases\", =exact forms, AND/OR/NOT, +word/-word,\n"
     "(groups), a NEAR b, prefix*, title: author: source: site: url: tag: topic: id: fields and\n"
     "date:2025-01-01..2025-06-30 work. Latin spellings of Russian names find them, and back.",
     add_query_words, "", search},
    {"show", "print one whole article with its metadata", add_id,
     "--db --timeout --max-query-bytes --max-terms --max-expansion --time-limit --topics --json --color", show},
    {"topics", "articles per topic (for query words if given), or an article's topic scores (topics ID)",
     add_topics_arguments,
     "--db --timeout --max-query-bytes --max-terms --max-expansion --time-limit --since --until --topics --json", topics},
    {"similar", "articles like the one with this id", add_id,
     "--db --timeout --max-query-bytes --max-terms --max-expansion --time-limit -n --offset --since --until --sort "
     "--recent --exact --all-words --any-words --no-collapse --topic --topics --new --facet --json --ids --files "
     "--count --stories --explain --color",
     search},
    {"story", "the articles of one story thread (the story of the article with this id), in time order",
     add_story_id,
     "--db --timeout --max-query-bytes --max-terms --max-expansion --time-limit -n --offset --since --until --sort "
     "--topics --json --ids --files --count --color",
     search},
    {"suggest", "words to add to a topic's profile, from the articles that fit it best", add_suggest_topic,
     "--db --timeout --max-query-bytes --max-terms --max-expansion --time-limit --topics --json", suggest},
};

void build_app(CLI::App& app, Options& opt) {
    const Command& search_command = kCommands[0];
    app.description(search_command.help);
    app.set_version_flag("--version", [] { return newsdex::version_text("newsdex-query"); },
                         "print the versions of newsdex, its index format and its libraries, and exit");
    search_command.add_arguments(app, opt);
    add_options(app, opt);
    for (const Command& command : std::span(kCommands).subspan(1)) {
        CLI::App* sub = app.add_subcommand(command.name, command.help);
        command.add_arguments(*sub, opt);
        // Made only when --help asks for it: building every footer took a
        // sixth of a whole query process. CLI11 ends a footer callback's
        // text with a newline of its own: the text's last one goes.
        sub->footer([&app, takes = command.takes] {
            std::string footer = newsdex::shared_options_help(app, takes);
            if (!footer.empty() && footer.back() == '\n') footer.pop_back();
            return footer;
        });
        sub->fallthrough();
    }
    app.require_subcommand(0, 1);
}

// The command the command line named: a subcommand, else the search.
const Command& parsed_command(const CLI::App& app) {
    const std::vector<CLI::App*> parsed = app.get_subcommands();
    const std::string name = parsed.empty() ? "" : parsed.front()->get_name();
    return *std::find_if(std::begin(kCommands), std::end(kCommands),
                         [&](const Command& command) { return name == command.name; });
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    CLI::App app{"", "newsdex-query"};
    build_app(app, opt);
    if (const std::optional<int> status = newsdex::parse_command_line(app, argc, argv)) return *status;
    if (opt.batch && (!opt.words.empty() || !app.get_subcommands().empty())) {
        std::cerr << "newsdex-query: --batch reads its queries from stdin: no query words or subcommand (see --help)\n";
        return kError;
    }

    opt.limit_given = app.get_option("-n")->count() > 0;
    try {
        // All the work of a command, up to its complete answer (disarmed
        // there). Inside the try: a timer the system refuses is an error
        // like any other.
        std::ostringstream limit_text;
        limit_text << opt.time_limit;
        newsdex::TimeLimit time_limit(opt.time_limit, "newsdex-query: query still running after its time limit of " +
                                                          limit_text.str() +
                                                          " s; stopped (narrow the query, or raise --time-limit)");
        apply_config(app, opt);
        return parsed_command(app).run(opt, time_limit);
    } catch (const std::exception& e) {
        std::cerr << "newsdex-query: " << e.what() << '\n';
        return kError;
    } catch (const Xapian::Error& e) {
        // Xapian's errors are not std::exceptions; none should get this far.
        std::cerr << "newsdex-query: " << e.get_description() << '\n';
        return kError;
    }
}
