#include "run/sharded_ingest.h"

#include "catalog/catalog.h"
#include "base/dates.h"
#include "base/errors.h"
#include "index/index_file.h"
#include "index/index_layout.h"
#include "run/file_tracker.h"
#include "run/input_files.h"
#include "run/rejects.h"
#include "index/shard_archive.h"
#include "catalog/sqlite.h"
#include "index/writer_lock.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

std::string catch_all_key(const std::string& shard_by) { return shard_by == "source" ? "nosource" : "undated"; }

// Whether a run could change anything in this shard: an input it has not
// read whole as it is now, or a file it holds that is gone.
// The catalog of a shard that exists and whose last batch completed;
// nullopt when the shard must run (to be created, or to have its
// interrupted batch repaired, which opening a writer does).
std::optional<Catalog> settled_catalog(const fs::path& shard_dir) {
    const std::optional<Generation> live = IndexLayout(shard_dir).live();
    std::error_code ec;
    if (!live || !fs::exists(live->catalog(), ec)) return std::nullopt;
    std::optional<Catalog> catalog(std::in_place, live->catalog(), Catalog::Mode::ReadOnly);
    if (catalog->meta("xapian_revision").value_or("0") !=
        std::to_string(Xapian::Database(live->xapian().string()).get_revision()))
        return std::nullopt;
    return catalog;
}

std::unordered_map<std::string, FileRecord> known_files(const fs::path& shard_dir) {
    const std::optional<Generation> live = IndexLayout(shard_dir).live();
    std::error_code ec;
    if (!live || !fs::exists(live->catalog(), ec)) return {};
    return Catalog(live->catalog(), Catalog::Mode::ReadOnly).files();
}

// What a shard needs after the catch-all has run: nothing, new file
// records only (inputs that hold none of its articles, and did not), or a
// run of its own.
struct Plan {
    bool run = false;
    std::vector<FileRecord> upserts;
    std::vector<std::string> forgets;
};

// The dates a shard's articles span, for pruning date-limited queries.
void record_dates(const fs::path& shard_dir, ShardEntry& entry) {
    const std::optional<Generation> live = IndexLayout(shard_dir).live();
    if (!live) return;
    Catalog catalog(live->catalog(), Catalog::Mode::ReadOnly);
    sqlite::Statement s(catalog.db(), "SELECT MIN(date), MAX(date) FROM articles WHERE date != ''");
    const bool any = s.step() && !s.is_null(0);
    entry.no_dates = !any;
    entry.first_date = any ? date_key(s.text(0)).value_or("") : std::string();
    entry.last_date = any ? date_key(s.text(1)).value_or("") : std::string();
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
    total.restored += s.restored;
    total.refused_removals += s.refused_removals;
    if (total.refusal.empty()) total.refusal = s.refusal;
    total.bytes += s.bytes;
}

class ShardedRun {
public:
    ShardedRun(const IngestOptions& options, const std::string& shard_by, std::ostream& errors)
        : options_(options), errors_(errors), archive_(options.index_dir), shard_by_(shard_by) {}

    RunSummary go() {
        for (const std::string& p : options_.paths)
            if (p == "-") throw std::invalid_argument("a sharded archive cannot index standard input (every shard reads the inputs); save it to a file first");
        const auto started = std::chrono::steady_clock::now();
        check_not_single_index();
        fs::create_directories(archive_.dir() / "shards");
        WriterLock lock(IndexLayout(archive_.dir()), options_.wait_seconds);
        load_stub();

        std::ostream null_stream(nullptr);
        RejectLog quiet(null_stream, "");
        inputs_ = collect_inputs(options_.paths, quiet);
        for (const std::string& p : options_.paths) roots_.push_back(fs::absolute(p).lexically_normal());

        // The catch-all first: it reads every changed file, so it finds the
        // keys of new shards.
        queue_.push_back(catch_all_key(stub_.shard_by));
        queued_.insert(queue_.back());
        for (const ShardEntry& s : stub_.shards)
            if (!s.key.empty() && queued_.insert(s.key).second) queue_.push_back(s.key);
        // Shards found by a run that did not finish: read everything for them.
        std::ifstream pending(pending_file());
        for (std::string key; std::getline(pending, key);)
            if (!key.empty() && queued_.insert(key).second) queue_.push_back(key);

        const std::string catch_all = catch_all_key(stub_.shard_by);
        bool first = true;
        while (!queue_.empty()) {
            const std::string key = queue_.front();
            queue_.pop_front();
            const fs::path dir = archive_.shard_dir(key);
            std::error_code ec;
            const bool exists = fs::exists(dir / "index.stub", ec);
            // The catch-all's plan has no files read by the catch-all to
            // go by: any change runs it.
            const bool catch_all_turn = key == catch_all;
            const std::unordered_map<std::string, FileRecord> before =
                catch_all_turn ? known_files(dir) : std::unordered_map<std::string, FileRecord>{};
            const Plan plan = exists && !options_.rebuild && !new_keys_.count(key) ? plan_shard(key, false) : Plan{true, {}, {}};
            if (plan.run) {
                run_shard(key, first ? errors_ : null_stream, first);
                first = false;
            } else {
                apply(key, plan);
                ++summary_.skipped;
            }
            if (catch_all_turn) {
                catch_all_files_ = known_files(dir);
                note_read_now(before);
            }
        }
        std::error_code ec;
        fs::remove(pending_file(), ec);
        summary_.total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        summary_.sharded = true;
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
            if (k != key && queued_.insert(k).second) discovered(k);
            if (new_keys_.count(k)) files_by_key_[k].insert(a.path);
            keys_by_file_[a.path].insert(k);
            return k == key;
        };
        // A shard found in this run holds articles only from the files it
        // was found in: read just those, and record the other inputs as read
        // with none of its articles (the catch-all has just read them whole).
        const bool found_now = new_keys_.count(key) > 0;
        if (found_now) shard.paths.assign(files_by_key_[key].begin(), files_by_key_[key].end());
        const IngestSummary s = ingest(shard, errors);
        if (found_now) apply(key, plan_shard(key, true));
        add(summary_.total, s);
        if (first) {
            summary_.total.rejected = s.rejected;
            summary_.total.files = s.files;
        }
        summary_.written.push_back(key);
        publish(key);
    }

    std::filesystem::path pending_file() const { return archive_.dir() / "new-shards"; }

    // Remembered on disk until the run ends: if it does not, the next run
    // reads all inputs for these shards.
    void discovered(const std::string& key) {
        queue_.push_back(key);
        new_keys_.insert(key);
        append_to_file(pending_file(), key + '\n');  // refuses a link planted at new-shards
    }

    // Files the catch-all read whole in this run: their keys are known.
    // Renamed or copied files (same bytes as another known file) may not
    // have been read, so they do not count.
    void note_read_now(const std::unordered_map<std::string, FileRecord>& before) {
        std::set<std::string> hashes;
        for (const auto& [path, r] : before) hashes.insert(r.hash);
        for (const auto& [path, r] : catch_all_files_) {
            if (r.size < 0) continue;
            auto was = before.find(path);
            if (was != before.end() && was->second.size >= 0 && was->second.hash == r.hash) continue;
            if (was == before.end() && hashes.count(r.hash)) continue;
            read_now_.insert(path);
        }
    }

    // `found_now`: a shard created in this run, so no file the catch-all
    // read in an earlier run holds its articles (it would have been
    // found then; a run that stops early leaves its new keys in
    // pending_file() for a full read).
    Plan plan_shard(const std::string& key, bool found_now) {
        Plan plan;
        std::optional<Catalog> catalog = settled_catalog(archive_.shard_dir(key));
        if (!catalog) return Plan{true, {}, {}};
        std::error_code ec;
        const std::unordered_map<std::string, FileRecord> known = catalog->files();
        std::set<std::string> with_duplicates;
        sqlite::Statement dups(catalog->db(), "SELECT DISTINCT path FROM duplicates");
        while (dups.step()) with_duplicates.insert(dups.text(0));

        std::set<std::string> present;
        for (const InputFile& input : inputs_) {
            const std::string path = input.path;
            present.insert(path);
            auto mine = known.find(path);
            if (mine != known.end() && unchanged_since(mine->second, input.state)) continue;
            auto ref = catch_all_files_.find(path);
            if (ref == catch_all_files_.end() || !unchanged_since(ref->second, input.state) ||
                (mine != known.end() && mine->second.size < 0)) {
                plan.run = true;
                continue;
            }
            FileRecord record = ref->second;
            if (mine != known.end() && mine->second.hash == record.hash) {
                record.articles = mine->second.articles;  // same bytes: touched or restored
                plan.upserts.push_back(record);
                continue;
            }
            const bool holds = (mine != known.end() && mine->second.articles > 0) || with_duplicates.count(path);
            auto keys = keys_by_file_.find(path);
            const bool gets = keys != keys_by_file_.end() && keys->second.count(key);
            const bool keys_known = read_now_.count(path) || (found_now && mine == known.end());
            if (holds || gets || !keys_known) {
                plan.run = true;
                continue;
            }
            record.articles = 0;
            plan.upserts.push_back(record);
        }
        if (!options_.keep_deleted)
            for (const auto& [path, r] : known) {
                if (present.count(path) || !is_under(path, roots_) || fs::exists(path, ec)) continue;
                if (r.articles == 0 && !with_duplicates.count(path)) plan.forgets.push_back(path);
                else plan.run = true;
            }
        return plan;
    }

    // File records only: the shard's Xapian database is not opened.
    void apply(const std::string& key, const Plan& plan) {
        if (plan.upserts.empty() && plan.forgets.empty()) return;
        const fs::path dir = archive_.shard_dir(key);
        const std::optional<Generation> live = IndexLayout(dir).live();
        if (!live) return;
        WriterLock lock(IndexLayout(dir), options_.wait_seconds);
        Catalog catalog(live->catalog(), Catalog::Mode::ReadWrite);
        sqlite::Transaction batch(catalog.db());
        for (const FileRecord& r : plan.upserts) catalog.upsert_file(r);
        for (const std::string& path : plan.forgets) catalog.delete_file(path);
        batch.commit();
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
    std::set<std::string> new_keys_;                          // found in this run
    std::map<std::string, std::set<std::string>> files_by_key_;  // new key → files holding its articles
    std::map<std::string, std::set<std::string>> keys_by_file_;  // file → keys of its articles read in this run
    std::vector<InputFile> inputs_;
    std::vector<fs::path> roots_;
    std::unordered_map<std::string, FileRecord> catch_all_files_;  // after the catch-all's turn
    std::set<std::string> read_now_;  // files the catch-all read whole in this run
    RunSummary summary_;
};

}  // namespace

RunSummary index_inputs(const IngestOptions& options, const std::string& shard_by, std::ostream& errors) {
    if (shard_by.empty() && !ArchiveLayout::is_archive(options.index_dir)) return RunSummary{ingest(options, errors), false, {}, 0};
    return ShardedRun(options, shard_by, errors).go();
}

std::string format_run_summary(const RunSummary& summary) {
    if (!summary.sharded) return format_summary(summary.total);
    std::string out = format_summary(summary.total) + "; shards written: ";
    if (summary.written.empty()) out += "none";
    for (std::size_t i = 0; i < summary.written.size(); ++i) out += (i ? " " : "") + summary.written[i];
    if (summary.skipped) out += " (" + std::to_string(summary.skipped) + " unchanged)";
    return out;
}

}  // namespace newsdex
