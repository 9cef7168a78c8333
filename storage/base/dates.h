// Dates as newsdex stores and compares them, on std::chrono::year_month_day.
// Articles carry "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM:SSZ"); the index, shard
// date ranges and date filters use the key "YYYYMMDD" (schema.h), which
// sorts as the dates do.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// "2025-03-07" → "2025-03-07"; the form articles carry.
std::string iso_date(const std::chrono::year_month_day& date);

// "2025-03-07" → "20250307"; the key.
std::string date_key(const std::chrono::year_month_day& date);

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" → the key; nullopt for other
// forms (the digits are not checked: stored dates were checked when read).
std::optional<std::string> date_key(std::string_view date);

// A key ("YYYYMMDD") → the date; nullopt unless it is 8 digits naming a
// real day.
std::optional<std::chrono::year_month_day> date_of_key(std::string_view key);

}  // namespace newsdex
