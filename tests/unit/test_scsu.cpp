// SCSU (document data's text, storage/docdata/scsu.h): newsdex decodes it by
// the standard's rules and leaves to ICU's converter only what it does not
// decode alone; every text must read as ICU's converter reads it.
#include "docdata/scsu.h"

#include "shared_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>

using namespace newsdex;

namespace {

// What ICU's SCSU converter alone makes of `scsu`, with the repair of lone
// surrogates that scsu_to_utf16 promises (the UTF-16 of the UTF-8 text).
std::u16string icu_utf16(const std::string& scsu) {
    if (scsu.empty()) return {};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open("SCSU", &status), ucnv_close);
    REQUIRE(U_SUCCESS(status));
    std::u16string out(scsu.size() * 2 + 16, u'\0');
    const int32_t length = ucnv_toUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()), scsu.data(),
                                         static_cast<int32_t>(scsu.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(length));
    std::string utf8;
    icu::UnicodeString(out.data(), length).toUTF8String(utf8);  // lone surrogates become U+FFFD
    const icu::UnicodeString back = icu::UnicodeString::fromUTF8(utf8);
    return std::u16string(back.getBuffer(), static_cast<std::size_t>(back.length()));
}

std::u16string utf16_of(const std::string& utf8) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    return std::u16string(text.getBuffer(), static_cast<std::size_t>(text.length()));
}

std::string hex(const std::string& bytes) {
    std::string out;
    for (const char b : bytes) {
        constexpr char kDigits[] = "0123456789abcdef";
        out += kDigits[static_cast<unsigned char>(b) >> 4];
        out += kDigits[static_cast<unsigned char>(b) & 15];
        out += ' ';
    }
    return out;
}

std::string scsu_of(const std::string& utf8) {
    std::string out;
    append_scsu(utf8, out);
    return out;
}

}  // namespace

TEST_CASE("SCSU of text in any script reads back as ICU reads it", "[scsu]") {
    // Characters from the windows SCSU's encoder picks among: Latin-1,
    // Cyrillic, Greek, Armenian, Hebrew, Arabic, Devanagari, kana, CJK,
    // Hangul, full-width forms, punctuation, emoji (beyond U+FFFF), controls.
    const std::u32string pool = U"aZ09 \t\n\r\x01\x1f\u00e9\u00ff\u0410\u044f\u0451\u0401\u03b1\u0531\u05d0\u0627"
                                U"\u0905\u3042\u30a2\u65e5\u672c\uac00\ud55c\uff21\uff61\u2014\u00ab\u00bb\u20ac"
                                U"\U0001F600\U0001D11E\u0300\u2028\ufeff";
    std::mt19937 random(24);
    for (int round = 0; round < 2000; ++round) {
        const std::size_t length = random() % 60;
        // Runs of one script, as text has, and single characters between.
        std::u32string text;
        while (text.size() < length) {
            const char32_t c = pool[random() % pool.size()];
            text.append(random() % 3 == 0 ? 1 + random() % 8 : 1, c);
        }
        std::string utf8;
        icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()))
            .toUTF8String(utf8);
        const std::string scsu = scsu_of(utf8);
        INFO("round " << round);
        REQUIRE(scsu_to_utf16(scsu) == utf16_of(utf8));
        REQUIRE(scsu_to_utf16(scsu) == icu_utf16(scsu));
        REQUIRE(scsu_to_utf8(scsu) == utf8);
        // Not left to ICU's converter: what its encoder writes is well-formed.
        REQUIRE(decode_well_formed_scsu(scsu).has_value());
    }
}

TEST_CASE("every tag of SCSU, and damaged SCSU, reads as ICU reads it", "[scsu]") {
    const std::vector<std::string> cases = {
        std::string("\x12\xb0\xb1", 3),              // SC2 (Cyrillic window) then letters
        std::string("\x1a\x08\x81\x82", 4),          // SD2 with offset index 8 (0x400)
        std::string("\x01\x41\x05\x21\x02\xe9", 6),  // SQ0 (static 0), SQ4 (static 0x2000), SQ1 (window 1)
        std::string("\x0e\x04\x10\x20", 4),          // SQU: U+0410
        std::string("\x0f\x04\x10\x00\x41\xe1\xb0", 7),  // SCU, two units, UC1 back to window 1
        std::string("\x0f\xf0\xe0\x41\xe2\xb1", 6),  // UQU quotes a unit that looks like a tag
        std::string("\x0f\xe9\x68\xb0", 4),          // UD1 with offset index 0x68 (Hangul gap)
        std::string("\x19\xf9\x80\x19\xff\x80", 6),  // the fixed offsets 0xF9 and 0xFF
        std::string("\x0b\x00\x00\x80", 4),          // SDX: window 0 at U+10000 (a pair)
        std::string("\x0f\xf1\x20\x01\x81", 5),      // UDX
        std::string("\x18\x00\x41", 3),              // reserved offset 0
        std::string("\x18\xa8\x41", 3),              // reserved offsets 0xA8..0xF8
        std::string("\x0c\x41", 2),                  // reserved tag
        std::string("\x0f\xf2\x41\x41", 4),          // reserved tag in Unicode mode
        std::string("\x0e\xd8\x00\x41", 4),          // a lone high surrogate quoted
        std::string("\x0e\xd8\x3d\x0e\xde\x00", 6),  // a quoted pair
        std::string("\x0f\xd8\x3d\xde\x00", 5),      // a pair in Unicode mode
        std::string("\x41\x01", 2),                  // cut off inside SQ0
        std::string("\x0b\x00", 2),                  // inside SDX
        std::string("\x0f\x04", 2),                  // inside a unit
        std::string("\x1f", 1),                      // inside SD7
    };
    for (const std::string& scsu : cases) {
        INFO("bytes: " << hex(scsu));
        CHECK(scsu_to_utf16(scsu) == icu_utf16(scsu));
    }
    // Any bytes at all.
    std::mt19937 random(6);
    for (int round = 0; round < 20000; ++round) {
        std::string scsu(random() % 12, '\0');
        for (char& b : scsu) b = static_cast<char>(random() % 4 ? 0x80 + random() % 0x80 : random() % 0x40);
        INFO("round " << round);
        REQUIRE(scsu_to_utf16(scsu) == icu_utf16(scsu));
    }
}

TEST_CASE("real news reads back from SCSU as ICU reads it", "[scsu][shared-data]") {
    auto file = testing::shared_data_file("news-dev.jsonl.xz");
    if (!file) {
        WARN("skipped: ../shared/data/news-dev.jsonl.xz is not present");
        return;
    }
    std::size_t articles = 0, by_the_standard = 0;
    testing::for_each_line(*file, [&](const std::string& line) {
        const auto j = nlohmann::json::parse(line);
        const std::string text = j.value("title", "") + "\n" + j.value("text", "");
        const std::string scsu = scsu_of(text);
        INFO("article " << j.value("id", ""));
        const std::u16string icu = icu_utf16(scsu);
        REQUIRE(scsu_to_utf16(scsu) == icu);
        if (const std::optional<std::u16string> decoded = decode_well_formed_scsu(scsu)) {
            REQUIRE(*decoded == icu);
            ++by_the_standard;
        }
        ++articles;
    });
    WARN(articles << " articles, " << by_the_standard << " decoded without ICU's converter");
    CHECK(articles > 8000);
    CHECK(by_the_standard == articles);
}
