// The current time as ISO 8601 UTC ("2025-11-24T14:05:00Z"), for records.
#pragma once

#include <string>

namespace newsdex {

std::string utc_now();
// The same as digits only, "20251124140500": sortable, for Xapian values.
std::string utc_now_compact();

}  // namespace newsdex
