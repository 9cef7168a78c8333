// Opens an index for reading. Never writes: the query tool uses only this.
#pragma once

#include "index/index_layout.h"

#include <xapian.h>

namespace newsdex {

// Opens the live generation. Throws IndexError naming the directory when
// there is no usable index.
Xapian::Database open_index_readonly(const std::filesystem::path& dir);

}  // namespace newsdex
