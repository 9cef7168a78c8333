// Opens an index for reading. Never writes: the query tool uses only this.
#pragma once

#include "index_location.h"

#include <xapian.h>

namespace newsdex {

// Throws IndexError naming the directory when there is no usable index.
Xapian::Database open_index_readonly(const std::filesystem::path& dir);

}  // namespace newsdex
