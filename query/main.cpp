// newsdex-query: search a newsdex index from the shell.
// Exit status follows grep: 0 hits, 1 no hits, 2 error.
#include "errors.h"
#include "index_location.h"
#include "output.h"
#include "search.h"

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace {

constexpr int kFound = 0;
constexpr int kNotFound = 1;
constexpr int kError = 2;

struct Options {
    std::string db;
    std::vector<std::string> words;
    unsigned limit = 10;
    unsigned offset = 0;
    bool json = false;
    std::string color = "auto";
};

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

int run(const Options& opt) {
    newsdex::SearchRequest request;
    request.index_dir = newsdex::resolve_index_dir(opt.db);
    request.query = join(opt.words);
    request.limit = opt.limit;
    request.offset = opt.offset;
    newsdex::SearchResult result = newsdex::search(request);
    if (opt.json)
        newsdex::print_json(std::cout, result);
    else
        newsdex::print_text(std::cout, result, {use_color(opt.color)});
    return result.hits.empty() ? kNotFound : kFound;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Search a newsdex index of Russian news.\n"
                 "Words match all their forms; \"quoted phrases\", AND/OR/NOT, +word/-word,\n"
                 "title:word, source:NAME, date:2025-01-01..2025-06-30 and prefix* work.",
                 "newsdex-query"};
    Options opt;
    app.add_option("query", opt.words, "query words")->required();
    app.add_option("--db", opt.db, "index directory (default: $NEWSDEX_DB, else ~/.local/share/newsdex)");
    app.add_option("-n,--limit", opt.limit, "number of hits to show")->check(CLI::Range(1u, 100000u));
    app.add_option("--offset", opt.offset, "skip this many hits first");
    app.add_flag("--json", opt.json, "one JSON object per hit (JSON Lines)");
    app.add_option("--color", opt.color, "highlight with ANSI colors: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "newsdex-query: " << e.what() << " (see --help)\n";
        return kError;
    }

    try {
        return run(opt);
    } catch (const std::exception& e) {
        std::cerr << "newsdex-query: " << e.what() << '\n';
        return kError;
    } catch (const Xapian::Error& e) {
        // Xapian's errors are not std::exceptions; none should get this far.
        std::cerr << "newsdex-query: " << e.get_description() << '\n';
        return kError;
    }
}
