#include "sharded_ingest.h"

#include "catalog.h"
#include "errors.h"
#include "index_layout.h"
#include "input_files.h"
#include "rejects.h"
#include "shard_archive.h"
#include "sqlite.h"
#include "writer_lock.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <set>
#include <stdexcept>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

std::string catch_all_key(const std::string& shard_by) { return shard_by == "source" ? "nosource" : "undated"; }

bool under(const std::string& path, const std::vector<fs::path>& roots) {
    for (const fs::path& root : roots) {
        const std::string r = root.string();
        if (path == r || (path.size() > r.size() && path.compare(0, r.size(), r) == 0 && path[r.size()] == '/'))
            return true;
    }
    return false;
}

// Whether a run could change anything in this shard: an input it has not
// read whole as it is now, or a file it holds that is gone.
bool shard_needs_run(const fs::path& shard_dir, const std::vector<InputFile>& inputs, const std::vector<fs::path>& roots,
                     bool keep_deleted) {
    const std::optional<Generation> live = IndexLayout(shard_dir).live();
    std::error_code ec;
    if (!live || !fs::exists(live->catalog(), ec)) return true;
    Catalog catalog(live->catalog(), Catalog::Mode::ReadOnly);
    // An interrupted batch is repaired by opening a writer.
    if (catalog.meta("xapian_revision").value_or("0") !=
        std::to_string(Xapian::Database(live->xapian().string()).get_revision()))
        return true;
    const std::unordered_map<std::string, FileRecord> known = catalog.files();
    std::set<std::string> present;
    for (const InputFile& input : inputs) {
        present.insert(input.path.string());
        auto it = known.find(input.path.string());
        if (it == known.end() || it->second.size < 0 || it->second.size != input.state.size ||
            it->second.mtime_ns != input.state.mtime_ns || it->second.inode != input.state.inode)
            return true;
    }
    if (keep_deleted) return false;
    for (const auto& [path, record] : known)
        if (!present.count(path) && under(path, roots) && !fs::exists(path, ec)) return true;
    return false;
}

std::string yyyymmdd(const std::string& date) {
    if (date.size() < 10) return {};
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

// The dates a shard's articles span, for pruning date-limited queries.
void record_dates(const fs::path& shard_dir, ShardEntry& entry) {
    const std::optional<Generation> live = IndexLayout(shard_dir).live();
    if (!live) return;
    Catalog catalog(live->catalog(), Catalog::Mode::ReadOnly);
    sqlite::Statement s(catalog.db(), "SELECT MIN(date), MAX(date) FROM articles WHERE date != ''");
    const bool any = s.step() && !s.is_null(0);
    entry.no_dates = !any;
    entry.first_date = any ? yyyymmdd(s.text(0)) : std::string();
    entry.last_date = any ? yyyymmdd(s.text(1)) : std::string();
    if (any && (entry.first_date.empty() || entry.last_date.empty())) entry.first_date = entry.last_date = "";
}

void add(IngestSummary& total, const IngestSummary& s) {
    total.added += s.added;
    total.updated += s.updated;
    total.unchanged += s.unchanged;
    total.removed += s.removed;
    total.duplicates += s.duplicates;
    total.moved_files = std::max(total.moved_files, s.moved_files);
    total.repaired += s.repaired;
    total.bytes += s.bytes;
}

class ShardedRun {
public:
    ShardedRun(const IngestOptions& options, const std::string& shard_by, std::ostream& errors)
        : options_(options), errors_(errors), archive_(options.index_dir), shard_by_(shard_by) {}

    ShardedSummary go() {
        for (const std::string& p : options_.paths)
            if (p == "-") throw std::invalid_argument("a sharded archive cannot index standard input (every shard reads the inputs); save it to a file first");
        const auto started = std::chrono::steady_clock::now();
        check_not_single_index();
        fs::create_directories(archive_.dir() / "shards");
        WriterLock lock(IndexLayout(archive_.dir()), options_.wait_seconds);
        load_stub();

        std::ostream null_stream(nullptr);
        RejectLog quiet(null_stream, "");
        const std::vector<InputFile> inputs = collect_inputs(options_.paths, quiet);
        std::vector<fs::path> roots;
        for (const std::string& p : options_.paths) roots.push_back(fs::absolute(p).lexically_normal());

        // The catch-all first: it reads every changed file, so it finds the
        // keys of new shards.
        queue_.push_back(catch_all_key(stub_.shard_by));
        queued_.insert(queue_.back());
        for (const ShardEntry& s : stub_.shards)
            if (!s.key.empty() && queued_.insert(s.key).second) queue_.push_back(s.key);

        bool first = true;
        while (!queue_.empty()) {
            const std::string key = queue_.front();
            queue_.pop_front();
            const fs::path dir = archive_.shard_dir(key);
            std::error_code ec;
            const bool exists = fs::exists(dir / "index.stub", ec);
            if (exists && !options_.rebuild && !shard_needs_run(dir, inputs, roots, options_.keep_deleted)) {
                ++summary_.skipped;
                continue;
            }
            run_shard(key, first ? errors_ : null_stream, first);
            first = false;
        }
        summary_.total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return std::move(summary_);
    }

private:
    void check_not_single_index() {
        std::error_code ec;
        if (!ArchiveLayout::is_archive(archive_.dir()) &&
            (fs::exists(archive_.dir() / "index.stub", ec) || fs::exists(archive_.dir() / "xapian", ec)))
            throw std::invalid_argument(archive_.dir().string() +
                                        ": is a single (unsharded) index; give a new directory for a sharded archive");
    }

    void load_stub() {
        if (ArchiveLayout::is_archive(archive_.dir())) {
            stub_ = ArchiveStub::read(archive_.stub());
            if (stub_.shard_by.empty()) stub_.shard_by = shard_by_.empty() ? "month" : shard_by_;
            if (!shard_by_.empty() && shard_by_ != stub_.shard_by)
                throw std::invalid_argument(archive_.dir().string() + ": archive is sharded by " + stub_.shard_by +
                                            ", not " + shard_by_ + " (start a new archive to change the scheme)");
        } else {
            if (shard_by_.empty()) throw std::invalid_argument(archive_.dir().string() + ": not a sharded archive (give --shard-by)");
            stub_.shard_by = shard_by_;
        }
        if (!valid_shard_scheme(stub_.shard_by))
            throw std::invalid_argument("unknown shard scheme '" + stub_.shard_by + "' (year, month or source)");
    }

    void run_shard(const std::string& key, std::ostream& errors, bool first) {
        IngestOptions shard = options_;
        shard.index_dir = archive_.shard_dir(key);
        if (!first) {
            shard.errors_file.clear();
            shard.progress = false;
            shard.verbose = false;
        }
        const std::string scheme = stub_.shard_by;
        shard.accept = [this, key, scheme](const Article& a) {
            const std::string k = shard_key(scheme, a.date, a.source);
            if (k != key && queued_.insert(k).second) queue_.push_back(k);
            return k == key;
        };
        const IngestSummary s = ingest(shard, errors);
        add(summary_.total, s);
        if (first) {
            summary_.total.rejected = s.rejected;
            summary_.total.files = s.files;
        }
        summary_.written.push_back(key);
        publish(key);
    }

    // The stub lists the shard (new shards as local ones) with its dates.
    void publish(const std::string& key) {
        ShardEntry* entry = stub_.find(key);
        if (!entry) {
            stub_.shards.push_back(ShardEntry{key, ArchiveLayout::local_database(key), "", "", false});
            entry = &stub_.shards.back();
            std::sort(stub_.shards.begin(), stub_.shards.end(),
                      [](const ShardEntry& a, const ShardEntry& b) { return a.key < b.key; });
            entry = stub_.find(key);
        }
        record_dates(archive_.shard_dir(key), *entry);
        stub_.write(archive_.stub());
    }

    const IngestOptions& options_;
    std::ostream& errors_;
    ArchiveLayout archive_;
    std::string shard_by_;
    ArchiveStub stub_;
    std::deque<std::string> queue_;
    std::set<std::string> queued_;
    ShardedSummary summary_;
};

}  // namespace

ShardedSummary ingest_sharded(const IngestOptions& options, const std::string& shard_by, std::ostream& errors) {
    return ShardedRun(options, shard_by, errors).go();
}

std::string format_sharded_summary(const ShardedSummary& summary) {
    std::string out = format_summary(summary.total) + "; shards written: ";
    if (summary.written.empty()) out += "none";
    for (std::size_t i = 0; i < summary.written.size(); ++i) out += (i ? " " : "") + summary.written[i];
    if (summary.skipped) out += " (" + std::to_string(summary.skipped) + " unchanged)";
    return out;
}

}  // namespace newsdex
