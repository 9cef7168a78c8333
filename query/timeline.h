// How many matching articles each day, week, month or year holds: the
// counts behind --timeline, made from the day counts of the date slot.
#pragma once

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class Period { Day, Week, Month, Year };

// "day", "week", "month", "year"; nullopt for anything else.
std::optional<Period> period_named(std::string_view name);
const char* period_name(Period period);

// The first day of the period holding `day` (weeks start on Monday, as ISO
// 8601's do) and the first day of the next one.
std::chrono::year_month_day period_start(std::chrono::year_month_day day, Period period);
std::chrono::year_month_day next_period(std::chrono::year_month_day start, Period period);

// How people read a period: 2025-07-14 (a day, or a week by its Monday),
// 2025-07, 2025.
std::string period_label(std::chrono::year_month_day start, Period period);

struct PeriodCount {
    std::chrono::year_month_day start;
    Xapian::doccount count = 0;
};

struct Timeline {
    Period period = Period::Month;
    // Every period from the first dated match's to the last's, empty ones
    // included: a gap in coverage is part of the picture.
    std::vector<PeriodCount> periods;
    Xapian::doccount undated = 0;  // matches without a date: counted apart
    Xapian::doccount total = 0;    // dated and undated
};

struct DayCount {
    std::string key;  // "YYYYMMDD", as the date slot holds it
    Xapian::doccount count = 0;
};

// The timeline of `total` matches whose dated ones fall on `days` (keys
// that are not real days count as undated).
Timeline make_timeline(const std::vector<DayCount>& days, Xapian::doccount total, Period period);

}  // namespace newsdex
