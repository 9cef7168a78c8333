#include "index_set.h"

#include "base/errors.h"
#include "index/index_reader.h"
#include "index/shard_archive.h"
#include "base/xapian_reason.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <thread>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

bool local_type(const std::string& type) { return type == "auto" || type == "glass" || type == "chert" || type == "honey"; }

// Whether every database line of a stub is one we open ourselves; if not,
// Xapian opens the whole file.
bool understood(const ArchiveStub& stub) {
    for (const ShardEntry& s : stub.shards) {
        std::istringstream in(s.database);
        std::string type;
        in >> type;
        if (s.is_remote() ? !parse_remote_line(s.database) : !local_type(type)) return false;
    }
    return true;
}

unsigned milliseconds(double seconds) { return static_cast<unsigned>(std::lround(std::max(0.001, seconds) * 1000.0)); }

class Opener {
public:
    Opener(const OpenOptions& options, bool several) : options_(options), several_(several) {}

    void add_path(const fs::path& path) {
        std::error_code ec;
        if (ArchiveLayout::is_archive(path)) {
            add_stub(ArchiveLayout(path).stub(), path, true);
        } else if (fs::is_regular_file(path, ec)) {
            add_stub(path, path, false);
        } else {
            add(open_index_readonly(path), path.string());
        }
    }

    IndexSet take() {
        if (set_.shards.empty() && !set_.missing.empty()) {
            std::string all;
            for (const std::string& m : set_.missing) all += (all.empty() ? "" : "; ") + m;
            throw ShardsUnavailable("no shard could be opened: " + all);
        }
        // Every shard left out by its dates: an empty database answers
        // "nothing matched", where Xapian refuses to search no database.
        if (set_.shards.empty()) add(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY), "");
        if (set_.vocabulary.size() == 0 || !any_remote_) set_.vocabulary = set_.db;
        return std::move(set_);
    }

private:
    void add(Xapian::Database db, const std::string& name, const std::string& address = {}) {
        set_.db.add_database(db);
        if (address.empty()) set_.vocabulary.add_database(db);
        else any_remote_ = true;
        // A stub can itself list several databases: one name for each, so
        // that index_of() maps every document id.
        for (std::size_t i = 0; i < std::max<std::size_t>(1, db.size()); ++i) {
            set_.shards.push_back(Shard{name, address});
        }
    }

    void add_stub(const fs::path& file, const fs::path& shown, bool archive) {
        ArchiveStub stub;
        try {
            stub = ArchiveStub::read(file);
        } catch (const IndexError&) {
            if (archive) throw;
            stub.shards.clear();
        }
        if (!archive && (stub.shards.empty() || !understood(stub))) {
            try {
                add(Xapian::Database(file.string()), shown.string());
            } catch (const Xapian::Error& e) {
                throw IndexError(file.string() + ": cannot open stub file: " + e.get_msg());
            }
            return;
        }
        // Not opened: no article in the date range, or already reported missing.
        std::vector<const ShardEntry*> opened;
        for (const ShardEntry& s : stub.shards)
            if (s.may_match(options_.since, options_.until) && !options_.leave_out.count(shard_name(shown, s)))
                opened.push_back(&s);
        // The remote ones connected to at once, then all added in the
        // stub's order (which document ids follow).
        std::vector<std::pair<std::string, unsigned>> addresses;
        for (const ShardEntry* s : opened)
            if (s->is_remote()) {
                const RemoteAddress where = *parse_remote_line(s->database);
                addresses.emplace_back(where.host, where.port);
            }
        std::vector<RemoteConnection> connections = connect_remote_shards(addresses, options_.timeout_seconds);
        auto connection = connections.begin();
        auto address = addresses.begin();
        for (const ShardEntry* s : opened) {
            const std::string name = shard_name(shown, *s);
            if (s->is_remote())
                add_remote(std::move(*connection++), name, *address++);
            else
                add_local(file, *s, name);
        }
    }

    std::string shard_name(const fs::path& shown, const ShardEntry& s) const {
        const std::string key = s.key.empty() ? s.database : s.key;
        return several_ ? shown.string() + "#" + key : key;
    }

    void add_local(const fs::path& stub_file, const ShardEntry& s, const std::string& name) {
        std::istringstream in(s.database);
        std::string type, target;
        in >> type >> target;
        fs::path path = target;
        if (path.is_relative()) path = stub_file.parent_path() / path;  // as Xapian reads stub files
        try {
            add(Xapian::Database(path.string()), name);
        } catch (const Xapian::DatabaseNotFoundError& e) {
            throw IndexError(stub_file.string() + ": shard " + name + ": cannot open " + path.string() + ": " +
                             xapian_reason(e));
        }
    }

    void add_remote(RemoteConnection connection, const std::string& name,
                    const std::pair<std::string, unsigned>& where) {
        const std::string address = where.first + ":" + std::to_string(where.second);
        if (connection.db)
            add(std::move(*connection.db), name, address);
        else
            set_.missing.push_back(name + " (" + address + "): " + connection.error);
    }

    const OpenOptions& options_;
    bool several_;
    bool any_remote_ = false;
    IndexSet set_;
};

}  // namespace

std::vector<std::string> IndexSet::names() const {
    std::vector<std::string> out;
    for (const Shard& s : shards) out.push_back(s.name);
    return out;
}

bool IndexSet::any_remote() const {
    return std::any_of(shards.begin(), shards.end(), [](const Shard& s) { return s.remote(); });
}

std::vector<RemoteConnection> connect_remote_shards(const std::vector<std::pair<std::string, unsigned>>& addresses,
                                                    double timeout_seconds) {
    const unsigned timeout = milliseconds(timeout_seconds);
    std::vector<RemoteConnection> out(addresses.size());
    const auto connect = [&](std::size_t i) {
        try {
            out[i].db = Xapian::Remote::open(addresses[i].first, addresses[i].second, timeout, timeout);
        } catch (const Xapian::Error& e) {
            out[i].error = xapian_reason(e);
        } catch (const std::exception& e) {
            out[i].error = e.what();
        }
    };
    {
        std::vector<std::jthread> others;  // joined at the end of this block
        for (std::size_t i = 1; i < addresses.size(); ++i) others.emplace_back(connect, i);
        if (!addresses.empty()) connect(0);
    }
    return out;
}

IndexSet open_index_set(const std::vector<fs::path>& indexes, const OpenOptions& options) {
    Opener opener(options, indexes.size() > 1);
    for (const fs::path& path : indexes) opener.add_path(path);
    return opener.take();
}

}  // namespace newsdex
