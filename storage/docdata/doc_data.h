// Article metadata and text stored as a Xapian document's data, so a query
// can be answered from the Xapian index alone.
//
// Format 2 (written now): the byte 0x02, then one zstd frame (level 6, no
// dictionary id: the format byte says which) holding format 1's body (below,
// without its first byte), compressed with a built-in dictionary
// (docdata_dictionary.h): zstd's entropy tables and 256 KB of common words
// and word pairs. Glass deflates each document's data on its own, and deflate
// finds little to reuse in one article: on the dev set docdata.glass went
// from 27.4 MB (format 1) to 20.9 MB, and 2000 articles the dictionary was
// not made from take 25% less (5.51 MB to 4.16 MB). Glass still tries to
// deflate the frame, which cannot shrink, and stores it as it is.
//
// Format 1 (indexes written before): the byte 0x01, the metadata as a JSON
// object (every field of Article but text), a NUL byte, then the text in SCSU
// (scsu.h): one byte a Cyrillic letter where UTF-8 spends two, which deflate
// does not win back.
//
// Legacy format (older indexes): one JSON object with every field, text
// included; it starts with '{'. All three read back as the same Article.
#pragma once

#include "base/article.h"

#include <memory>
#include <string>
#include <string_view>

namespace newsdex {

// The format DocDataEncoder writes (its first byte); `--version` reports it.
inline constexpr int kDocDataFormat = 2;

// Writes format 2. Holds zstd's compression state and the prepared
// dictionary, which are worth keeping between articles; not thread-safe:
// one per thread.
class DocDataEncoder {
public:
    DocDataEncoder();
    ~DocDataEncoder();
    DocDataEncoder(const DocDataEncoder&) = delete;
    DocDataEncoder& operator=(const DocDataEncoder&) = delete;

    std::string encode(const Article& article);

private:
    struct State;
    void prepare();
    std::unique_ptr<State> state_;
};

// One article with an encoder of its own: for a few documents, not a run.
std::string encode_doc_data(const Article& article);

// Format 1's body, without its first byte: what format 2 compresses (and
// what its dictionary was fitted to).
std::string docdata_body(const Article& article);

// Reads every format. Keeps zstd's decompression state between documents:
// creating it took a tenth of the time of reading every article back (the
// check after a merge), and 30 microseconds a hit in a query. Not
// thread-safe: one per thread.
class DocDataDecoder {
public:
    DocDataDecoder();
    ~DocDataDecoder();
    DocDataDecoder(const DocDataDecoder&) = delete;
    DocDataDecoder& operator=(const DocDataDecoder&) = delete;

    // Skip: everything but the text, for output that prints no text
    // (converting it from SCSU was a third of decoding a hit; the legacy
    // JSON format has it parsed anyway).
    // Utf16Only: the text only as UTF-16 (decode with utf16), Article::text
    // left empty.
    enum class Text { Include, Skip, Utf16Only };

    // Data in no format (damaged) reads as an empty Article.
    Article decode(const std::string& data, Text text = Text::Include);

    // Include, and the text also as UTF-16 in `utf16` (what ICU's fromUTF8
    // makes of the article's text), as a snippet reads it: SCSU decodes to
    // UTF-16 on the way, and converting the UTF-8 back cost a one-word
    // query 1.3 M of 12.6 M instructions (callgrind, ten hits).
    // Include or Utf16Only.
    Article decode(const std::string& data, std::u16string& utf16, Text text = Text::Include);

private:
    struct State;
    Article decode(const std::string& data, Text text, std::u16string* utf16);
    Article decode_dictionary_format(std::string_view frame, Text text, std::u16string* utf16);
    std::unique_ptr<State> state_;
};

// One document with a decoder of its own: for a few documents, not a scan.
Article decode_doc_data(const std::string& data);

}  // namespace newsdex
