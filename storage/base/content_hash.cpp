#include "base/content_hash.h"

#include "base/xxh128.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/unistr.h>

#include <xxhash.h>

#include <cstdio>
#include <memory>
#include <string>

namespace newsdex {
namespace {

std::string hex(XXH128_hash_t h) { return Xxh128::hex(h); }

// Case-folded, with every run of white space made one space and none at the
// ends. Built in a plain UTF-16 buffer: appending to an icu::UnicodeString a
// character at a time was a tenth of the reading thread's time.
void append_folded(std::string& out, const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    u.foldCase();
    const char16_t* units = u.getBuffer();
    const int32_t length = u.length();
    std::u16string collapsed;
    collapsed.reserve(static_cast<std::size_t>(length));
    bool space = true;  // also trims leading space
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U16_NEXT(units, i, length, c);
        if (u_isUWhiteSpace(c)) {
            space = true;
            continue;
        }
        if (space && !collapsed.empty()) collapsed.push_back(u' ');
        space = false;
        collapsed.append(units + start, static_cast<std::size_t>(i - start));
    }
    icu::UnicodeString(false, collapsed.data(), static_cast<int32_t>(collapsed.size())).toUTF8String(out);
}

}  // namespace

std::string story_key(const Article& a) {
    std::string folded;
    append_folded(folded, a.title);
    if (folded.empty()) return text_fingerprint(a).substr(0, 16);
    // Same headline on the same day: one story. Short generic headlines
    // ("Погода") on different days stay apart.
    folded += '\n' + a.date.substr(0, 10);
    return hex(XXH3_128bits(folded.data(), folded.size())).substr(0, 16);
}

std::string text_fingerprint(const Article& a) {
    std::string folded;
    append_folded(folded, a.title);
    folded += '\n';
    append_folded(folded, a.text);
    return hex(XXH3_128bits(folded.data(), folded.size()));
}

std::string content_hash(const Article& a) {
    Xxh128 state;
    // Field separators keep ("ab","c") and ("a","bc") apart.
    auto feed = [&](const std::string& s) { state.update(s).update("\x1f"); };
    feed(a.title);
    feed(a.text);
    feed(a.url);
    feed(a.date);
    feed(a.source);
    feed(a.author);
    feed(a.topic);
    for (const std::string& tag : a.tags) feed(tag);
    return state.hex();
}

}  // namespace newsdex
