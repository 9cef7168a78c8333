#include "base/url_host.h"

#include <algorithm>

namespace newsdex {

std::string url_host(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    std::size_t start = scheme + 3;
    std::size_t end = url.find_first_of("/?#", start);
    std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (std::size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (std::size_t colon = host.find(':'); colon != std::string::npos) host.erase(colon);
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

}  // namespace newsdex
