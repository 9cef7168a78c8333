#include "base/dates.h"

#include <cstdio>

namespace newsdex {
namespace chr = std::chrono;
namespace {

std::string formatted(const chr::year_month_day& date, const char* format) {
    char buf[32];
    std::snprintf(buf, sizeof buf, format, static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return buf;
}

}  // namespace

std::string iso_date(const chr::year_month_day& date) { return formatted(date, "%04d-%02u-%02u"); }

std::string date_key(const chr::year_month_day& date) { return formatted(date, "%04d%02u%02u"); }

std::optional<std::string> date_key(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-' || (date.size() > 10 && date[10] != 'T'))
        return std::nullopt;
    std::string key(date.substr(0, 4));
    key += date.substr(5, 2);
    key += date.substr(8, 2);
    return key;
}

std::optional<chr::year_month_day> date_of_key(std::string_view key) {
    if (key.size() != 8 || key.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(key.substr(at, n))); };
    const chr::year_month_day date{chr::year{number(0, 4)}, chr::month{static_cast<unsigned>(number(4, 2))},
                                   chr::day{static_cast<unsigned>(number(6, 2))}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace newsdex
