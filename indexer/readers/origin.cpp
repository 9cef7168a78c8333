#include "readers/origin.h"

namespace newsdex {

std::string Origin::where(int64_t line) const {
    std::string out = path == "-" ? std::string("(stdin)") : path.string();
    if (!member.empty()) out += ": " + member;
    if (line > 0) out += ":" + std::to_string(line);
    return out;
}

}  // namespace newsdex
