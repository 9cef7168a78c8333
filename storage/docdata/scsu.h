// UTF-8 to SCSU and back: encoded with ICU's "SCSU" converter, decoded by
// hand where the text is well-formed (decode_well_formed_scsu). SCSU (Unicode
// Technical Standard #6) is lossless for all of Unicode and spends one byte
// on a letter of a small alphabet (Cyrillic, Greek, ...) where UTF-8 spends
// two; deflate does not win that back (document data, doc_data.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// Appends the SCSU form of `utf8` to `out` (where document data has its
// metadata). Never fails on bad input: each maximal ill-formed UTF-8
// subsequence becomes one U+FFFD, as nlohmann::json's
// error_handler_t::replace does, so text reads back the same as from the JSON
// document data of earlier versions.
void append_scsu(std::string_view utf8, std::string& out);

// Malformed SCSU (a damaged index) becomes U+FFFD rather than an error.
std::string scsu_to_utf8(std::string_view scsu);

// The same, and in `utf16` the text as UTF-16, which SCSU decodes to on the
// way: exactly what ICU's fromUTF8 makes of the returned UTF-8 (a damaged
// text's lone surrogates, which UTF-8 cannot hold, are converted back).
std::string scsu_to_utf8(std::string_view scsu, std::u16string& utf16);

// Only that UTF-16, for a reader that needs no UTF-8 (a query's snippets):
// converting to UTF-8 was a tenth of a one-word query's instructions.
std::u16string scsu_to_utf16(std::string_view scsu);

// What the two above decode SCSU with first: the standard's rules (UTS #6),
// by hand, for well-formed SCSU (its UTF-16 well-formed too); nullopt for
// any other, which ICU's converter then decodes.
std::optional<std::u16string> decode_well_formed_scsu(std::string_view scsu);

}  // namespace newsdex
