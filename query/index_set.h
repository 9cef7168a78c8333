// Several indexes searched as one (Xapian combines them and ranks across
// all, with collection statistics from all), remembering which hit came
// from where.
//
// An index is a newsdex index directory, a sharded archive (a directory
// with archive.stub, see shard_archive.h) or a Xapian stub file. Archives
// and stub files are opened line by line, so that shards which cannot hold
// a hit of a date-limited query are not opened at all, and a remote shard
// (xapian-tcpsrv) that is down or too slow is left out — reported as
// missing — instead of failing the whole query.
#pragma once

#include "base/errors.h"

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct OpenOptions {
    std::string since, until;       // YYYYMMDD (inclusive) or empty: prune archive shards by their dates
    double timeout_seconds = 10;    // remote shards: connecting, and each request after
    std::set<std::string> leave_out;  // shard names found dead earlier in this query
};

// One database combined in an IndexSet's `db`.
struct Shard {
    std::string name;     // the index, or the archive's shard key
    std::string address;  // HOST:PORT of a remote shard; empty for a local one
    bool remote() const { return !address.empty(); }
    // "NAME (HOST:PORT)" for messages
    std::string shown() const { return remote() ? name + " (" + address + ")" : name; }
};

struct IndexSet {
    Xapian::Database db;
    std::vector<Shard> shards;         // one per database combined in `db`, in order
    std::vector<std::string> names() const;
    bool any_remote() const;
    std::vector<std::string> missing;  // "NAME: reason" for shards left out
    // The local databases alone (all of them if none is local): spelling
    // suggestions scan the vocabulary, which over a remote shard means
    // streaming its whole term list.
    Xapian::Database vocabulary;
};

// Not one shard could be opened, every one of them remote and down or too
// slow: asking again would wait for each of them again (every attempt costs
// up to --timeout), so the query gives up at once.
struct ShardsUnavailable : IndexError {
    using IndexError::IndexError;
};

// Throws IndexError naming the index that fails (a local one; a remote
// shard that fails is listed in `missing`), or ShardsUnavailable when
// nothing could be opened.
IndexSet open_index_set(const std::vector<std::filesystem::path>& indexes, const OpenOptions& options);

// A remote shard connected to, or why not.
struct RemoteConnection {
    std::optional<Xapian::Database> db;
    std::string error;  // Xapian's reason, when db is empty
};

// Connects to every HOST:PORT at once, each but the first on a thread of
// its own, each given `timeout_seconds` to connect and to answer: however
// many servers are down or silent, a query waits one --timeout for them
// (it waited one for each, one after another). In the order given.
std::vector<RemoteConnection> connect_remote_shards(const std::vector<std::pair<std::string, unsigned>>& addresses,
                                                    double timeout_seconds);

// Which of the combined databases a document id belongs to (Xapian
// interleaves document ids of combined databases).
inline std::size_t index_of(Xapian::docid docid, std::size_t count) { return (docid - 1) % count; }

}  // namespace newsdex
