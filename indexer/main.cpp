// newsdex-index: add Russian news articles to a newsdex index.
// Exit status: 0 all indexed, 3 finished but some inputs were rejected,
// 2 error (bad usage, index unusable).
#include "errors.h"
#include "index_location.h"
#include "ingest.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace {

constexpr int kOk = 0;
constexpr int kError = 2;
constexpr int kSomeRejected = 3;

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index Russian news articles (.txt: title line then body; .jsonl: one article per line)\n"
                 "into a newsdex index. Re-indexing an article replaces it; unchanged articles are skipped.",
                 "newsdex-index"};
    std::string db, base;
    std::vector<std::string> paths;
    bool quiet = false;
    app.add_option("paths", paths, "files and folders to index (folders recursively)")->required();
    app.add_option("--db", db, "index directory (default: $NEWSDEX_DB, else ~/.local/share/newsdex)");
    app.add_option("--base", base, "article ids of files are paths relative to this folder (default: current folder)");
    app.add_flag("-q,--quiet", quiet, "print no summary line");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "newsdex-index: " << e.what() << " (see --help)\n";
        return kError;
    }

    try {
        newsdex::IngestOptions options;
        options.index_dir = newsdex::resolve_index_dir(db);
        options.base = std::filesystem::absolute(base.empty() ? std::filesystem::current_path() : std::filesystem::path(base));
        options.paths = paths;
        newsdex::IngestSummary summary = newsdex::ingest(options, std::cerr);
        if (!quiet) std::cout << "newsdex-index: " << newsdex::format_summary(summary) << '\n';
        return summary.rejected ? kSomeRejected : kOk;
    } catch (const std::exception& e) {
        std::cerr << "newsdex-index: " << e.what() << '\n';
        return kError;
    }
}
