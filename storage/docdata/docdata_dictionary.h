// The compression dictionary of document data format 2 (doc_data.h): zstd's
// entropy tables, then common words and word pairs of Russian news and the
// metadata's JSON skeleton, as the bytes they take in a document's data
// (SCSU text, UTF-8 JSON), so zstd finds them in even the first lines of a
// short article, which on its own it cannot compress much.
//
// Frozen: every index written with it needs the very same bytes to be read
// (a unit test pins them). A better dictionary means a new format byte.
// Made by tools/make_docdata_dictionary.cpp.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

std::string_view docdata_dictionary();

// The dictionary content for `lines` (UTF-8, an entry a line, all of ASCII
// and U+0400..U+047F): each entry followed by a space, each Cyrillic letter
// the one byte SCSU spends on it in its Cyrillic window (0x80 + code point -
// 0x400), as ICU writes Russian text in the document data. The mapping is
// ours, not ICU's, so the bytes cannot change with an ICU release. Throws
// std::invalid_argument on any other character. The build makes the built-in
// dictionary's bytes the same way (storage/CMakeLists.txt); this is for the
// tool that makes a dictionary and the test that checks the two agree.
std::string docdata_dictionary_content(std::string_view lines);

}  // namespace newsdex
