// Lenient with what people paste, strict with what they structure: text
// meant as words is made words (as_meant); then the mistakes Xapian's
// QueryParser would silently work around (by dropping the syntax) are
// reported with their column: parentheses that do not pair up where a
// group would matter, and dates it cannot read.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// Text a person plainly meant as words, made so: quotes that do not pair
// up (nested, unbalanced: ordinary in Russian headlines) become spaces, as
// do ".." outside a date: range, operators (AND, OR, NOT, NEAR ...)
// missing what they join, and parentheses that do not pair up in text
// where a group would change nothing (no operator, no field, + or - before
// a '(': a pasted fragment cut inside a parenthesis). Every other
// character stays where it was, so columns still point into what the user
// typed.
std::string as_meant(std::string_view query);

// Throws QueryError("... at column N ...") for the first problem found.
void check_query_syntax(std::string_view query);

}  // namespace newsdex
