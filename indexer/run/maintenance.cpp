#include "run/maintenance.h"

#include "catalog/catalog.h"
#include "run/disk_usage.h"
#include "base/errors.h"
#include "index/generation_compactor.h"
#include "base/xapian_reason.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "index/recovery.h"
#include "index/table_fingerprint.h"
#include "analysis/topic_profiles.h"
#include "base/utc_time.h"
#include "index/writer_lock.h"

#include <xapian.h>

#include <algorithm>
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

// " NAME N, NAME N\n" from rows of (name, count); " none\n" if there are none.
std::string counted(Catalog& catalog, const char* sql) {
    sqlite::Statement rows(catalog.db(), sql);
    std::string out;
    while (rows.step())
        out += (out.empty() ? " " : ", ") + (rows.text(0).empty() ? "(none)" : rows.text(0)) + " " +
               std::to_string(rows.integer(1));
    return (out.empty() ? " none" : out) + "\n";
}

// A catalog SQLite cannot read is moved aside, never deleted: the rebuild
// then starts from an empty one.
void set_aside_unreadable(const Generation& live, std::ostream& out) {
    std::error_code ec;
    if (!fs::exists(live.catalog(), ec)) return;
    try {
        Catalog catalog(live.catalog(), Catalog::Mode::ReadOnly);
        if (one_value(catalog, "PRAGMA integrity_check") == "ok") return;
    } catch (const IndexError&) {
    }
    std::string stamp = utc_now();
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    const fs::path aside = live.catalog().string() + ".damaged-" + stamp;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const fs::path from = live.catalog().string() + suffix;
        if (fs::exists(from, ec)) fs::rename(from, aside.string() + suffix);
    }
    out << "the catalog could not be read; kept as " << aside.filename().string() << '\n';
}

// Why the index's files are not as the last writer left them, if they are
// not (nullopt also when the catalog cannot tell).
std::optional<std::string> files_damage(const Generation& live) {
    try {
        Catalog catalog(live.catalog(), Catalog::Mode::ReadOnly);
        return table_damage(catalog, live.xapian(), Xapian::Database(live.xapian().string()).get_revision());
    } catch (const IndexError&) {
        return std::nullopt;
    } catch (const Xapian::Error&) {
        return std::nullopt;  // Xapian's own check below says why it cannot open
    }
}

// Prints the problems (the first of them) and a last line; returns the exit code.
int report(const std::vector<std::string>& problems, const Generation& live, int64_t articles, std::ostream& out) {
    // A lost catalog disagrees on every article: the first lines say what
    // kind of problem it is.
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) out << "problem: " << problems[i] << '\n';
    if (problems.size() > kShown) out << "problem: ... and " << problems.size() - kShown << " more\n";
    out << live.dir.filename().string() << ": " << articles << " articles, "
        << (problems.empty() ? "ok" : std::to_string(problems.size()) + " problems") << '\n';
    return problems.empty() ? 0 : 2;
}


void repair(const Generation& live, const MaintenanceOptions& options, std::ostream& out) {
    const TopicProfiles profiles = load_topic_profiles(options.topics_file);
    WriterOptions writer_options;
    writer_options.topics = &profiles;
    writer_options.rebuild_catalog = options.rebuild_catalog;
    IndexWriter writer(live, writer_options);
    if (const CatalogRebuild& r = writer.catalog_rebuild(); r.changed())
        out << "rebuilt the catalog from the index: " << r.restored << " rows restored, " << r.corrected
            << " corrected, " << r.removed_rows << " without a document removed, " << r.removed_documents
            << " documents of an id indexed twice removed; their files will be read again on the next run\n";
    // Any other disagreement between the stores is repaired the same way.
    if (!find_inconsistencies(live.xapian(), writer.catalog()).empty()) writer.repair();
    if (const std::size_t repaired = writer.repaired())
        out << "repaired " << repaired << " documents; their files will be read again on the next run\n";
    writer.seal(options.accept_changes);
}

}  // namespace

int check_index(const MaintenanceOptions& options, std::ostream& out) {
    IndexLayout layout(options.index_dir);
    WriterLock lock(layout, options.wait_seconds);
    const Generation live = live_generation(layout);
    if (options.rebuild_catalog) set_aside_unreadable(live, out);
    std::vector<std::string> problems;
    // Damaged files are only reported: a repair would make the catalog
    // follow damaged documents, and the next writer would build on them.
    const std::optional<std::string> damage = files_damage(live);
    if (damage && !options.accept_changes)
        problems.push_back(*damage + "; restore it from a backup or rebuild it (newsdex-index --rebuild PATHS); "
                           "'check --accept-changes' takes the files as they are");
    if ((options.repair || options.rebuild_catalog) && problems.empty()) repair(live, options, out);
    try {
        std::ostringstream xapian_report;
        const std::size_t errors = Xapian::Database::check(live.xapian().string(), Xapian::DBCHECK_SHOW_STATS, &xapian_report);
        if (errors) problems.push_back("Xapian's check found " + std::to_string(errors) + " errors");
    } catch (const Xapian::Error& e) {
        problems.push_back("Xapian's check failed: " + e.get_description());
    }
    std::error_code ec;
    if (!fs::exists(live.catalog(), ec)) {
        problems.push_back("the catalog is missing: the next writer, or check, rebuilds it from the index");
        return report(problems, live, 0, out);
    }
    Catalog catalog(live.catalog(), Catalog::Mode::ReadOnly);
    if (catalog.schema_version() == 0) {
        problems.push_back("the catalog is empty: the next writer, or check, rebuilds it from the index");
        return report(problems, live, 0, out);
    }
    const std::string integrity = one_value(catalog, "PRAGMA integrity_check");
    if (integrity != "ok") problems.push_back("SQLite integrity check: " + integrity);
    for (std::string& p : find_inconsistencies(live.xapian(), catalog))
        problems.push_back(std::move(p));
    return report(problems, live, catalog.count(), out);
}

int compact_index(const MaintenanceOptions& options, std::ostream& out) {
    IndexLayout layout(options.index_dir);
    WriterLock lock(layout, options.wait_seconds);
    layout.remove_stale_generations();
    const Generation live = live_generation(layout);
    { IndexWriter repair(live); }  // a compacted copy of a half-written batch is no use

    const uintmax_t before = size_on_disk(live.dir);
    const Generation next = compact_generation(layout, live);
    out << "compacted " << live.dir.filename().string() << " (" << megabytes(before) << ") into "
        << next.dir.filename().string() << " (" << megabytes(size_on_disk(next.dir)) << ")\n";
    return 0;
}

int retopic_index(const MaintenanceOptions& options, std::ostream& out) {
    const TopicProfiles profiles = load_topic_profiles(options.topics_file);
    IndexLayout layout(options.index_dir);
    WriterLock lock(layout, options.wait_seconds);
    IndexWriter writer(live_generation(layout), WriterOptions{10000, &profiles});
    const std::size_t scored = writer.retopic();
    writer.seal();
    out << "rescored " << scored << " articles against " << profiles.topics.size() << " topics\n";
    sqlite::Statement counts(writer.catalog().db(),
                             "SELECT topic, COUNT(*) FROM article_topics GROUP BY topic ORDER BY COUNT(*) DESC, topic");
    while (counts.step()) out << "  " << counts.text(0) << ": " << counts.integer(1) << '\n';
    return 0;
}

int print_stats(const MaintenanceOptions& options, std::ostream& out) {
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
    out << "sources:   " << counted(catalog, "SELECT source, COUNT(*) AS n FROM articles GROUP BY source "
                                          "ORDER BY n DESC, source LIMIT 10");
    out << "topics:    " << counted(catalog, "SELECT topic, COUNT(*) AS n FROM article_topics GROUP BY topic "
                                          "ORDER BY n DESC, topic");
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
    return 0;
}

}  // namespace newsdex
