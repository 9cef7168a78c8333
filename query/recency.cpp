#include "recency.h"

#include "base/dates.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>

namespace newsdex {

int days_from_ymd(const std::string& ymd) {
    const std::optional<std::chrono::year_month_day> date = date_of_key(ymd);
    return date ? std::chrono::sys_days(*date).time_since_epoch().count() : -1;
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
