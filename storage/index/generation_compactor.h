// Compacting a generation into a new one: Xapian's compactor (document ids
// kept, since the catalog refers to them) and SQLite's VACUUM INTO, then the
// same agreement check a rebuild passes, then the switch. Readers see the old
// generation until the new one is complete and checked.
#pragma once

#include "index/index_layout.h"
#include "index/segment_set.h"


namespace newsdex {

// Compacts `live` into a new generation of `layout` and publishes it, then
// removes the old one. The caller holds the writer lock and has no writer
// open on `live`. Throws IndexError (the live index unchanged) on failure.
// With `merge`, the segments of a segmented run are merged in as well (the
// same compaction, with more sources), which completes that run.
Generation compact_generation(const IndexLayout& layout, const Generation& live, const SegmentMerge& merge = {});

}  // namespace newsdex
