#include "run/shard_maintenance.h"

#include "catalog/catalog.h"
#include "run/disk_usage.h"
#include "base/errors.h"
#include "index/index_layout.h"
#include "index/shard_archive.h"
#include "catalog/sqlite.h"
#include "index/writer_lock.h"

#include <cstdio>
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
    auto iso = [](const std::string& d) { return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2); };
    return iso(s.first_date) + " .. " + iso(s.last_date);
}

// Runs `work` on every local shard, prefixing its output; returns the
// worst exit status.
int each_local_shard(const MaintenanceOptions& options, std::ostream& out,
                     const std::function<int(const MaintenanceOptions&, std::ostream&)>& work) {
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
    return worst;
}

}  // namespace

int check_archive(const MaintenanceOptions& options, std::ostream& out) {
    const int status = each_local_shard(options, out, check_index);
    const ArchiveLayout archive(options.index_dir);
    int64_t articles = 0;
    std::size_t shards = 0;
    for (const ShardEntry& s : read_archive(options.index_dir).shards)
        if (has_local_dir(archive, s)) {
            ++shards;
            articles += shard_articles(archive.shard_dir(s.key));
        }
    out << "archive: " << shards << " local shards, " << articles << " articles, " << (status ? "problems" : "ok")
        << '\n';
    return status;
}

int compact_archive(const MaintenanceOptions& options, std::ostream& out) {
    const uintmax_t before = size_on_disk(options.index_dir);
    const int status = each_local_shard(options, out, [](const MaintenanceOptions& o, std::ostream& text) {
        compact_index(o, text);
        return 0;
    });
    out << "archive: " << megabytes(before) << " before, " << megabytes(size_on_disk(options.index_dir)) << " after\n";
    return status;
}

void retopic_archive(const MaintenanceOptions& options, std::ostream& out) {
    if (each_local_shard(options, out, [](const MaintenanceOptions& o, std::ostream& text) {
            retopic_index(o, text);
            return 0;
        }))
        throw IndexError(options.index_dir.string() + ": some shards could not be rescored (see above)");
}

void print_archive_stats(const MaintenanceOptions& options, std::ostream& out) {
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
}

void list_shards(const fs::path& dir, std::ostream& out) {
    const ArchiveStub stub = read_archive(dir);
    for (const ShardEntry& s : stub.shards)
        out << (s.key.empty() ? "(unnamed)" : s.key) << '\t' << dates(s) << '\t' << s.database << '\n';
}

void set_shard_remote(const fs::path& dir, const std::string& key, const std::string& address, double wait_seconds,
                      std::ostream& out) {
    const auto [host, port] = parse_host_port(address);
    const ArchiveLayout archive(dir);
    WriterLock lock(IndexLayout(dir), wait_seconds);
    ArchiveStub stub = read_archive(dir);
    ShardEntry* s = stub.find(key);
    if (!s) throw std::invalid_argument(dir.string() + ": no shard '" + key + "' (see newsdex-index shards)");
    // No "-t": Xapian 1.4's stub reader takes only HOST:PORT; newsdex-query
    // applies its own --timeout.
    s->database = "remote " + host + ":" + std::to_string(port);
    stub.write(archive.stub());
    out << key << ": served by " << host << ":" << port << '\n';
}

void set_shard_local(const fs::path& dir, const std::string& key, double wait_seconds, std::ostream& out) {
    const ArchiveLayout archive(dir);
    WriterLock lock(IndexLayout(dir), wait_seconds);
    ArchiveStub stub = read_archive(dir);
    ShardEntry* s = stub.find(key);
    if (!s) throw std::invalid_argument(dir.string() + ": no shard '" + key + "' (see newsdex-index shards)");
    if (!has_local_dir(archive, *s)) throw IndexError(archive.shard_dir(key).string() + ": no local copy of the shard");
    s->database = ArchiveLayout::local_database(key);
    stub.write(archive.stub());
    out << key << ": local (" << archive.shard_dir(key).string() << ")\n";
}

}  // namespace newsdex
