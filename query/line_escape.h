// One id or path per line for scripts (--ids, --files), whatever bytes it
// holds: a newline in an id must not read as two ids, a terminal escape must
// not reach the terminal, and two ids that differ only in bytes that are
// not UTF-8 must not print alike. Escaped as GNU `ls --quoting-style=escape`
// does: backslash as \\, tab, newline and carriage return as \t \n \r,
// other control characters (C0, DEL, and the C1 range U+0080–U+009F) and
// bytes that are not UTF-8 as \xNN, one per byte. Everything else, Cyrillic
// included, is printed as it is.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

std::string escape_line(std::string_view text);

}  // namespace newsdex
