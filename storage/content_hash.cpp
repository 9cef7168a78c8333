#include "content_hash.h"

#include <xxhash.h>

#include <cstdio>

namespace newsdex {

std::string content_hash(const Article& a) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    // Field separators keep ("ab","c") and ("a","bc") apart.
    auto feed = [&](const std::string& s) {
        XXH3_128bits_update(state, s.data(), s.size());
        XXH3_128bits_update(state, "\x1f", 1);
    };
    feed(a.title);
    feed(a.text);
    feed(a.url);
    feed(a.date);
    feed(a.source);
    feed(a.topic);
    for (const std::string& tag : a.tags) feed(tag);
    XXH128_hash_t h = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return hex;
}

}  // namespace newsdex
