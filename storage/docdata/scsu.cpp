#include "docdata/scsu.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace newsdex {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;

// ICU counts in int32_t, and text can take three times as many bytes in
// another form; the indexer never hands over a document this large (256 MB
// at most), only a damaged index could.
void check_size(std::string_view bytes) {
    if (bytes.size() > INT32_MAX / 3) throw std::length_error("text too large for document data");
}

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + " failed: " + u_errorName(status));
}

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// A converter per call: converters carry state and are not thread-safe, and
// documents are encoded on several threads. Opening one costs well under a
// microsecond (0.15 µs with a one-letter conversion, measured).
Converter open_scsu() {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open("SCSU", &status));
    check(status, "opening ICU's SCSU converter");
    return converter;
}

// Calls `convert(buffer, capacity, status)` to write after what `out`
// holds, with `expected` units of room, and again with as many as it said it
// needs when that was too few: most text needs no second pass, and buffers
// sized for the worst case would triple the memory a long article takes.
template <typename Text, typename Convert>
void append_converted(Text& out, int32_t expected, Convert convert, const char* what) {
    const std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(expected));
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = convert(out.data() + start, expected, status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(start + static_cast<std::size_t>(length));
        status = U_ZERO_ERROR;
        length = convert(out.data() + start, length, status);
    }
    check(status, what);
    out.resize(start + static_cast<std::size_t>(length));
}

// Where a slice of at most `max` bytes from `begin` ends: before a byte
// that is not a continuation byte, so each slice decodes as it would have
// within the whole text, invalid sequences included. Only a run of stray
// continuation bytes longer than a slice (each its own U+FFFD) is cut inside.
std::size_t slice_end(std::string_view utf8, std::size_t begin, std::size_t max) {
    if (utf8.size() - begin <= max) return utf8.size();
    std::size_t end = begin + max;
    while (end > begin && U8_IS_TRAIL(utf8[end])) --end;
    return end > begin ? end : begin + max;
}

}  // namespace

// In slices through buffers on the stack: converting the whole text at once
// took 15% longer (allocating and filling a UTF-16 copy twice the text's
// size), more than nlohmann took to escape the text into JSON before.
void append_scsu(std::string_view utf8, std::string& out) {
    if (utf8.empty()) return;
    const Converter scsu = open_scsu();
    std::array<UChar, 4096> utf16;
    std::array<char, 8192> bytes;
    for (std::size_t begin = 0; begin < utf8.size();) {
        // Never more UTF-16 units than UTF-8 bytes.
        const std::size_t end = slice_end(utf8, begin, utf16.size());
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = 0;
        u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &length, utf8.data() + begin,
                             static_cast<int32_t>(end - begin), kReplacement, nullptr, &status);
        check(status, "UTF-8 to UTF-16 conversion");
        begin = end;
        const UChar* source = utf16.data();
        do {
            status = U_ZERO_ERROR;
            char* target = bytes.data();
            ucnv_fromUnicode(scsu.get(), &target, bytes.data() + bytes.size(), &source, utf16.data() + length,
                             nullptr, begin == utf8.size(), &status);
            out.append(bytes.data(), target);
        } while (status == U_BUFFER_OVERFLOW_ERROR);
        check(status, "UTF-16 to SCSU conversion");
    }
}

std::string scsu_to_utf8(std::string_view scsu) {
    std::u16string utf16;
    return scsu_to_utf8(scsu, utf16);
}

namespace {

std::u16string decode_scsu(std::string_view scsu) {
    std::u16string utf16;
    if (scsu.empty()) return utf16;
    check_size(scsu);
    const Converter converter = open_scsu();
    const auto scsu_length = static_cast<int32_t>(scsu.size());
    // One unit a byte, but for characters beyond U+FFFF and CJK.
    append_converted(
        utf16, scsu_length + 16,
        [&](UChar* buffer, int32_t capacity, UErrorCode& status) {
            return ucnv_toUChars(converter.get(), buffer, capacity, scsu.data(), scsu_length, &status);
        },
        "SCSU to UTF-16 conversion");
    return utf16;
}

// Four units at a time (the loop a unit at a time, which the compiler does
// not vectorize, cost a one-word query 0.38 M instructions): a lane of `y`
// is zero where its unit is a surrogate, and the has-zero-lane test is
// exact for "any lane".
bool has_surrogate(std::u16string_view text) {
    constexpr uint64_t kHigh = 0xF800F800F800F800ull, kSurrogate = 0xD800D800D800D800ull;
    constexpr uint64_t kOnes = 0x0001000100010001ull, kTops = 0x8000800080008000ull;
    std::size_t i = 0;
    for (; i + 4 <= text.size(); i += 4) {
        uint64_t units;
        std::memcpy(&units, text.data() + i, sizeof units);
        const uint64_t y = (units & kHigh) ^ kSurrogate;
        if (((y - kOnes) & ~y & kTops) != 0) return true;
    }
    for (; i < text.size(); ++i)
        if ((text[i] & 0xF800) == 0xD800) return true;
    return false;
}

}  // namespace

std::u16string scsu_to_utf16(std::string_view scsu) {
    std::u16string utf16 = decode_scsu(scsu);
    // A surrogate may be a lone one, which the UTF-8 round trip replaces:
    // rare enough (characters beyond U+FFFF, damaged text) to take it.
    if (has_surrogate(utf16)) scsu_to_utf8(scsu, utf16);
    return utf16;
}

std::string scsu_to_utf8(std::string_view scsu, std::u16string& utf16) {
    utf16 = decode_scsu(scsu);
    if (utf16.empty()) return {};
    const auto utf16_length = static_cast<int32_t>(utf16.size());
    // Two bytes a unit for Cyrillic; a damaged text may hold lone surrogates.
    std::string utf8;
    int32_t substitutions = 0;
    append_converted(
        utf8, static_cast<int32_t>(std::min<int64_t>(2 * int64_t{utf16_length} + 16, INT32_MAX)),
        [&](char* buffer, int32_t capacity, UErrorCode& status) {
            int32_t length = 0;
            u_strToUTF8WithSub(buffer, capacity, &length, utf16.data(), utf16_length, kReplacement, &substitutions,
                               &status);
            return length;
        },
        "UTF-16 to UTF-8 conversion");
    if (substitutions > 0) {
        const icu::UnicodeString back = icu::UnicodeString::fromUTF8(utf8);
        utf16.assign(back.getBuffer(), static_cast<std::size_t>(back.length()));
    }
    return utf8;
}

}  // namespace newsdex
