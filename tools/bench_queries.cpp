// newsdex-bench-queries: in-process query latency for scripts/bench.
// Each search() call is timed whole (opening the index, parsing, matching,
// snippets), so the numbers are what a library user pays per query, without
// the process start-up that the CLI adds on top.
#include "search.h"

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int kError = 2;

struct Options {
    std::string db;
    std::string queries_file;
    unsigned repeat = 5;
};

std::vector<std::string> read_queries(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file + ": cannot open");
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos || line[b] == '#') continue;
        line.erase(0, b);
        line.erase(line.find_last_not_of(" \t\r") + 1);
        out.push_back(line);
    }
    if (out.empty()) throw std::runtime_error(file + ": no queries");
    return out;
}

// Nearest-rank percentile of sorted samples.
double percentile(const std::vector<double>& sorted, double p) {
    const std::size_t rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Pass {
    std::vector<double> ms;  // one per query
    std::size_t hits = 0;
};

Pass run_pass(const std::vector<std::string>& queries, const std::string& db) {
    Pass pass;
    for (const std::string& q : queries) {
        newsdex::SearchRequest request;
        request.indexes = {db};
        request.query = q;
        request.limit = 10;
        const auto start = std::chrono::steady_clock::now();
        const newsdex::SearchResult result = newsdex::search(request);
        const auto stop = std::chrono::steady_clock::now();
        pass.ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        pass.hits += result.hits.size();
    }
    return pass;
}

int run(const Options& opt) {
    const std::vector<std::string> queries = read_queries(opt.queries_file);
    // The warm-up pass fills the page cache, so every timed pass reads the same way.
    const std::size_t hits = run_pass(queries, opt.db).hits;
    std::vector<double> samples;
    for (unsigned i = 0; i < opt.repeat; ++i) {
        const Pass pass = run_pass(queries, opt.db);
        samples.insert(samples.end(), pass.ms.begin(), pass.ms.end());
    }
    std::sort(samples.begin(), samples.end());
    double sum = 0;
    for (double s : samples) sum += s;
    std::printf("in-process: queries=%zu runs=%u p50=%.2f ms p90=%.2f ms p99=%.2f ms mean=%.2f ms hits=%zu\n",
                queries.size(), opt.repeat, percentile(samples, 50), percentile(samples, 90),
                percentile(samples, 99), sum / static_cast<double>(samples.size()), hits);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times newsdex::search() on each query of a file (one per line; blank lines and # comments\n"
                 "skipped): one warm-up pass, then --repeat timed passes.",
                 "newsdex-bench-queries"};
    Options opt;
    app.add_option("--db", opt.db, "index directory")->required();
    app.add_option("--queries", opt.queries_file, "file of queries, one per line")->required();
    app.add_option("--repeat", opt.repeat, "timed passes over the file (default 5)")->check(CLI::Range(1u, 10000u));
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "newsdex-bench-queries: " << e.what() << " (see --help)\n";
        return kError;
    }

    try {
        return run(opt);
    } catch (const std::exception& e) {
        std::cerr << "newsdex-bench-queries: " << e.what() << '\n';
        return kError;
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdex-bench-queries: " << e.get_description() << '\n';
        return kError;
    }
}
