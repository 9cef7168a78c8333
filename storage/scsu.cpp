#include "scsu.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <climits>
#include <cstdint>
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

}  // namespace

// Whole strings, not streamed through a pivot buffer: ICU's SCSU encoder
// looks ahead to choose between quoting a character and switching windows,
// and does both better and faster when it sees all of the text.
void append_scsu(std::string_view utf8, std::string& out) {
    if (utf8.empty()) return;
    check_size(utf8);
    const auto utf8_length = static_cast<int32_t>(utf8.size());
    // Never more UTF-16 units than UTF-8 bytes, so one pass.
    std::u16string utf16;
    append_converted(
        utf16, utf8_length,
        [&](UChar* buffer, int32_t capacity, UErrorCode& status) {
            int32_t length = 0;
            u_strFromUTF8WithSub(buffer, capacity, &length, utf8.data(), utf8_length, kReplacement, nullptr, &status);
            return length;
        },
        "UTF-8 to UTF-16 conversion");
    const Converter scsu = open_scsu();
    const auto utf16_length = static_cast<int32_t>(utf16.size());
    // One byte a unit for Russian and other small alphabets (CJK takes two).
    append_converted(
        out, utf16_length + 16,
        [&](char* buffer, int32_t capacity, UErrorCode& status) {
            return ucnv_fromUChars(scsu.get(), buffer, capacity, utf16.data(), utf16_length, &status);
        },
        "UTF-16 to SCSU conversion");
}

std::string scsu_to_utf8(std::string_view scsu) {
    if (scsu.empty()) return {};
    check_size(scsu);
    const Converter converter = open_scsu();
    const auto scsu_length = static_cast<int32_t>(scsu.size());
    // One unit a byte, but for characters beyond U+FFFF and CJK.
    std::u16string utf16;
    append_converted(
        utf16, scsu_length + 16,
        [&](UChar* buffer, int32_t capacity, UErrorCode& status) {
            return ucnv_toUChars(converter.get(), buffer, capacity, scsu.data(), scsu_length, &status);
        },
        "SCSU to UTF-16 conversion");
    const auto utf16_length = static_cast<int32_t>(utf16.size());
    // Two bytes a unit for Cyrillic; a damaged text may hold lone surrogates.
    std::string utf8;
    append_converted(
        utf8, static_cast<int32_t>(std::min<int64_t>(2 * int64_t{utf16_length} + 16, INT32_MAX)),
        [&](char* buffer, int32_t capacity, UErrorCode& status) {
            int32_t length = 0;
            u_strToUTF8WithSub(buffer, capacity, &length, utf16.data(), utf16_length, kReplacement, nullptr, &status);
            return length;
        },
        "UTF-16 to UTF-8 conversion");
    return utf8;
}

}  // namespace newsdex
