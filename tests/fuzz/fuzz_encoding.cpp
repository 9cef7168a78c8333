// Any bytes through encoding detection; whatever it accepts must come out
// as valid UTF-8.
#include "readers/encoding.h"
#include "base/errors.h"
#include "readers/text_file.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        newsdex::DecodedText text = newsdex::decode_to_utf8(bytes);
        if (newsdex::invalid_utf8_offset(text.utf8) != std::string_view::npos) std::abort();
    } catch (const newsdex::InputError&) {
    }
    return 0;
}
