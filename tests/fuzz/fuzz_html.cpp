// Any bytes as an HTML page, and its declared charset.
#include "base/errors.h"
#include "readers/html_reader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    newsdex::html_declared_charset(bytes);
    try {
        newsdex::extract_html_article(bytes);
    } catch (const newsdex::InputError&) {
    }
    return 0;
}
