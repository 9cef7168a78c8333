// newsdex-index: add Russian news articles to a newsdex index, and look
// after it (check, compact, stats, retopic, shards).
// Exit status: 0 all indexed, 3 finished but some inputs were rejected,
// 2 error (bad usage, index unusable), 75 index busy (another writer).
//
// The default command indexes PATHS; the others come from one table
// (kCommands), as notmuch's do. The options they share (--db, -q, --wait,
// --topics) are the default command's, which every command line reaches
// (before or after the command's name); each command's --help lists those
// it takes.
#include "analysis/lemmatizer.h"
#include "base/command_line.h"
#include "base/config.h"
#include "base/errors.h"
#include "index/index_location.h"
#include "index/version_text.h"
#include "index/writer_lock.h"
#include "run/ingest.h"
#include "run/maintenance_commands.h"
#include "run/sharded_ingest.h"

#include <CLI/CLI.hpp>
#include <mimalloc.h>
#include <xapian.h>
#include <unicode/ucnv.h>

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace {

constexpr int kOk = 0;
constexpr int kError = 2;
constexpr int kBusy = 75;  // EX_TEMPFAIL: try again later

struct Options {
    // Shared by every command.
    std::string db, topics_file;
    bool quiet = false;
    double wait = 0;
    // Indexing (the default command).
    std::string base, encoding, errors_file;
    std::vector<std::string> paths, fields;
    bool progress = false, no_progress = false, verbose = false;
    bool keep_deleted = false, rebuild = false, stems_only = false;
    std::size_t batch = 10000;
    std::optional<unsigned> threads;
    std::string compact = "auto", segments = "auto";
    std::string shard_by;  // sharded archives (see shard_archive.h)
    std::string max_removals, summary_json;
    // check
    bool no_repair = false, rebuild_catalog = false, accept_changes = false;
    // shards remote|local
    std::string shard_key, shard_address;
};

// ---- Options ----------------------------------------------------------------

// The default command's options; the other commands take some of them too.
void add_indexing_options(CLI::App& app, Options& opt) {
    app.add_option("paths", opt.paths, "files and folders to index (folders recursively), or - for stdin");
    app.add_option("--db", opt.db, "index directory (default: $NEWSDEX_DB, else ~/.local/share/newsdex)");
    app.add_option("--wait", opt.wait, "wait up to SECONDS for another writer to finish (default 0), then exit 75")
        ->check(CLI::NonNegativeNumber);
    app.add_flag("--keep-deleted", opt.keep_deleted, "keep articles whose files were deleted");
    app.add_flag("--rebuild", opt.rebuild, "build a complete new index beside the live one, then switch to it");
    app.add_option("--batch-size", opt.batch, "articles per commit (default 10000)")->check(CLI::Range(1, 10000000));
    app.add_option("--threads", opt.threads,
                   "threads analyzing articles beside the one writing the index (default: cores - 1; 0: none)")
        ->check(CLI::Range(0, 64));
    app.add_option("--compact", opt.compact,
                   "compact the index after the run: auto (when the run at least doubled an index of 32 MB or "
                   "more; default), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("--segments", opt.segments,
                   "build a new index (first run or --rebuild) as segments written on threads + 1 threads and merged "
                   "at the end: auto (inputs of 2 MB or more; default), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--stems-only", opt.stems_only,
                 "index words by their Snowball stems alone, without dictionary lemmas: as Xapian's Omega does, so "
                 "its quest finds every form Snowball joins; smaller and faster, but no lemma matching");
    app.add_option("--topics", opt.topics_file,
                   "topic profiles to add or override (default: ~/.config/newsdex/topics.toml if it exists)");
    app.add_option("--base", opt.base, "ids of file articles are paths relative to this folder (default: current folder)");
    app.add_option("--field", opt.fields, "map a record field: ARTICLE_FIELD=KEY[,KEY...], e.g. title=headline (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--encoding", opt.encoding, "input encoding, instead of detecting it (e.g. cp1251, koi8-r, cp866)");
    app.add_option("--errors", opt.errors_file, "also write rejected inputs to FILE as JSON Lines (path, member, line, reason)");
    app.add_flag("-q,--quiet", opt.quiet, "no progress, no summary line");
    app.add_flag("--progress", opt.progress, "show a progress line even when stderr is not a terminal");
    app.add_flag("--no-progress", opt.no_progress, "no progress line, even on a terminal");
    app.add_flag("-v,--verbose", opt.verbose, "print the id of every article indexed");
    app.add_option("--max-removals", opt.max_removals,
                   "remove at most N articles, or P% of the index, in one run; a run that would remove more removes "
                   "nothing and exits 2 (default: half the index, and never every article under one input folder)");
    app.add_option("--summary-json", opt.summary_json,
                   "write the run's summary to FILE as one JSON object (type, counts, changed, exit, error)");
    app.add_option("--shard-by", opt.shard_by, "write a sharded archive: one index per year, month or source "
                                               "(--db names the archive directory; see README, Scaling out)")
        ->check(CLI::IsMember({"year", "month", "source"}));
}

void add_check_options(CLI::App& check, Options& opt) {
    check.add_flag("--no-repair", opt.no_repair, "report an interrupted batch instead of repairing it");
    check.add_flag("--rebuild-catalog", opt.rebuild_catalog,
                   "make the catalog follow the index's documents (a lost, old or unreadable catalog)");
    check.add_flag("--accept-changes", opt.accept_changes,
                   "take the index's files as they are, though they changed since newsdex wrote them");
}

// `shards`, `shards remote KEY HOST:PORT`, `shards local KEY`.
void add_shards_options(CLI::App& shards, Options& opt) {
    CLI::App* remote = shards.add_subcommand("remote", "readers find shard KEY at HOST:PORT (xapian-tcpsrv)");
    remote->add_option("key", opt.shard_key, "shard")->required();
    remote->add_option("address", opt.shard_address, "HOST:PORT")->required();
    CLI::App* local = shards.add_subcommand("local", "readers find shard KEY in its local directory again");
    local->add_option("key", opt.shard_key, "shard")->required();
    for (CLI::App* sub : {remote, local}) {
        sub->footer(newsdex::shared_options_help(*shards.get_parent(), "--db --wait -q"));
        sub->fallthrough();
    }
}

// ---- Commands ---------------------------------------------------------------

newsdex::MaintenanceOptions maintenance_options(const Options& opt, const newsdex::Config& config) {
    newsdex::MaintenanceOptions out;
    out.index_dir = newsdex::resolve_index_dir(opt.db, config);
    out.wait_seconds = opt.wait;
    out.repair = !opt.no_repair;
    if (!opt.topics_file.empty()) out.topics_file = opt.topics_file;
    out.rebuild_catalog = opt.rebuild_catalog;
    out.accept_changes = opt.accept_changes;
    out.shard_key = opt.shard_key;
    out.shard_address = opt.shard_address;
    return out;
}

struct Command {
    const char* name;
    const char* help;
    const char* takes;  // the default command's options it takes too
    void (*add_options)(CLI::App&, Options&);  // its own, if any
    int (*run)(const newsdex::MaintenanceOptions&, std::ostream&);
};

constexpr Command kCommands[] = {
    {"check", "check the index: Xapian, SQLite, and that both agree (exit 0 or 2)", "--db --wait --topics -q",
     add_check_options, newsdex::check},
    {"compact", "compact the index into a new copy and switch to it", "--db --wait -q", nullptr,
     newsdex::compact},
    {"stats", "articles, sources, dates, topics, size, last run", "--db -q", nullptr, newsdex::stats},
    {"retopic", "score every article again against the topic profiles", "--db --wait --topics -q",
     nullptr, newsdex::retopic},
    {"shards", "list the shards of an archive, or say where one is served", "--db --wait -q", add_shards_options,
     newsdex::shards},
};

const Command* parsed_command(const CLI::App& app) {
    for (const Command& c : kCommands)
        if (app.get_subcommand(c.name)->parsed()) return &c;
    return nullptr;
}

// Fills what the command line left unset from the config files.
void apply_config(const CLI::App& app, Options& opt, const newsdex::Config& config) {
    const auto unset = [&](const char* option) { return app.get_option(option)->count() == 0; };
    if (unset("--topics") && config.topics) opt.topics_file = config.topics->string();
    if (unset("--max-removals") && config.max_removals) opt.max_removals = *config.max_removals;
    if (unset("--wait") && config.wait) opt.wait = *config.wait;
    if (opt.paths.empty() && app.get_subcommands().empty()) opt.paths = config.index_paths;
}

// ---- Indexing ---------------------------------------------------------------

newsdex::When when(const std::string& value) {
    if (value == "always") return newsdex::When::Always;
    if (value == "never") return newsdex::When::Never;
    return newsdex::When::Auto;
}

void check_encoding(const std::string& name) {
    if (name.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* c = ucnv_open(name.c_str(), &status);
    if (c) ucnv_close(c);
    if (U_FAILURE(status)) throw std::invalid_argument("--encoding: unknown encoding '" + name + "'");
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Every input must exist before anything is created or changed: a path
// that is gone (an unmounted disk) or a mistyped command ("chek") is an
// error, not an input to reject and an index to create.
void check_inputs_exist(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
        std::error_code ec;
        if (path == "-" || std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found)
            continue;
        std::string hint;
        if (path.find('/') == std::string::npos)
            for (const Command& c : kCommands)
                if (edit_distance(path, c.name) <= 2)
                    hint = " (did you mean the subcommand '" + std::string(c.name) + "'?)";
        throw std::invalid_argument(path + ": no such file or directory" + hint + "; nothing was indexed");
    }
}

void write_summary_json(const Options& opt, const std::string& json) {
    if (opt.summary_json.empty()) return;
    std::ofstream out(opt.summary_json, std::ios::trunc);
    out << json << '\n';
    if (!out.flush()) std::cerr << "newsdex-index: " << opt.summary_json << ": cannot write the summary\n";
}

newsdex::IngestOptions ingest_options(const Options& opt, const newsdex::Config& config) {
    newsdex::IngestOptions options;
    options.index_dir = newsdex::resolve_index_dir(opt.db, config);
    options.base = std::filesystem::absolute(opt.base.empty() ? std::filesystem::current_path() : std::filesystem::path(opt.base));
    options.paths = opt.paths;
    for (const std::string& f : opt.fields) options.fields.set(f);
    check_encoding(opt.encoding);
    options.encoding = opt.encoding;
    options.errors_file = opt.errors_file;
    options.verbose = opt.verbose && !opt.quiet;
    options.progress = !opt.quiet && !opt.no_progress && (opt.progress || isatty(STDERR_FILENO));
    options.wait_seconds = opt.wait;
    options.keep_deleted = opt.keep_deleted;
    options.rebuild = opt.rebuild;
    options.batch_articles = opt.batch;
    options.analysis_threads = opt.threads;
    options.lemmas = !opt.stems_only;
    options.compaction = when(opt.compact);
    options.segments = when(opt.segments);
    if (!opt.topics_file.empty()) options.topics_file = opt.topics_file;
    if (!opt.max_removals.empty()) options.max_removals = newsdex::parse_removal_limit(opt.max_removals);
    return options;
}

// The default command: index PATHS into what --db names; the exit status
// of the run, and its report for scripts.
int index_paths(const Options& opt, const newsdex::Config& config) {
    if (opt.paths.empty())
        throw std::invalid_argument("nothing to index: give files, folders or - (see --help), or index.paths in "
                                    "a config file");
    check_inputs_exist(opt.paths);
    const newsdex::IngestOptions options = ingest_options(opt, config);
    // Without a dictionary, words are indexed by stems alone and queries on
    // them match as before lemmas existed (README, Word forms): worth a
    // warning, not a refusal, as nothing is lost that was found before.
    if (const newsdex::Lemmatizer lemmatizer; options.lemmas && !lemmatizer.available())
        std::cerr << "newsdex-index: warning: " << lemmatizer.missing_file()
                  << " not found: indexing without dictionary lemmas (install apertium-bel-rus, apertium-rus-ukr and hunspell-ru)\n";
    const newsdex::RunSummary run = newsdex::index_inputs(options, opt.shard_by, std::cerr);
    if (!opt.quiet) std::cout << "newsdex-index: " << newsdex::format_run_summary(run) << '\n';
    const int status = newsdex::exit_status(run.total);
    if (!run.total.refusal.empty()) std::cerr << "newsdex-index: " << run.total.refusal << '\n';
    write_summary_json(opt, newsdex::summary_json(run.total, status, std::filesystem::absolute(options.index_dir).string()));
    return status;
}

// A command: with -q it says nothing when all is well; when not, what it
// would have said goes to stderr (cron mails only that).
int run_command(const Command& command, const Options& opt, const newsdex::Config& config, std::ostringstream& held) {
    std::ostream& out = opt.quiet ? static_cast<std::ostream&>(held) : std::cout;
    const int status = command.run(maintenance_options(opt, config), out);
    if (status != kOk && opt.quiet) std::cerr << held.str();
    return status;
}

// The one-line error of a run that could not finish (and, for an indexing
// run, its report for scripts).
int failed(const CLI::App& app, const Options& opt, int status, const std::string& held, const std::string& message) {
    std::cerr << held << "newsdex-index: " << message << '\n';
    if (!opt.summary_json.empty() && app.get_subcommands().empty()) {
        std::string index;
        try {
            index = std::filesystem::absolute(newsdex::resolve_index_dir(opt.db)).string();
        } catch (const std::exception&) {
            // No index location at all: the message says so.
        }
        write_summary_json(opt, newsdex::summary_json(newsdex::IngestSummary{}, status, index, message));
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    // mimalloc hands freed memory back to the system 25 ms after it is freed,
    // and the indexer frees and takes it again all the time: at 4x the dev
    // data that cost 15 s of system time and page faults in a 150 s run.
    // A second is enough to keep what is taken again: at 4x its system
    // time (23.4 s) was within a run's noise of never handing memory back
    // (22.5 s), and its peak RSS 8 MB lower (196 against 204 MB; 190
    // against 197 MB at 1x). (Setting allow_decommit here has no effect:
    // mimalloc reads it before main.)
    constexpr long kSecond = 1000;  // ms
    mi_option_set(mi_option_decommit_delay, kSecond);
    mi_option_set(mi_option_segment_decommit_delay, kSecond);
    CLI::App app{"Index Russian news articles into a newsdex index.\n"
                 "Reads plain text, HTML, JSON Lines, JSON, CSV/TSV, compressed files (.gz .bz2 .xz .zst)\n"
                 "and archives (.zip .tar .tar.*); '-' reads standard input. Encodings (UTF-8/16,\n"
                 "Windows-1251, KOI8-R, CP866) are detected. Re-indexing an article replaces it;\n"
                 "unchanged articles and duplicates of indexed ones are skipped.",
                 "newsdex-index"};
    app.set_version_flag("--version", [] { return newsdex::version_text("newsdex-index"); },
                         "print the versions of newsdex, its index format and its libraries, and exit");
    Options opt;
    add_indexing_options(app, opt);
    for (const Command& command : kCommands) {
        CLI::App* sub = app.add_subcommand(command.name, command.help);
        if (command.add_options) command.add_options(*sub, opt);
        sub->footer(newsdex::shared_options_help(app, command.takes));
        sub->fallthrough();
    }
    app.require_subcommand(0, 1);

    if (const std::optional<int> status = newsdex::parse_command_line(app, argc, argv)) return *status;

    // Past a file size limit, fail the write (and say so) rather than die.
    std::signal(SIGXFSZ, SIG_IGN);
    std::ostringstream held;  // what a quiet command would have said
    try {
        const newsdex::Config config = newsdex::load_config();
        apply_config(app, opt, config);
        if (const Command* command = parsed_command(app)) return run_command(*command, opt, config, held);
        return index_paths(opt, config);
    } catch (const newsdex::IndexBusy& e) {
        return failed(app, opt, kBusy, held.str(), e.what());
    } catch (const std::exception& e) {
        return failed(app, opt, kError, held.str(), e.what());
    } catch (const Xapian::Error& e) {
        // Xapian's errors are not std::exceptions; none should get this far.
        return failed(app, opt, kError, held.str(), e.get_description());
    }
}
