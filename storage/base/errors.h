// Error types shared by both tools. Each tool catches them once, at its
// boundary, prints the message on one line and maps the type to an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace newsdex {

// Something is wrong with the index itself (missing, unreadable, corrupt).
struct IndexError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The user's query cannot be understood.
struct QueryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One input (file, line, member) cannot be indexed; the run goes on.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace newsdex
