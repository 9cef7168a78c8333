#include "index/shard_archive.h"

#include "base/errors.h"
#include "index/index_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr const char* kShardBy = "# shard-by: ";
constexpr const char* kShard = "# shard: ";

std::string trim(const std::string& s) {
    const std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool is_yyyymmdd(const std::string& s) {
    return s.size() == 8 && s.find_first_not_of("0123456789") == std::string::npos;
}

// "2025-03 dates: 20250301..20250331" into the entry.
void read_shard_comment(const std::string& rest, ShardEntry& entry, const std::string& where) {
    std::istringstream in(rest);
    std::string word;
    in >> entry.key;
    while (in >> word) {
        if (word != "dates:") continue;
        std::string range;
        in >> range;
        if (range == "none") {
            entry.no_dates = true;
            continue;
        }
        const std::size_t dots = range.find("..");
        if (dots == std::string::npos || !is_yyyymmdd(range.substr(0, dots)) || !is_yyyymmdd(range.substr(dots + 2)))
            throw IndexError(where + ": bad dates for shard " + entry.key + ": '" + range +
                             "' (expected YYYYMMDD..YYYYMMDD or none)");
        entry.first_date = range.substr(0, dots);
        entry.last_date = range.substr(dots + 2);
    }
    if (entry.key.empty()) throw IndexError(where + ": '# shard:' line without a shard name");
}

}  // namespace

bool ShardEntry::may_match(const std::string& since, const std::string& until) const {
    if (since.empty() && until.empty()) return true;
    if (no_dates) return false;  // date filters never match undated articles
    if (first_date.empty()) return true;
    if (!since.empty() && last_date < since) return false;
    if (!until.empty() && first_date > until) return false;
    return true;
}

ShardEntry* ArchiveStub::find(const std::string& key) {
    for (ShardEntry& s : shards)
        if (s.key == key) return &s;
    return nullptr;
}

ArchiveStub ArchiveStub::read(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw IndexError(file.string() + ": cannot read: " + std::strerror(errno));
    ArchiveStub stub;
    std::optional<ShardEntry> pending;
    std::string raw;
    int number = 0;
    while (std::getline(in, raw)) {
        ++number;
        const std::string line = trim(raw);
        const std::string where = file.string() + ":" + std::to_string(number);
        if (line.empty()) continue;
        if (line.starts_with(kShardBy)) {
            stub.shard_by = trim(line.substr(std::strlen(kShardBy)));
        } else if (line.starts_with(kShard)) {
            pending.emplace();
            read_shard_comment(line.substr(std::strlen(kShard)), *pending, where);
        } else if (line[0] == '#') {
            continue;
        } else {
            ShardEntry entry = pending ? *pending : ShardEntry{};
            entry.database = line;
            stub.shards.push_back(std::move(entry));
            pending.reset();
        }
    }
    return stub;
}

void ArchiveStub::write(const fs::path& file) const {
    std::ostringstream out;
    out << "# newsdex archive: a Xapian stub file listing the shards (see README, Scaling out)\n";
    if (!shard_by.empty()) out << kShardBy << shard_by << '\n';
    for (const ShardEntry& s : shards) {
        if (!s.key.empty()) {
            out << kShard << s.key;
            if (s.no_dates) out << " dates: none";
            else if (!s.first_date.empty()) out << " dates: " << s.first_date << ".." << s.last_date;
            out << '\n';
        }
        out << s.database << '\n';
    }
    replace_file(file, out.str());  // never through a link planted at the temporary name
}

bool ArchiveLayout::is_archive(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir, ec) && fs::is_regular_file(dir / "archive.stub", ec);
}

bool valid_shard_scheme(const std::string& shard_by) {
    return shard_by == "year" || shard_by == "month" || shard_by == "source";
}

std::string shard_key(const std::string& shard_by, const std::string& date, const std::string& source) {
    if (shard_by == "source") {
        std::string key;
        for (unsigned char c : source) {
            if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
            else if (c < 0x20 || c == '/' || c == '\\' || c == ' ' || c == ':' || c == '#' || c == 0x7f) key += '_';
            else key += static_cast<char>(c);
        }
        // Not "", ".", ".." or hidden; bounded for the file system.
        if (key.empty() || key[0] == '.') key = key.empty() ? "nosource" : "_" + key;
        if (key.size() > 100) key.resize(100);
        return key;
    }
    const bool dated = date.size() >= 7 && date.find_first_not_of("0123456789", 0) == 4 && date[4] == '-';
    if (!dated) return "undated";
    return shard_by == "year" ? date.substr(0, 4) : date.substr(0, 7);
}

std::pair<std::string, unsigned> parse_host_port(const std::string& address) {
    const std::size_t colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size())
        throw std::invalid_argument("bad address '" + address + "' (expected HOST:PORT)");
    const std::string port = address.substr(colon + 1);
    if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 || std::stoul(port) == 0 ||
        std::stoul(port) > 65535)
        throw std::invalid_argument("bad port in '" + address + "' (expected HOST:PORT)");
    return {address.substr(0, colon), static_cast<unsigned>(std::stoul(port))};
}

std::optional<RemoteAddress> parse_remote_line(const std::string& database) {
    std::istringstream in(database);
    std::string word;
    in >> word;
    if (word != "remote") return std::nullopt;
    RemoteAddress out;
    std::string address;
    in >> address;
    if (address == "-t") {
        std::string ms;
        in >> ms >> address;
        if (ms.empty() || ms.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        out.timeout_ms = static_cast<unsigned>(std::stoul(ms));
    } else if (address.starts_with("-t")) {
        const std::string ms = address.substr(2);
        if (ms.empty() || ms.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        out.timeout_ms = static_cast<unsigned>(std::stoul(ms));
        in >> address;
    }
    std::string extra;
    if (address.empty() || address[0] == ':' || (in >> extra)) return std::nullopt;  // a program, not TCP
    try {
        std::tie(out.host, out.port) = parse_host_port(address);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    return out;
}

}  // namespace newsdex
