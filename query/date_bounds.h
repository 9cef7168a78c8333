// --since / --until: a date (2025-01-01, 20250101) or a span back from
// today (7d, 2w, 3m, 1y).
#pragma once

#include <string>

namespace newsdex {

// YYYYMMDD; throws QueryError("bad date ...") with what was expected.
std::string parse_date_bound(const std::string& text, int today_days);

}  // namespace newsdex
