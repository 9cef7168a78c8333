// Article metadata and text stored as a Xapian document's data, so a query
// can be answered from the Xapian index alone.
//
// Format 1 (written now): the byte 0x01, the metadata as a JSON object
// (every field of Article but text), a NUL byte, then the text in SCSU
// (scsu.h). Glass deflates each document's data, but deflate does not win
// back the second byte UTF-8 spends on every Cyrillic letter; SCSU spends one
// (and is lossless for all of Unicode). On the dev set of 8613 articles that
// made docdata.glass 14% smaller (33.3 MB to 28.5 MB), and with the text out
// of the JSON it is neither escaped on writing nor unescaped on reading.
//
// Legacy format (indexes written before): one JSON object with every field,
// text included; it starts with '{'. Both read back as the same Article.
#pragma once

#include "article.h"

#include <string>

namespace newsdex {

std::string encode_doc_data(const Article& article);

// Data in neither format (damaged) reads as an empty Article.
Article decode_doc_data(const std::string& data);

}  // namespace newsdex
