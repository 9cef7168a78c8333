#include "file_tracker.h"

#include "errors.h"

#include <sys/stat.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

namespace newsdex {
namespace fs = std::filesystem;

std::string file_hash(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(std::string("cannot open: ") + std::strerror(errno));
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), XXH3_freeState);
    XXH3_128bits_reset(state.get());
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        XXH3_128bits_update(state.get(), buf, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw InputError(std::string("read error: ") + std::strerror(errno));
    const XXH128_hash_t h = XXH3_128bits_digest(state.get());
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return hex;
}

FileTracker::FileTracker(IndexWriter& writer) : writer_(writer), known_(writer.catalog().files()) {
    for (const auto& [path, record] : known_) by_hash_.emplace(record.hash, path);
}

FileTracker::Decision FileTracker::examine(const fs::path& path, const FileState& state) {
    const std::string key = path.string();
    seen_.insert(key);
    Decision d;
    d.state = state;
    auto known = known_.find(key);
    if (known != known_.end() && known->second.size == d.state.size && known->second.mtime_ns == d.state.mtime_ns &&
        known->second.inode == d.state.inode) {
        d.verdict = Verdict::Unchanged;
        d.articles = known->second.articles;
        return d;
    }
    d.hash = file_hash(path);
    if (known != known_.end() && known->second.size >= 0 && known->second.hash == d.hash) {
        // Touched, copied back, restored from backup: same bytes.
        d.verdict = Verdict::Unchanged;
        d.articles = known->second.articles;
        read_done(path, d, d.articles);
        return d;
    }
    if (known == known_.end()) {
        auto [begin, end] = by_hash_.equal_range(d.hash);
        for (auto it = begin; it != end; ++it) {
            const std::string old_path = it->second;
            std::error_code ec;
            if (seen_.count(old_path) || fs::exists(old_path, ec)) continue;
            // The same bytes vanished from another path: a rename or move.
            FileRecord moved = known_.at(old_path);
            if (moved.size < 0) continue;
            moved.path = key;
            moved.size = d.state.size;
            moved.mtime_ns = d.state.mtime_ns;
            moved.inode = d.state.inode;
            writer_.catalog().move_file(old_path, moved);
            by_hash_.erase(it);
            by_hash_.emplace(d.hash, key);
            known_.erase(old_path);
            known_[key] = moved;
            d.verdict = Verdict::Moved;
            d.articles = moved.articles;
            return d;
        }
    }
    d.verdict = Verdict::Read;
    return d;
}

void FileTracker::read_done(const fs::path& path, const Decision& decision, int64_t articles) {
    FileRecord record{path.string(), decision.state.size, decision.state.mtime_ns, decision.state.inode, decision.hash,
                      articles};
    writer_.catalog().upsert_file(record);
    known_[record.path] = record;
    by_hash_.emplace(record.hash, record.path);
}

void FileTracker::invalidate(const std::string& path) {
    auto it = known_.find(path);
    if (it == known_.end()) return;
    it->second.size = -1;
    writer_.catalog().invalidate_file(path);
}

std::vector<std::string> FileTracker::deleted_under(const std::vector<fs::path>& roots) const {
    std::vector<std::string> out;
    for (const auto& [path, record] : known_) {
        if (seen_.count(path)) continue;
        bool inside = false;
        for (const fs::path& root : roots) {
            const std::string r = root.string();
            if (path == r || (path.size() > r.size() && path.compare(0, r.size(), r) == 0 && path[r.size()] == '/'))
                inside = true;
        }
        std::error_code ec;
        if (inside && !fs::exists(path, ec) && !ec) out.push_back(path);
    }
    return out;
}

void FileTracker::forget(const std::string& path) {
    writer_.catalog().delete_file(path);
    known_.erase(path);
}

}  // namespace newsdex
