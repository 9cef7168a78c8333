#include "readers/jsonl_reader.h"

#include "base/errors.h"
#include "readers/line_reader.h"
#include "readers/record_mapper.h"
#include "readers/text_file.h"

#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

using nlohmann::json;

void emit_record(const json& record, int64_t number, const Origin& origin, const FieldMap& fields,
                 const ArticleSink& emit) {
    Article a = article_from_record(record, fields, origin.id_base + ":" + std::to_string(number));
    stamp_origin(a, origin, number);
    emit(std::move(a));
}

}  // namespace

void read_json_lines(ByteSource& input, const Origin& origin, const FieldMap& fields, const ArticleSink& emit,
                     const RecordRejectSink& reject) {
    LineReader lines(input, kMaxRecordBytes);
    std::string line;
    bool too_long = false;
    while (lines.next(line, too_long)) {
        const int64_t number = lines.line_number();
        if (too_long) {
            reject(number, "line too long (over " + std::to_string(kMaxRecordBytes >> 20) + " MB)");
            continue;
        }
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            if (std::size_t bad = invalid_utf8_offset(line); bad != std::string::npos)
                throw InputError("invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
            json record = json::parse(line, nullptr, false);
            if (record.is_discarded()) throw InputError("invalid JSON");
            emit_record(record, number, origin, fields, emit);
        } catch (const InputError& e) {
            reject(number, e.what());
        }
    }
}

void read_json_document(ByteSource& input, const Origin& origin, const FieldMap& fields, const ArticleSink& emit,
                        const RecordRejectSink& reject) {
    std::string text = input.read_all(kMaxJsonDocumentBytes);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        // Many ".json" exports are really JSON Lines.
        MemorySource lines(text);
        const std::size_t first_newline = text.find('\n');
        if (first_newline != std::string::npos && text.find_first_not_of(" \t\r\n", first_newline) != std::string::npos) {
            read_json_lines(lines, origin, fields, emit, reject);
            return;
        }
        throw InputError("invalid JSON");
    }
    if (document.is_object()) {
        try {
            emit_record(document, 0, origin, fields, emit);
        } catch (const InputError& e) {
            reject(0, e.what());
        }
        return;
    }
    if (!document.is_array()) throw InputError("JSON document is neither an array of articles nor an article");
    int64_t number = 0;
    for (const json& record : document) {
        ++number;
        try {
            emit_record(record, number, origin, fields, emit);
        } catch (const InputError& e) {
            reject(0, "record " + std::to_string(number) + ": " + e.what());
        }
    }
}

}  // namespace newsdex
