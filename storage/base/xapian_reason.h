// Xapian's message plus the system's reason when there is one ("Error
// writing block 40 (File too large)"): the second half is what a user can act on.
#pragma once

#include <xapian.h>

#include <string>

namespace newsdex {

inline std::string xapian_reason(const Xapian::Error& e) {
    std::string out = e.get_msg();
    if (const char* why = e.get_error_string(); why && *why) out += std::string(" (") + why + ")";
    return out;
}

}  // namespace newsdex
