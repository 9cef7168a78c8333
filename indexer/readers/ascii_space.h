// ASCII white space, as the readers skip it around a field, a line or a
// value: space, tab, CR, LF, form feed, vertical tab. Text in other
// scripts' spaces (NBSP, ideographic) is the analyzer's to read.
#pragma once

#include <string_view>

namespace newsdex {

inline bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline std::string_view trim_ascii_space(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace newsdex
