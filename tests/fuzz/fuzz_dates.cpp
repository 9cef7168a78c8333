// Any bytes as a date and as a path: a result, when there is one, is a
// well-formed date.
#include "readers/date_parser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto d = newsdex::normalize_date(text); d && d->size() != 10 && d->size() != 20) std::abort();
    if (auto d = newsdex::date_from_path(text); d && d->size() != 10) std::abort();
    return 0;
}
