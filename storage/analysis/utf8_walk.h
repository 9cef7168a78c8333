// Walks UTF-8 text a code point at a time, as ICU's U8_NEXT reads it: each
// call gets the code point (negative for a byte sequence that is not
// UTF-8) and the bytes it was read from. One loop for every place that
// must treat ill-formed bytes one way and characters another (escaping ids
// for lines and for JSON, finding where a file stops being UTF-8).
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace newsdex {

// `visit(UChar32 c, std::string_view bytes)` returns true to go on.
template <typename Visit>
void walk_utf8(std::string_view text, Visit visit) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (!visit(c, text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)))) return;
    }
}

}  // namespace newsdex
