// Several indexes searched as one (Xapian combines them and ranks across
// all), remembering which hit came from where.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <vector>

namespace newsdex {

// Opens each newsdex index directory's live generation read-only, or a
// Xapian stub file as it is. Throws IndexError naming the one that fails.
Xapian::Database open_indexes(const std::vector<std::filesystem::path>& indexes);

// Which of the combined indexes a document id belongs to (Xapian
// interleaves document ids of combined databases).
inline std::size_t index_of(Xapian::docid docid, std::size_t count) { return (docid - 1) % count; }

}  // namespace newsdex
