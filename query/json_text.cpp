#include "json_text.h"

#include <unicode/utf8.h>

namespace newsdex {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, unsigned code) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
}

// As nlohmann's serializer writes strings (short escapes where JSON has
// them, \u00XX for other control characters), and \udcXX for bytes that
// are not UTF-8.
void append_string(std::string& out, const std::string& text) {
    out += '"';
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\b': out += "\\b"; continue;
            case '\f': out += "\\f"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\t': out += "\\t"; continue;
            default: break;
        }
        if (c < 0)
            for (int32_t b = start; b < i; ++b) append_u_escape(out, 0xDC00u + s[b]);
        else if (c < 0x20)
            append_u_escape(out, static_cast<unsigned>(c));
        else
            out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
    out += '"';
}

void append(std::string& out, const nlohmann::ordered_json& value) {
    if (value.is_string()) {
        append_string(out, value.get_ref<const std::string&>());
    } else if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (!first) out += ',';
            first = false;
            append_string(out, key);
            out += ':';
            append(out, item);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        bool first = true;
        for (const auto& item : value) {
            if (!first) out += ',';
            first = false;
            append(out, item);
        }
        out += ']';
    } else {
        out += value.dump();  // numbers, booleans, null: nlohmann's own formatting
    }
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value) {
    std::string out;
    append(out, value);
    return out;
}

}  // namespace newsdex
