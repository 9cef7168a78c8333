// Catches the query mistakes Xapian's QueryParser would silently work
// around (by dropping the syntax), so the user hears about them: unclosed
// quotes and parentheses, and dates it cannot read.
#pragma once

#include <string_view>

namespace newsdex {

// Throws QueryError("... at column N ...") for the first problem found.
void check_query_syntax(std::string_view query);

}  // namespace newsdex
