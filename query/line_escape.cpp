#include "line_escape.h"

#include "analysis/utf8_walk.h"

namespace newsdex {
namespace {

void append_hex(std::string& out, unsigned char byte) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
}

}  // namespace

std::string escape_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    walk_utf8(text, [&](UChar32 c, std::string_view bytes) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || (c >= 0x7F && c <= 0x9F))  // invalid bytes (c < 0) and control characters
            for (unsigned char byte : bytes) append_hex(out, byte);
        else
            out += bytes;
        return true;
    });
    return out;
}

}  // namespace newsdex
