// CSV and TSV exports with a header row naming the fields (mapped through
// the FieldMap like JSON keys). Parsed as a stream by libcsv, so quoted
// fields may hold newlines and files may be larger than memory.
#pragma once

#include "readers/byte_source.h"
#include "readers/field_map.h"
#include "readers/jsonl_reader.h"
#include "readers/origin.h"

namespace newsdex {

// `delimiter` 0 means: guess from the header line (',', ';' or tab).
void read_csv(ByteSource& input, char delimiter, const Origin& origin, const FieldMap& fields, const ArticleSink& emit,
              const RecordRejectSink& reject);

}  // namespace newsdex
