#include "timeline.h"

#include "base/dates.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace newsdex {

using std::chrono::year_month_day;

std::optional<Period> period_named(std::string_view name) {
    if (name == "day") return Period::Day;
    if (name == "week") return Period::Week;
    if (name == "month") return Period::Month;
    if (name == "year") return Period::Year;
    return std::nullopt;
}

const char* period_name(Period period) {
    switch (period) {
        case Period::Day: return "day";
        case Period::Week: return "week";
        case Period::Month: return "month";
        case Period::Year: return "year";
    }
    return "";
}

year_month_day period_start(year_month_day day, Period period) {
    using namespace std::chrono;
    switch (period) {
        case Period::Day: return day;
        case Period::Week: {
            const sys_days d{day};
            return year_month_day{d - days{weekday{d}.iso_encoding() - 1}};
        }
        case Period::Month: return day.year() / day.month() / 1;
        case Period::Year: return day.year() / January / 1;
    }
    return day;
}

year_month_day next_period(year_month_day start, Period period) {
    using namespace std::chrono;
    switch (period) {
        case Period::Day: return year_month_day{sys_days{start} + days{1}};
        case Period::Week: return year_month_day{sys_days{start} + days{7}};
        case Period::Month: {
            const year_month next = year_month{start.year(), start.month()} + months{1};
            return next.year() / next.month() / 1;
        }
        case Period::Year: return (start.year() + years{1}) / January / 1;
    }
    return start;
}

std::string period_label(year_month_day start, Period period) {
    const std::string iso = iso_date(start);
    switch (period) {
        case Period::Month: return iso.substr(0, 7);
        case Period::Year: return iso.substr(0, 4);
        default: return iso;
    }
}

Timeline make_timeline(const std::vector<DayCount>& days, Xapian::doccount total, Period period) {
    Timeline timeline;
    timeline.period = period;
    timeline.total = total;
    std::map<std::chrono::sys_days, Xapian::doccount> counts;
    Xapian::doccount dated = 0;
    for (const DayCount& day : days) {
        const std::optional<year_month_day> date = date_of_key(day.key);
        if (!date) continue;
        counts[std::chrono::sys_days{period_start(*date, period)}] += day.count;
        dated += day.count;
    }
    timeline.undated = total > dated ? total - dated : 0;
    if (counts.empty()) return timeline;
    const std::chrono::sys_days last = counts.rbegin()->first;
    for (year_month_day start{counts.begin()->first}; std::chrono::sys_days{start} <= last;
         start = next_period(start, period)) {
        const auto found = counts.find(std::chrono::sys_days{start});
        timeline.periods.push_back({start, found == counts.end() ? 0 : found->second});
    }
    return timeline;
}

}  // namespace newsdex
