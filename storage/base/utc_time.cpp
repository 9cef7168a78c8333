#include "base/utc_time.h"

#include <ctime>

namespace newsdex {

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string utc_now_compact() {
    std::string out;
    for (char c : utc_now())
        if (c >= '0' && c <= '9') out += c;
    return out;
}

}  // namespace newsdex
