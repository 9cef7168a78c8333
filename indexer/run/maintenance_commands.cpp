#include "run/maintenance_commands.h"

#include "catalog/catalog.h"
#include "base/dates.h"
#include "run/disk_usage.h"
#include "base/errors.h"
#include "index/index_layout.h"
#include "index/shard_archive.h"
#include "catalog/sqlite.h"
#include "index/writer_lock.h"

#include <functional>
#include <sstream>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

ArchiveStub read_archive(const fs::path& dir) {
    if (!ArchiveLayout::is_archive(dir)) throw IndexError(dir.string() + ": not a sharded archive (no archive.stub)");
    return ArchiveStub::read(ArchiveLayout(dir).stub());
}

// Local shards have a directory under shards/ (also when readers are sent
// to a remote copy, the indexer keeps writing here).
bool has_local_dir(const ArchiveLayout& archive, const ShardEntry& s) {
    std::error_code ec;
    return !s.key.empty() && fs::exists(archive.shard_dir(s.key) / "index.stub", ec);
}

void prefixed(std::ostream& out, const std::string& key, const std::string& text) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out << key << ": " << line << '\n';
}

int64_t shard_articles(const fs::path& dir) {
    const std::optional<Generation> live = IndexLayout(dir).live();
    if (!live) return 0;
    return Catalog(live->catalog(), Catalog::Mode::ReadOnly).count();
}

std::string dates(const ShardEntry& s) {
    if (s.no_dates) return "no dates";
    if (s.first_date.empty()) return "dates unknown";
    const auto iso = [](const std::string& key) {
        const std::optional<std::chrono::year_month_day> date = date_of_key(key);
        return date ? iso_date(*date) : key;
    };
    return iso(s.first_date) + " .. " + iso(s.last_date);
}

using Work = std::function<int(const MaintenanceOptions&, std::ostream&)>;
using Total = std::function<void(const ArchiveLayout&, const ArchiveStub&, int status)>;

// Runs `work` on every index --db holds; returns the worst exit status. A
// single index is the one shard: `work` runs on it as it is (its errors
// end the command). In an archive a shard's lines are prefixed with its
// key, a shard that fails says why and the others go on, and `total` ends
// the report.
int each_shard(const MaintenanceOptions& options, std::ostream& out, const Work& work, const Total& total) {
    if (!ArchiveLayout::is_archive(options.index_dir)) return work(options, out);
    const ArchiveLayout archive(options.index_dir);
    const ArchiveStub stub = read_archive(options.index_dir);
    int worst = 0;
    for (const ShardEntry& s : stub.shards) {
        if (!has_local_dir(archive, s)) {
            out << (s.key.empty() ? s.database : s.key) << ": not local (" << s.database << "), skipped\n";
            continue;
        }
        MaintenanceOptions shard = options;
        shard.index_dir = archive.shard_dir(s.key);
        std::ostringstream text;
        int status = 0;
        try {
            status = work(shard, text);
        } catch (const IndexBusy&) {
            prefixed(out, s.key, text.str());
            throw;
        } catch (const std::exception& e) {
            text << "error: " << e.what() << '\n';
            status = 2;
        }
        prefixed(out, s.key, text.str());
        worst = std::max(worst, status);
    }
    total(archive, stub, worst);
    return worst;
}

// A change to the stub's line for options.shard_key, under the archive's lock.
int change_stub_line(const MaintenanceOptions& options,
                     const std::function<std::string(const ArchiveLayout&, ShardEntry&)>& change, std::ostream& out) {
    const fs::path& dir = options.index_dir;
    const ArchiveLayout archive(dir);
    WriterLock lock(IndexLayout(dir), options.wait_seconds);
    ArchiveStub stub = read_archive(dir);
    const std::string& key = options.shard_key;
    ShardEntry* s = stub.find(key);
    if (!s) throw std::invalid_argument(dir.string() + ": no shard '" + key + "' (see newsdex-index shards)");
    const std::string said = change(archive, *s);
    stub.write(archive.stub());
    out << key << ": " << said << '\n';
    return 0;
}

}  // namespace

int check(const MaintenanceOptions& options, std::ostream& out) {
    return each_shard(options, out, check_index, [&](const ArchiveLayout& archive, const ArchiveStub& stub, int status) {
        int64_t articles = 0;
        std::size_t shards = 0;
        for (const ShardEntry& s : stub.shards)
            if (has_local_dir(archive, s)) {
                ++shards;
                articles += shard_articles(archive.shard_dir(s.key));
            }
        out << "archive: " << shards << " local shards, " << articles << " articles, "
            << (status ? "problems" : "ok") << '\n';
    });
}

int compact(const MaintenanceOptions& options, std::ostream& out) {
    const uintmax_t before = size_on_disk(options.index_dir);
    return each_shard(options, out, compact_index, [&](const ArchiveLayout& archive, const ArchiveStub&, int) {
        out << "archive: " << megabytes(before) << " before, " << megabytes(size_on_disk(archive.dir())) << " after\n";
    });
}

int retopic(const MaintenanceOptions& options, std::ostream& out) {
    each_shard(options, out, retopic_index, [&](const ArchiveLayout&, const ArchiveStub&, int status) {
        if (status) throw IndexError(options.index_dir.string() + ": some shards could not be rescored (see above)");
    });
    return 0;
}

int stats(const MaintenanceOptions& options, std::ostream& out) {
    if (!ArchiveLayout::is_archive(options.index_dir)) return print_stats(options, out);
    const ArchiveLayout archive(options.index_dir);
    const ArchiveStub stub = read_archive(options.index_dir);
    std::size_t local = 0, remote = 0;
    int64_t articles = 0;
    for (const ShardEntry& s : stub.shards) (s.is_remote() ? remote : local)++;
    out << "archive:    " << fs::absolute(archive.dir()).string() << " (sharded by " << stub.shard_by << ", "
        << stub.shards.size() << " shards: " << local << " local, " << remote << " remote, "
        << megabytes(size_on_disk(archive.dir())) << " here)\n";
    for (const ShardEntry& s : stub.shards) {
        out << "shard " << (s.key.empty() ? "(unnamed)" : s.key) << ": ";
        if (has_local_dir(archive, s)) {
            const int64_t n = shard_articles(archive.shard_dir(s.key));
            articles += n;
            out << n << " articles, " << dates(s) << ", " << megabytes(size_on_disk(archive.shard_dir(s.key)));
        } else {
            out << dates(s);
        }
        if (s.is_remote()) out << ", served by " << s.database.substr(7);
        out << '\n';
    }
    out << "articles:   " << articles << " in local shards\n";
    return 0;
}

int shards(const MaintenanceOptions& options, std::ostream& out) {
    const std::string& key = options.shard_key;
    if (key.empty()) {
        for (const ShardEntry& s : read_archive(options.index_dir).shards)
            out << (s.key.empty() ? "(unnamed)" : s.key) << '\t' << dates(s) << '\t' << s.database << '\n';
        return 0;
    }
    if (options.shard_address.empty())
        return change_stub_line(options, [&](const ArchiveLayout& archive, ShardEntry& s) {
            if (!has_local_dir(archive, s))
                throw IndexError(archive.shard_dir(key).string() + ": no local copy of the shard");
            s.database = ArchiveLayout::local_database(key);
            return "local (" + archive.shard_dir(key).string() + ")";
        }, out);
    const auto [host, port] = parse_host_port(options.shard_address);
    const std::string address = host + ":" + std::to_string(port);
    return change_stub_line(options, [&](const ArchiveLayout&, ShardEntry& s) {
        // No "-t": Xapian 1.4's stub reader takes only HOST:PORT;
        // newsdex-query applies its own --timeout.
        s.database = "remote " + address;
        return "served by " + address;
    }, out);
}

}  // namespace newsdex
