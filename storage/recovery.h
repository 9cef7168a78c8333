// Repairs the one inconsistency the commit protocol allows: a batch that
// Xapian committed and the catalog did not (the process died in between, or
// the catalog's commit failed). Afterwards every catalog row has exactly one
// Xapian document with the same id, and every document has its row.
#pragma once

#include "catalog.h"

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

// Returns how many documents or rows were removed or corrected. Commits
// both stores. Files whose articles were touched are marked to be read again.
std::size_t reconcile(Xapian::WritableDatabase& xapian, Catalog& catalog);

// The differences reconcile() would fix, as readable lines (for `check`),
// between the catalog and the Xapian database in `xapian_dir`. Reads every
// document, on as many threads as there are cores.
std::vector<std::string> find_inconsistencies(const std::filesystem::path& xapian_dir, Catalog& catalog);

}  // namespace newsdex
