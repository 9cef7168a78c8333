// Headline-like text from bytes: words, Russian and ASCII quotes, dots,
// colons, dashes, asterisks, parentheses, operators and date: ranges, in any
// order and balance, and what refusing it must say. Both the
// lenient-parsing test and its fuzz target
// (tests/fuzz/fuzz_query.cpp) use it, so what the fuzzer explores is what
// the test checks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex::testing {

inline std::string headline_like(const uint8_t* data, std::size_t size) {
    static constexpr std::array<std::string_view, 32> kPieces{
        "«", "»", "„", "“", "”", "\"", "...", "..", "…", ":", " - ", "-", "*", "(", ")", "+",
        "AND", "OR", "NOT", "NEAR", "NEAR/3", "date:", "2025-11-24", "Зенит", "играл", "пошлины",
        "сталь", "Казахстан", "ему не повезло", "=сталь", "title:", "tag:"};
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += kPieces[data[i] % kPieces.size()];
        if (data[i] & 0x20) out += ' ';  // glued to the next piece, or not
    }
    return out;
}

// What refusing such text must say: where the problem is, that nothing is
// left to search for, or which limit the query is over (README, Limits).
inline bool refusal_says_where(std::string_view message) {
    for (std::string_view why : {"at column ", "empty query", "no searchable words", ", or raise --max-"})
        if (message.find(why) != std::string_view::npos) return true;
    return false;
}

}  // namespace newsdex::testing
