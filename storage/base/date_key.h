// The key a date is stored and compared under: "YYYY-MM-DD" (or
// "YYYY-MM-DDTHH:MM:SSZ") → "YYYYMMDD", as in the date value slot and the D
// terms (schema.h), shard date ranges and date filters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// nullopt when `date` is not of those forms (the digits are not checked).
inline std::optional<std::string> date_key(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-' || (date.size() > 10 && date[10] != 'T'))
        return std::nullopt;
    std::string key(date.substr(0, 4));
    key += date.substr(5, 2);
    key += date.substr(8, 2);
    return key;
}

}  // namespace newsdex
