// Publication dates as Russian news writes them, normalized for the catalog:
// "YYYY-MM-DD" when only a date is known, "YYYY-MM-DDTHH:MM:SSZ" (UTC) when a time is known.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// Reads ISO 8601, RFC 2822/822, Russian ("24 ноября 2025 г., 14:05") and
// day-first numeric ("24.11.2025") dates. A time without a zone is taken to be
// in `default_utc_offset_minutes` (Moscow, +180, unless the caller says
// otherwise); converting to UTC may move the date to the previous/next day.
// nullopt for anything not read with confidence, impossible calendar dates and
// years outside 1900..2100. Never throws on bad input.
std::optional<std::string> normalize_date(std::string_view text, int default_utc_offset_minutes = 180);

// A date embedded in a file path or URL: ".../2025/11/24/...", ".../2025-11-24...",
// ".../20251124/..." or "..._20251124_...", ".../2025/11/..." is NOT enough (needs a day).
// Returns "YYYY-MM-DD" or nullopt. Years 1900..2100 only; must be a real calendar date.
std::optional<std::string> date_from_path(std::string_view path);

}  // namespace newsdex
