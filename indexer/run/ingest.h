// One indexing run: read every input, write what is new or changed, report
// what was rejected, and commit.
#pragma once

#include "base/article.h"
#include "readers/field_map.h"
#include "run/removal_limit.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace newsdex {

// For a step a run may take: Auto decides by the run's size.
enum class When { Auto, Always, Never };

// When to compact the index after a run (see should_compact in ingest.cpp).
using Compaction = When;
// Auto compacts only indexes at least this big: below it there is little
// to gain.
inline constexpr std::uintmax_t kAutoCompactBytes = 32u << 20;

// Whether a first run or rebuild writes the index in parallel segments
// (segment_set.h). Auto: when its inputs hold at least this much text
// (text_estimate.h) and a second core can write. Measured on 2 cores with
// dictionary lemmas (whose terms made the one writer thread the
// bottleneck), dev articles as JSON Lines, wall time of segments against
// one database: 0.7 MB +8%, 1.4 MB +5%, 2.4 MB -4%, 4.7 MB -7%, 23 MB -17%
// (and -15% on 2,871 text files); below the break-even the merge costs
// more than the second writer saves.
using Segments = When;
inline constexpr std::uintmax_t kAutoSegmentBytes = 2u << 20;

struct IngestOptions {
    std::filesystem::path index_dir;
    std::filesystem::path base;  // ids of file-based articles are relative to this
    std::vector<std::string> paths;
    FieldMap fields;
    std::string encoding;     // forced input encoding, empty to detect
    std::string errors_file;  // JSON Lines log of rejects, empty for none
    bool progress = false;
    bool verbose = false;
    double wait_seconds = 0;     // for the writer lock
    bool keep_deleted = false;   // keep articles whose files are gone
    bool rebuild = false;        // build a new generation and switch to it
    std::size_t batch_articles = 10000;
    std::optional<std::filesystem::path> topics_file;  // user topic profiles
    std::optional<unsigned> analysis_threads;  // beside the writer; default: cores - 1
    bool lemmas = true;  // dictionary lemmas beside stems (false: --stems-only)
    Compaction compaction = Compaction::Auto;
    Segments segments = Segments::Auto;
    RemovalLimit max_removals;
    // Only articles this accepts are written (a shard of an archive takes
    // its own); the others are read and passed over. None: all.
    std::function<bool(const Article&)> accept;
};

struct IngestSummary {
    std::size_t added = 0, updated = 0, unchanged = 0, removed = 0, duplicates = 0, rejected = 0;
    std::size_t moved_files = 0;
    std::size_t repaired = 0;  // documents fixed after an interrupted run
    std::size_t restored = 0;  // catalog rows rebuilt from the index (the catalog was lost or old)
    // Removals over the limit are not made: how many, and why (exit 2).
    std::size_t refused_removals = 0;
    std::string refusal;
    std::size_t files = 0;
    std::size_t bytes = 0;  // article text read
    std::uintmax_t compacted_from = 0, compacted_to = 0;  // bytes on disk, when compacted
    double compact_seconds = 0;
    // A first run or rebuild writes segments in parallel and merges them at
    // the end (segment_set.h): how many, and the index's size after.
    std::size_t merged_segments = 0;
    std::uintmax_t merged_to = 0;
    double merge_seconds = 0;
    double seconds = 0;
};

// Rejected inputs are reported on `errors`, one line each. Throws
// IndexBusy when another writer holds the index past the wait, IndexError
// if the index itself cannot be written (the failing batch is rolled back;
// batches committed before it stay, consistent; a failed rebuild leaves the
// live index untouched).
IngestSummary ingest(const IngestOptions& options, std::ostream& errors);

std::string format_summary(const IngestSummary& summary);

// The run's exit status: 2 when removals were refused, 3 when inputs were
// rejected, else 0.
int exit_status(const IngestSummary& summary);

// The summary as one JSON object (--summary-json), for scripts:
// {"type":"summary","format":1,"index":DIR,"added":N,...,"changed":BOOL,"exit":N[,"error":TEXT]}.
// `index` is the index directory the run wrote.
std::string summary_json(const IngestSummary& summary, int exit_status, const std::string& index,
                         const std::string& error = {});

}  // namespace newsdex
