#include "readers/encoding.h"
#include "base/errors.h"
#include "readers/text_file.h"

#include <catch2/catch.hpp>
#include <unicode/ucnv.h>

#include <random>
#include <string>

using newsdex::decode_to_utf8;
using newsdex::InputError;

namespace {

std::string fixture(const std::string& name) {
    return newsdex::read_file(std::string(NEWSDEX_FIXTURES) + "/encodings/" + name);
}

const std::string& article() {
    static const std::string text = fixture("article.utf8.txt");
    return text;
}

// The bytes of `utf8` in `encoding`, for test inputs too small or too many to keep as fixtures.
std::string encode(const std::string& utf8, const char* encoding) {
    UErrorCode status = U_ZERO_ERROR;
    const auto length = ucnv_convert(encoding, "UTF-8", nullptr, 0, utf8.data(),
                                     static_cast<int32_t>(utf8.size()), &status);
    std::string out(static_cast<std::size_t>(length), '\0');
    status = U_ZERO_ERROR;
    ucnv_convert(encoding, "UTF-8", out.data(), length, utf8.data(), static_cast<int32_t>(utf8.size()),
                 &status);
    REQUIRE(U_SUCCESS(status));
    return out;
}

std::string error_of(std::string_view bytes, std::string_view forced = {}, std::string_view declared = {}) {
    try {
        decode_to_utf8(bytes, forced, declared);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("every encoding of the article decodes to the same UTF-8", "[encoding]") {
    REQUIRE(article().find("пошлины") != std::string::npos);
    const auto [file, encoding] = GENERATE(table<const char*, const char*>({
        {"article.utf8.txt", "UTF-8"},
        {"article.utf8bom.txt", "UTF-8"},
        {"article.utf16le.txt", "UTF-16LE"},
        {"article.utf16be.txt", "UTF-16BE"},
        {"article.cp1251.txt", "windows-1251"},
        {"article.koi8r.txt", "KOI8-R"},
        {"article.cp866.txt", "IBM866"},
    }));
    CAPTURE(file);
    const auto decoded = decode_to_utf8(fixture(file));
    CHECK(decoded.encoding == encoding);
    CHECK(decoded.utf8 == article());
}

TEST_CASE("pure ASCII and empty input are UTF-8", "[encoding]") {
    const auto empty = decode_to_utf8("");
    CHECK(empty.utf8.empty());
    CHECK(empty.encoding == "UTF-8");
    const auto ascii = decode_to_utf8("Brent crude rose 2% on Monday.\n");
    CHECK(ascii.utf8 == "Brent crude rose 2% on Monday.\n");
    CHECK(ascii.encoding == "UTF-8");
}

TEST_CASE("a lone BOM leaves empty text", "[encoding]") {
    CHECK(decode_to_utf8("\xEF\xBB\xBF").utf8.empty());
    const auto le = decode_to_utf8("\xFF\xFE");
    CHECK(le.utf8.empty());
    CHECK(le.encoding == "UTF-16LE");
    CHECK(decode_to_utf8("\xFE\xFF").encoding == "UTF-16BE");
}

TEST_CASE("a forced encoding overrides detection", "[encoding]") {
    const std::string koi8 = fixture("article.koi8r.txt");
    SECTION("ICU aliases are accepted and reported by their usual names") {
        CHECK(decode_to_utf8(koi8, "koi8r").encoding == "KOI8-R");
        CHECK(decode_to_utf8(fixture("article.cp1251.txt"), "cp1251").encoding == "windows-1251");
        CHECK(decode_to_utf8(fixture("article.cp866.txt"), "cp866").utf8 == article());
        CHECK(decode_to_utf8(article(), "utf8").encoding == "UTF-8");
    }
    SECTION("a wrong but possible encoding is the user's call") {
        const auto decoded = decode_to_utf8(koi8, "cp1251");
        CHECK(decoded.encoding == "windows-1251");
        CHECK(decoded.utf8 != article());
        CHECK(decoded.utf8.size() == article().size());  // every letter is still one Cyrillic letter
    }
    SECTION("bytes that are invalid in the forced encoding are an error") {
        const std::string message = error_of(koi8, "utf8");
        CHECK_THAT(message, Catch::Contains("not valid UTF-8"));
        CHECK_THAT(message, Catch::Contains("at byte 0"));
    }
    SECTION("a BOM the forced encoding does not consume is still dropped") {
        CHECK(decode_to_utf8(fixture("article.utf16le.txt"), "UTF-16LE").utf8 == article());
        CHECK(decode_to_utf8(fixture("article.utf8bom.txt"), "UTF-8").utf8 == article());
    }
}

TEST_CASE("an unknown forced encoding is an error", "[encoding]") {
    CHECK_THAT(error_of(article(), "no-such-charset"), Catch::Contains("unknown encoding \"no-such-charset\""));
    CHECK_THAT(error_of("", "no-such-charset"), Catch::Contains("unknown encoding"));
    CHECK_THAT(error_of(article(), std::string_view("utf8\0x", 6)), Catch::Contains("unknown encoding"));
}

TEST_CASE("a declared charset is honoured when the text reads as Russian", "[encoding]") {
    // Detection never guesses ISO-8859-5, so only the label can decode this.
    const std::string iso = encode(article(), "ISO-8859-5");
    CHECK_THAT(error_of(iso), Catch::Contains("cannot determine the text encoding"));
    const auto decoded = decode_to_utf8(iso, {}, "iso-8859-5");
    CHECK(decoded.encoding == "ISO-8859-5");
    CHECK(decoded.utf8 == article());
    CHECK(decode_to_utf8(fixture("article.cp1251.txt"), {}, " \"windows-1251\" ").encoding == "windows-1251");
}

TEST_CASE("a declared charset is ignored when it does not fit the text", "[encoding]") {
    const std::string cp1251 = fixture("article.cp1251.txt");
    const auto declared = GENERATE("KOI8-R", "utf-8", "ISO-8859-1", "x-no-such-charset", "");
    CAPTURE(declared);
    const auto decoded = decode_to_utf8(cp1251, {}, declared);
    CHECK(decoded.encoding == "windows-1251");
    CHECK(decoded.utf8 == article());
}

TEST_CASE("short headlines are recognised", "[encoding]") {
    const std::string headline = "Власти повысили пошлины на импорт стали";
    const auto [icu_name, encoding] = GENERATE(table<const char*, const char*>({
        {"windows-1251", "windows-1251"},
        {"KOI8-R", "KOI8-R"},
        {"IBM866", "IBM866"},
    }));
    CAPTURE(encoding);
    const auto decoded = decode_to_utf8(encode(headline, icu_name));
    CHECK(decoded.encoding == encoding);
    CHECK(decoded.utf8 == headline);
}

TEST_CASE("text that reads as nothing asks for --encoding", "[encoding]") {
    const std::string message = error_of(fixture("undecidable.bin"));
    CHECK_THAT(message, Catch::StartsWith("cannot determine the text encoding"));
    CHECK_THAT(message, Catch::EndsWith("use --encoding"));
    // One Latin-1 letter: each candidate reads it as a different, equally likely Cyrillic letter.
    CHECK_THAT(error_of("Caf\xE9 de Paris"), Catch::Contains("--encoding"));
}

TEST_CASE("binary data is not text", "[encoding]") {
    CHECK(error_of(fixture("junk.bin")) == "binary data, not text");
    CHECK(error_of(std::string(200, '\x01') + "text") == "binary data, not text");
    CHECK(error_of(encode("пошлины", "windows-1251") + '\0') == "binary data, not text");
    CHECK(error_of(fixture("junk.bin"), "cp1251") == "binary data, not text");
}

TEST_CASE("broken UTF-8 is reported, not guessed as an 8-bit encoding", "[encoding]") {
    std::string broken = article();
    const auto headline_end = broken.find('\n');
    broken.insert(headline_end, "\xFF");
    CHECK(error_of(broken) ==
          "invalid UTF-8 at byte " + std::to_string(headline_end) + " (the rest of the text is UTF-8)");
}

TEST_CASE("odd-length UTF-16 keeps what it has", "[encoding]") {
    std::string truncated = fixture("article.utf16le.txt");
    truncated.pop_back();
    const auto decoded = decode_to_utf8(truncated);
    CHECK(decoded.encoding == "UTF-16LE");
    CHECK(decoded.utf8 == article().substr(0, article().size() - 1) + "\xEF\xBF\xBD");
}

TEST_CASE("a large input is converted completely", "[encoding]") {
    const std::string cp1251 = fixture("article.cp1251.txt");
    std::string bytes, expected;
    while (bytes.size() < 1024 * 1024) {
        bytes += cp1251;
        expected += article();
    }
    const auto decoded = decode_to_utf8(bytes);
    CHECK(decoded.encoding == "windows-1251");
    CHECK(decoded.utf8.size() == expected.size());
    CHECK(decoded.utf8 == expected);
}

TEST_CASE("detection looks past a long ASCII prefix", "[encoding]") {
    const std::string bytes = std::string(100 * 1024, 'x') + "\n" + fixture("article.koi8r.txt");
    const auto decoded = decode_to_utf8(bytes);
    CHECK(decoded.encoding == "KOI8-R");
    CHECK(decoded.utf8 == std::string(100 * 1024, 'x') + "\n" + article());
}

TEST_CASE("arbitrary bytes give UTF-8 or an InputError, nothing else", "[encoding]") {
    std::mt19937 random(12345);
    for (int round = 0; round < 2000; ++round) {
        std::string bytes(random() % 200, '\0');
        const bool high_only = round % 2;
        for (char& c : bytes) c = static_cast<char>(high_only ? 0x80 | (random() & 0x7F) : random() & 0xFF);
        if (round % 5 == 0 && !bytes.empty()) bytes[0] = round % 10 ? '\xFF' : '\xFE';  // "BOM"
        try {
            const auto decoded = decode_to_utf8(bytes);
            CHECK(newsdex::invalid_utf8_offset(decoded.utf8) == std::string_view::npos);
        } catch (const InputError&) {
        }
    }
}

TEST_CASE("a page declared UTF-8 with broken bytes in it is rejected, not guessed", "[encoding]") {
    const std::string broken = "<p>Текст о пошлинах и санкциях: \xCF\xEE\xF8\xEB\xE8\xED\xFB</p>";
    try {
        decode_to_utf8(broken, {}, "utf-8");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("invalid UTF-8") && Catch::Contains("declares utf-8"));
    }
}
