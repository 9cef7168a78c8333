#include "maintenance.h"

#include "catalog.h"
#include "disk_usage.h"
#include "errors.h"
#include "generation_compactor.h"
#include "xapian_reason.h"
#include "index_layout.h"
#include "index_writer.h"
#include "recovery.h"
#include "topic_profiles.h"
#include "writer_lock.h"

#include <xapian.h>

#include <cstdio>
#include <sstream>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

Generation live_generation(const IndexLayout& layout) {
    std::optional<Generation> live = layout.live();
    if (!live) throw IndexError(layout.dir().string() + ": no index here (create one with newsdex-index)");
    return *live;
}

std::string one_value(Catalog& catalog, const char* sql) {
    sqlite::Statement s(catalog.db(), sql);
    return s.step() ? s.text(0) : std::string();
}

}  // namespace

int check_index(const MaintenanceOptions& options, std::ostream& out) {
    IndexLayout layout(options.index_dir);
    WriterLock lock(layout, options.wait_seconds);
    const Generation live = live_generation(layout);
    if (options.repair) {
        // Opening a writer repairs an interrupted batch; any other
        // disagreement between the stores is repaired the same way.
        IndexWriter writer(live);
        if (!find_inconsistencies(live.xapian(), writer.catalog()).empty()) writer.repair();
        if (const std::size_t repaired = writer.repaired())
            out << "repaired " << repaired << " documents; their files will be read again on the next run\n";
    }
    std::vector<std::string> problems;
    try {
        std::ostringstream xapian_report;
        const std::size_t errors = Xapian::Database::check(live.xapian().string(), Xapian::DBCHECK_SHOW_STATS, &xapian_report);
        if (errors) problems.push_back("Xapian's check found " + std::to_string(errors) + " errors");
    } catch (const Xapian::Error& e) {
        problems.push_back("Xapian's check failed: " + e.get_description());
    }
    Catalog catalog(live.catalog(), Catalog::Mode::ReadOnly);
    const std::string integrity = one_value(catalog, "PRAGMA integrity_check");
    if (integrity != "ok") problems.push_back("SQLite integrity check: " + integrity);
    for (std::string& p : find_inconsistencies(live.xapian(), catalog))
        problems.push_back(std::move(p));

    for (const std::string& p : problems) out << "problem: " << p << '\n';
    out << live.dir.filename().string() << ": " << catalog.count() << " articles, "
        << (problems.empty() ? "ok" : std::to_string(problems.size()) + " problems") << '\n';
    return problems.empty() ? 0 : 2;
}

void compact_index(const MaintenanceOptions& options, std::ostream& out) {
    IndexLayout layout(options.index_dir);
    WriterLock lock(layout, options.wait_seconds);
    layout.remove_stale_generations();
    const Generation live = live_generation(layout);
    { IndexWriter repair(live); }  // a compacted copy of a half-written batch is no use

    const uintmax_t before = size_on_disk(live.dir);
    const Generation next = compact_generation(layout, live);
    out << "compacted " << live.dir.filename().string() << " (" << megabytes(before) << ") into "
        << next.dir.filename().string() << " (" << megabytes(size_on_disk(next.dir)) << ")\n";
}

void retopic_index(const MaintenanceOptions& options, std::ostream& out) {
    Analyzer analyzer;
    TopicProfiles profiles;
    try {
        profiles = load_topic_profiles(analyzer, options.topics_file);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(e.what());
    }
    IndexLayout layout(options.index_dir);
    WriterLock lock(layout, options.wait_seconds);
    IndexWriter writer(live_generation(layout), WriterOptions{10000, &profiles});
    const std::size_t scored = writer.retopic();
    out << "rescored " << scored << " articles against " << profiles.topics.size() << " topics\n";
    sqlite::Statement counts(writer.catalog().db(),
                             "SELECT topic, COUNT(*) FROM article_topics GROUP BY topic ORDER BY COUNT(*) DESC, topic");
    while (counts.step()) out << "  " << counts.text(0) << ": " << counts.integer(1) << '\n';
}

void print_stats(const MaintenanceOptions& options, std::ostream& out) {
    IndexLayout layout(options.index_dir);
    const Generation live = live_generation(layout);
    Catalog catalog(live.catalog(), Catalog::Mode::ReadOnly);
    out << "index:      " << fs::absolute(layout.dir()).string() << " (" << live.dir.filename().string() << ", "
        << megabytes(size_on_disk(live.dir)) << ")\n";
    out << "articles:   " << catalog.count() << '\n';
    out << "duplicates: " << one_value(catalog, "SELECT COUNT(*) FROM duplicates") << " more places\n";
    out << "files:      " << one_value(catalog, "SELECT COUNT(*) FROM files") << '\n';
    const std::string first = one_value(catalog, "SELECT MIN(date) FROM articles WHERE date != ''");
    const std::string last = one_value(catalog, "SELECT MAX(date) FROM articles WHERE date != ''");
    out << "dates:      " << (first.empty() ? "none" : first.substr(0, 10) + " .. " + last.substr(0, 10)) << '\n';
    out << "sources:   ";
    sqlite::Statement sources(catalog.db(),
                              "SELECT source, COUNT(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source LIMIT 10");
    bool any = false;
    while (sources.step()) {
        out << (any ? ", " : " ") << (sources.text(0).empty() ? "(none)" : sources.text(0)) << " " << sources.integer(1);
        any = true;
    }
    out << (any ? "\n" : " none\n");
    out << "topics:    ";
    sqlite::Statement topics(catalog.db(),
                             "SELECT topic, COUNT(*) AS n FROM article_topics GROUP BY topic ORDER BY n DESC, topic");
    bool any_topic = false;
    while (topics.step()) {
        out << (any_topic ? ", " : " ") << topics.text(0) << " " << topics.integer(1);
        any_topic = true;
    }
    out << (any_topic ? "\n" : " none\n");
    sqlite::Statement run(catalog.db(),
                          "SELECT kind, started_at, COALESCE(finished_at, ''), COALESCE(summary, ''), exit_code "
                          "FROM runs ORDER BY id DESC LIMIT 1");
    if (run.step()) {
        out << "last run:   " << run.text(0) << " started " << run.text(1);
        if (run.is_null(4)) out << ", did not finish\n";
        else out << ", finished " << run.text(2) << ", exit " << run.integer(4) << "\n            " << run.text(3) << '\n';
    } else {
        out << "last run:   none recorded\n";
    }
}

}  // namespace newsdex
