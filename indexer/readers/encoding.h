// Turning an input file's bytes into UTF-8. Russian archives mix UTF-8 and
// UTF-16 with unlabelled windows-1251, KOI8-R and DOS (IBM866) files, so the
// encoding is usually guessed from the text itself.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

struct DecodedText {
    std::string utf8;      // converted text, without any BOM
    std::string encoding;  // canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1251", "KOI8-R", "IBM866"
};

// Converts `bytes` to UTF-8.
// - `forced` (from --encoding NAME; any ICU alias such as "cp1251", "koi8r",
//   "cp866", "utf8") overrides detection; an unknown name or bytes that are
//   invalid in that encoding throw InputError.
// - Otherwise a BOM decides (UTF-8, UTF-16LE/BE; a stray invalid sequence
//   after it becomes U+FFFD); else valid UTF-8 (pure ASCII too) is UTF-8;
//   UTF-8 with a few broken sequences is an InputError ("invalid UTF-8 at
//   byte N ..."); else `declared` (e.g. an HTML <meta charset>, may be empty
//   or unknown) is used if the text decodes cleanly with it, reads as Russian
//   and does not read clearly worse than with one of the guesses below; else
//   the text is recognised as windows-1251, KOI8-R or IBM866, or InputError
//   says it cannot be ("cannot determine ...; use --encoding").
// - Binary data (NUL bytes outside UTF-16, or many control bytes) throws
//   InputError("binary data, not text").
// Empty input is {"", "UTF-8"} (or the forced encoding's name). Error messages never name the file: the
// caller knows it and prefixes it.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view forced = {}, std::string_view declared = {});

}  // namespace newsdex
