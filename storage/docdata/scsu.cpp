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
#include <optional>
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

// SCSU's windows (UTS #6, section 5): the static ones, where a quoted byte
// below 0x80 lands, and where the dynamic ones start.
constexpr std::array<char16_t, 8> kStaticWindows = {0x0000, 0x0080, 0x0100, 0x0300, 0x2000, 0x2080, 0x2100, 0x3000};
constexpr std::array<std::uint32_t, 8> kInitialWindows = {0x0080, 0x00C0, 0x0400, 0x0600,
                                                          0x0900, 0x3040, 0x30A0, 0xFF00};

// The offset a window-defining byte names; nullopt for the reserved ones.
std::optional<std::uint32_t> window_offset(std::uint8_t x) {
    if (x == 0 || (x >= 0xA8 && x <= 0xF8)) return std::nullopt;
    if (x < 0x68) return std::uint32_t{x} * 0x80;
    if (x < 0xA8) return std::uint32_t{x} * 0x80 + 0xAC00;
    constexpr std::array<std::uint32_t, 7> kFixed = {0x00C0, 0x0250, 0x0370, 0x0530, 0x3040, 0x30A0, 0xFF60};
    return kFixed[x - 0xF9];
}

}  // namespace

// SCSU decoded by the standard's rules (UTS #6, section 8) rather than by
// ICU's converter, which took 14 instructions a byte: decoding (and then
// looking for lone surrogates) was 8% of a --batch of 100 headlines (155 M
// of 1.98 G instructions, callgrind), now 2.6% (48 M of 1.86 G; the same
// output). nullopt for what it does not decode alone, which ICU's
// converter then decodes as before: what the standard calls an error (a
// reserved byte or window, input ending inside a tag), whose replacement
// characters are ICU's, and a surrogate quoted without its other half.
std::optional<std::u16string> decode_well_formed_scsu(std::string_view scsu) {
    // No byte gives more than two units (a character past U+FFFF from a
    // window): the units go straight into a buffer of that size, not
    // filled first (filling it cost a fifth as much as decoding).
    const std::unique_ptr<char16_t[]> buffer = std::make_unique_for_overwrite<char16_t[]>(2 * scsu.size());
    char16_t* w = buffer.get();
    std::array<std::uint32_t, 8> windows = kInitialWindows;
    std::size_t active = 0;
    bool unicode_mode = false;
    bool quoted_surrogate = false;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(scsu.data());
    const std::size_t size = scsu.size();
    // A character from a dynamic window: past U+FFFF (a window SDX or UDX
    // defined), a surrogate pair.
    const auto from_window = [&](std::uint32_t window, std::uint8_t byte) {
        const std::uint32_t c = window + (byte - 0x80u);
        if (c <= 0xFFFF) {
            *w++ = static_cast<char16_t>(c);
        } else {
            *w++ = static_cast<char16_t>(0xD7C0 + (c >> 10));
            *w++ = static_cast<char16_t>(0xDC00 + (c & 0x3FF));
        }
    };
    const auto unit = [&](std::uint8_t high, std::uint8_t low) {
        const auto u = static_cast<char16_t>(high << 8 | low);
        quoted_surrogate |= u >= 0xD800 && u <= 0xDFFF;
        *w++ = u;
    };
    const auto define = [&](std::size_t window, std::uint8_t x) {
        const std::optional<std::uint32_t> offset = window_offset(x);
        if (!offset) return false;
        windows[window] = *offset;
        active = window;
        return true;
    };
    const auto define_extended = [&](std::uint8_t high, std::uint8_t low) {
        active = high >> 5;
        windows[active] = 0x10000 + ((std::uint32_t{high & 0x1Fu} << 8 | low) << 7);
    };
    for (std::size_t i = 0; i < size;) {
        if (!unicode_mode && windows[active] <= 0xFF80) {
            // Most of a text: letters of the active window (below U+FFFF)
            // and ASCII, a unit a byte.
            const auto base = static_cast<char16_t>(windows[active] - 0x80);
            const auto decode = [&](std::uint8_t b) { return b >= 0x80 ? static_cast<char16_t>(base + b) : char16_t{b}; };
            // Eight bytes at a time while none is below 0x20 (a tag, or a
            // line end): the has-less-than test of each byte lane is exact
            // for "any lane".
            constexpr std::uint64_t kLanes = 0x0101010101010101ull;
            for (std::uint64_t x; i + 8 <= size; i += 8, w += 8) {
                std::memcpy(&x, bytes + i, sizeof x);
                if (((x - kLanes * 0x20) & ~x & kLanes * 0x80) != 0) break;
                for (std::size_t k = 0; k < 8; ++k) w[k] = decode(bytes[i + k]);
            }
            for (std::uint8_t b; i < size && (b = bytes[i]) >= 0x20; ++i) *w++ = decode(b);
            if (i == size) break;
        }
        const std::uint8_t b = bytes[i++];
        if (!unicode_mode) {
            if (b >= 0x80) {
                from_window(windows[active], b);
            } else if (b >= 0x20 || b == 0x00 || b == 0x09 || b == 0x0A || b == 0x0D) {
                *w++ = b;
            } else if (b <= 0x08) {  // SQ0..SQ7: quote one character from window b - 1
                if (i >= size) return std::nullopt;
                const std::uint8_t q = bytes[i++];
                if (q < 0x80)
                    *w++ = static_cast<char16_t>(kStaticWindows[b - 1] + q);
                else
                    from_window(windows[b - 1], q);
            } else if (b >= 0x10 && b <= 0x17) {  // SC0..SC7: change window
                active = b - 0x10;
            } else if (b >= 0x18) {  // SD0..SD7: define a window and change to it
                if (i >= size || !define(b - 0x18u, bytes[i++])) return std::nullopt;
            } else if (b == 0x0B) {  // SDX
                if (i + 2 > size) return std::nullopt;
                define_extended(bytes[i], bytes[i + 1]);
                i += 2;
            } else if (b == 0x0E) {  // SQU: quote a UTF-16 unit
                if (i + 2 > size) return std::nullopt;
                unit(bytes[i], bytes[i + 1]);
                i += 2;
            } else if (b == 0x0F) {  // SCU
                unicode_mode = true;
            } else {  // 0x0C, reserved
                return std::nullopt;
            }
        } else if (b <= 0xDF || b >= 0xF3) {  // a UTF-16 unit, big-endian
            if (i >= size) return std::nullopt;
            unit(b, bytes[i++]);
        } else if (b <= 0xE7) {  // UC0..UC7
            active = b - 0xE0;
            unicode_mode = false;
        } else if (b <= 0xEF) {  // UD0..UD7
            if (i >= size || !define(b - 0xE8u, bytes[i++])) return std::nullopt;
            unicode_mode = false;
        } else if (b == 0xF0) {  // UQU
            if (i + 2 > size) return std::nullopt;
            unit(bytes[i], bytes[i + 1]);
            i += 2;
        } else if (b == 0xF1) {  // UDX
            if (i + 2 > size) return std::nullopt;
            define_extended(bytes[i], bytes[i + 1]);
            i += 2;
            unicode_mode = false;
        } else {  // 0xF2, reserved
            return std::nullopt;
        }
    }
    const std::u16string_view out(buffer.get(), static_cast<std::size_t>(w - buffer.get()));
    // Quoted surrogates must pair up (a character beyond U+FFFF, quoted as
    // its two halves); a lone one is ICU's to read.
    if (quoted_surrogate)
        for (std::size_t i = 0; i < out.size(); ++i) {
            const char16_t u = out[i];
            if (u < 0xD800 || u > 0xDFFF) continue;
            if (u > 0xDBFF || i + 1 == out.size() || out[i + 1] < 0xDC00 || out[i + 1] > 0xDFFF) return std::nullopt;
            ++i;
        }
    return std::u16string(out);
}

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

// ICU's converter alone: for what decode_well_formed_scsu does not decode.
std::u16string icu_decode_scsu(std::string_view scsu) {
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

// `utf16` as UTF-8, each lone surrogate (damaged text) a U+FFFD; `utf16`
// then becomes what ICU's fromUTF8 makes of that UTF-8.
std::string utf8_replacing_lone_surrogates(std::u16string& utf16) {
    if (utf16.empty()) return {};
    const auto utf16_length = static_cast<int32_t>(utf16.size());
    // Two bytes a unit for Cyrillic.
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
    // Well-formed UTF-16 already: no surrogate to look for.
    if (std::optional<std::u16string> decoded = decode_well_formed_scsu(scsu)) return std::move(*decoded);
    std::u16string utf16 = icu_decode_scsu(scsu);
    // A surrogate may be a lone one, which the UTF-8 round trip replaces:
    // rare enough (damaged text) to take it.
    if (has_surrogate(utf16)) utf8_replacing_lone_surrogates(utf16);
    return utf16;
}

std::string scsu_to_utf8(std::string_view scsu, std::u16string& utf16) {
    std::optional<std::u16string> decoded = decode_well_formed_scsu(scsu);
    utf16 = decoded ? std::move(*decoded) : icu_decode_scsu(scsu);
    return utf8_replacing_lone_surrogates(utf16);
}

}  // namespace newsdex
