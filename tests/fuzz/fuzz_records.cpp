// Any bytes as JSON Lines, a JSON document and CSV: bad records are
// rejected, never a crash. The first byte picks the reader and chunking.
#include "readers/byte_source.h"
#include "readers/csv_reader.h"
#include "base/errors.h"
#include "readers/field_map.h"
#include "readers/jsonl_reader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const newsdex::Origin origin{"/fuzz/input", "", "input", "UTF-8"};
    static const newsdex::FieldMap fields;
    newsdex::MemorySource source(bytes, 1 + data[0] % 64);
    auto emit = [](newsdex::Article&&) {};
    auto reject = [](int64_t, const std::string&) {};
    try {
        switch (data[0] % 4) {
            case 0: newsdex::read_json_lines(source, origin, fields, emit, reject); break;
            case 1: newsdex::read_json_document(source, origin, fields, emit, reject); break;
            case 2: newsdex::read_csv(source, 0, origin, fields, emit, reject); break;
            default: newsdex::read_csv(source, '\t', origin, fields, emit, reject); break;
        }
    } catch (const newsdex::InputError&) {
        // A whole-input rejection is a valid outcome.
    }
    return 0;
}
