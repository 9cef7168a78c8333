// newsdex-index: add Russian news articles to a newsdex index.
// Exit status: 0 all indexed, 3 finished but some inputs were rejected,
// 2 error (bad usage, index unusable).
#include "errors.h"
#include "index_location.h"
#include "ingest.h"

#include <CLI/CLI.hpp>
#include <unicode/ucnv.h>

#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace {

constexpr int kOk = 0;
constexpr int kError = 2;
constexpr int kSomeRejected = 3;

struct Options {
    std::string db, base, encoding, errors_file;
    std::vector<std::string> paths, fields;
    bool quiet = false, progress = false, no_progress = false, verbose = false;
};

void check_encoding(const std::string& name) {
    if (name.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* c = ucnv_open(name.c_str(), &status);
    if (c) ucnv_close(c);
    if (U_FAILURE(status)) throw std::invalid_argument("--encoding: unknown encoding '" + name + "'");
}

int run(const Options& opt) {
    newsdex::IngestOptions options;
    options.index_dir = newsdex::resolve_index_dir(opt.db);
    options.base = std::filesystem::absolute(opt.base.empty() ? std::filesystem::current_path() : std::filesystem::path(opt.base));
    options.paths = opt.paths;
    for (const std::string& f : opt.fields) options.fields.set(f);
    check_encoding(opt.encoding);
    options.encoding = opt.encoding;
    options.errors_file = opt.errors_file;
    options.verbose = opt.verbose && !opt.quiet;
    options.progress = !opt.quiet && !opt.no_progress && (opt.progress || isatty(STDERR_FILENO));

    newsdex::IngestSummary summary = newsdex::ingest(options, std::cerr);
    if (!opt.quiet) std::cout << "newsdex-index: " << newsdex::format_summary(summary) << '\n';
    return summary.rejected ? kSomeRejected : kOk;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index Russian news articles into a newsdex index.\n"
                 "Reads plain text, HTML, JSON Lines, JSON, CSV/TSV, compressed files (.gz .bz2 .xz .zst)\n"
                 "and archives (.zip .tar .tar.*); '-' reads standard input. Encodings (UTF-8/16,\n"
                 "Windows-1251, KOI8-R, CP866) are detected. Re-indexing an article replaces it;\n"
                 "unchanged articles and duplicates of indexed ones are skipped.",
                 "newsdex-index"};
    Options opt;
    app.add_option("paths", opt.paths, "files and folders to index (folders recursively), or - for stdin")->required();
    app.add_option("--db", opt.db, "index directory (default: $NEWSDEX_DB, else ~/.local/share/newsdex)");
    app.add_option("--base", opt.base, "ids of file articles are paths relative to this folder (default: current folder)");
    app.add_option("--field", opt.fields, "map a record field: ARTICLE_FIELD=KEY[,KEY...], e.g. title=headline (repeatable)");
    app.add_option("--encoding", opt.encoding, "input encoding, instead of detecting it (e.g. cp1251, koi8-r, cp866)");
    app.add_option("--errors", opt.errors_file, "also write rejected inputs to FILE as JSON Lines (path, member, line, reason)");
    app.add_flag("-q,--quiet", opt.quiet, "no progress, no summary line");
    app.add_flag("--progress", opt.progress, "show a progress line even when stderr is not a terminal");
    app.add_flag("--no-progress", opt.no_progress, "no progress line, even on a terminal");
    app.add_flag("-v,--verbose", opt.verbose, "print the id of every article indexed");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "newsdex-index: " << e.what() << " (see --help)\n";
        return kError;
    }

    try {
        return run(opt);
    } catch (const std::exception& e) {
        std::cerr << "newsdex-index: " << e.what() << '\n';
        return kError;
    }
}
