// JSON Lines archives (one article object per line) and JSON documents
// (an array of article objects, or one object). A bad record is rejected
// on its own; the others still index.
#pragma once

#include "base/article.h"
#include "readers/byte_source.h"
#include "readers/field_map.h"
#include "readers/origin.h"

#include <functional>
#include <string>

namespace newsdex {

using ArticleSink = std::function<void(Article&&)>;
using RecordRejectSink = std::function<void(int64_t line, const std::string& reason)>;

// Lines longer than this are rejected without being held in memory.
inline constexpr std::size_t kMaxRecordBytes = 16u << 20;
// A whole JSON document is parsed in memory, up to this size.
inline constexpr std::size_t kMaxJsonDocumentBytes = 256u << 20;

void read_json_lines(ByteSource& input, const Origin& origin, const FieldMap& fields, const ArticleSink& emit,
                     const RecordRejectSink& reject);

void read_json_document(ByteSource& input, const Origin& origin, const FieldMap& fields, const ArticleSink& emit,
                        const RecordRejectSink& reject);

}  // namespace newsdex
