#include "recency.h"

#include "base/date_key.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>

namespace newsdex {

int days_from_ymd(const std::string& ymd) {
    if (ymd.size() < 8) return -1;
    for (int i = 0; i < 8; ++i)
        if (ymd[static_cast<std::size_t>(i)] < '0' || ymd[static_cast<std::size_t>(i)] > '9') return -1;
    const std::chrono::year_month_day date{std::chrono::year{std::stoi(ymd.substr(0, 4))},
                                           std::chrono::month{static_cast<unsigned>(std::stoi(ymd.substr(4, 2)))},
                                           std::chrono::day{static_cast<unsigned>(std::stoi(ymd.substr(6, 2)))}};
    if (!date.ok()) return -1;
    return std::chrono::sys_days(date).time_since_epoch().count();
}

int today_days() {
    // NEWSDEX_TODAY=YYYY-MM-DD pins "today" for reproducible reports (and tests).
    if (const char* fixed = std::getenv("NEWSDEX_TODAY"); fixed && *fixed) {
        const std::string ymd = date_key(fixed).value_or(fixed);
        if (const int days = days_from_ymd(ymd); days >= 0) return days;
    }
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
}

RecencySource::RecencySource(Xapian::valueno date_slot, int today_days, double half_life_days, double max_boost)
    : Xapian::ValuePostingSource(date_slot), today_(today_days), half_life_(half_life_days), max_boost_(max_boost) {}

void RecencySource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(max_boost_);
}

double RecencySource::get_weight() const {
    const int days = days_from_ymd(get_value());
    if (days < 0) return 0;
    const double age = std::max(0, today_ - days);
    return max_boost_ * std::exp2(-age / half_life_);
}

RecencySource* RecencySource::clone() const { return new RecencySource(get_slot(), today_, half_life_, max_boost_); }

std::string RecencySource::get_description() const { return "RecencySource(half life " + std::to_string(half_life_) + " days)"; }

}  // namespace newsdex
