// Any bytes as document data's SCSU text (a damaged index): newsdex's own
// decoder must read memory it owns only, and where it decodes alone it must
// give exactly what ICU's converter gives; the full decoders never throw.
#include "docdata/scsu.h"

#include <unicode/ucnv.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

std::u16string icu_decoded(std::string_view scsu) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open("SCSU", &status), ucnv_close);
    if (U_FAILURE(status)) std::abort();
    std::u16string out(scsu.size() * 2 + 16, u'\0');
    const int32_t length = ucnv_toUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()), scsu.data(),
                                         static_cast<int32_t>(scsu.size()), &status);
    if (U_FAILURE(status)) std::abort();
    out.resize(static_cast<std::size_t>(length));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (const std::optional<std::u16string> decoded = newsdex::decode_well_formed_scsu(bytes))
        if (*decoded != icu_decoded(bytes)) std::abort();
    std::u16string utf16;
    const std::string utf8 = newsdex::scsu_to_utf8(bytes, utf16);
    if (newsdex::scsu_to_utf16(bytes) != utf16) std::abort();
    (void)utf8;
    return 0;
}
