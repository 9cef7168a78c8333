#include "docdata/docdata_dictionary.h"

#include <stdexcept>

namespace newsdex {

// Made by the build (storage/CMakeLists.txt).
extern const unsigned char kDocDataDictionary[];
extern const std::size_t kDocDataDictionarySize;

std::string docdata_dictionary_content(std::string_view lines) {
    std::string out;
    out.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size();) {
        const auto c = static_cast<unsigned char>(lines[i]);
        if (c == '\n') {
            out += ' ';
            ++i;
        } else if (c >= 0x20 && c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else if ((c == 0xD0 || c == 0xD1) && i + 1 < lines.size() &&
                   (static_cast<unsigned char>(lines[i + 1]) & 0xC0) == 0x80) {
            // D0 80..D1 BF: U+0400..U+047F.
            const unsigned code_point = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(lines[i + 1]) & 0x3Fu);
            out += static_cast<char>(0x80 + (code_point - 0x400));
            i += 2;
        } else {
            throw std::invalid_argument("docdata dictionary: not ASCII or Cyrillic at byte " + std::to_string(i));
        }
    }
    return out;
}

std::string_view docdata_dictionary() {
    return {reinterpret_cast<const char*>(kDocDataDictionary), kDocDataDictionarySize};
}

}  // namespace newsdex
