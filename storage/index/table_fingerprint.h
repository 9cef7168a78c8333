// A fingerprint of the bytes of a Xapian database's files, recorded in the
// catalog when a writer is done, so the next writer can tell that the
// index was damaged (a flipped byte in postings, positions or document
// data) before it writes more into it.
//
// Why bytes and not Xapian's own check: Xapian's check of the dev index
// takes 8 s (its per-table checks 0.5-3.4 s each), too slow to run before
// every nightly top-up, and glass blocks carry no checksums, so a flipped
// byte in a posting goes unnoticed by anything short of that full check.
// Hashing the dev index's 246 MB of tables takes 0.03 s from the page cache
// on two cores (0.056 s on one: a writing run hashes twice). The bytes
// of a glass database do not change while its revision stays the same,
// except when a writer wrote blocks of a revision it never committed (it
// died mid-batch): so the fingerprint is dropped before a writer first
// changes anything and recorded again when it is done (see index_writer.h).
#pragma once

#include "catalog/catalog.h"

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

namespace newsdex {

// Catalog meta key: "<revision> <hash>". ("xapian_tables" held a hash of
// the files whole until 2026-12-06: no writer reads it, and recording a
// fingerprint removes it.)
inline constexpr const char* kTablesMeta = "xapian_tables2";

// XXH3-128 of the names, sizes and bytes of every file of the database
// (the lock file aside), in name order; the bytes hashed in 8 MB pieces on
// every core, the pieces' hashes then hashed in order.
std::string table_fingerprint(const std::filesystem::path& xapian_dir);

// Records the database's fingerprint at its current revision.
void record_table_fingerprint(Catalog& catalog, const std::filesystem::path& xapian_dir, Xapian::rev revision);

// nullopt when the files are as recorded, or when nothing was recorded for
// this revision (an older index, or one whose last writer did not finish);
// else why not.
std::optional<std::string> table_damage(Catalog& catalog, const std::filesystem::path& xapian_dir,
                                        Xapian::rev revision);

}  // namespace newsdex
