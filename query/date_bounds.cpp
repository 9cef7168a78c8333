#include "date_bounds.h"

#include "base/dates.h"
#include "base/errors.h"
#include "recency.h"

#include <chrono>

namespace newsdex {
namespace {

std::string ymd_of(std::chrono::sys_days day) { return date_key(std::chrono::year_month_day{day}); }

bool digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

}  // namespace

std::string parse_date_bound(const std::string& text, int today) {
    const std::chrono::sys_days now{std::chrono::days{today}};
    if (text.size() >= 2 && digits(text.substr(0, text.size() - 1))) {
        const int n = std::stoi(text.substr(0, text.size() - 1));
        switch (text.back()) {
            case 'd': return ymd_of(now - std::chrono::days{n});
            case 'w': return ymd_of(now - std::chrono::days{7 * n});
            case 'm': {
                const std::chrono::year_month_day d{now};
                auto back = d.year() / d.month() - std::chrono::months{n};
                std::chrono::year_month_day target = back / d.day();
                if (!target.ok()) target = back / std::chrono::last;
                return ymd_of(std::chrono::sys_days(target));
            }
            case 'y': return ymd_of(now - std::chrono::days{365 * n});
            default: break;
        }
    }
    const std::string ymd = date_key(text).value_or(text);
    if (date_of_key(ymd)) return ymd;
    throw QueryError("bad date '" + text + "' (expected YYYY-MM-DD, or a span back from today like 7d, 2w, 3m, 1y)");
}

}  // namespace newsdex
