#include "json_text.h"

#include "analysis/utf8_walk.h"

namespace newsdex {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, unsigned code) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
}

// As nlohmann's serializer writes strings (short escapes where JSON has
// them, \u00XX for other control characters), and \udcXX for bytes that
// are not UTF-8. Characters written as they are go out a run at a time
// (appending each on its own was most of writing a --batch hit).
void append_string(std::string& out, const std::string& text) {
    out += '"';
    std::size_t run = 0;  // where the characters not yet written begin
    walk_utf8(text, [&](UChar32 c, std::string_view bytes) {
        if (c >= 0x20 && c != '"' && c != '\\') return true;
        const std::size_t at = static_cast<std::size_t>(bytes.data() - text.data());
        out.append(text, run, at - run);
        run = at + bytes.size();
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0)
                    for (unsigned char byte : bytes) append_u_escape(out, 0xDC00u + byte);
                else
                    append_u_escape(out, static_cast<unsigned>(c));
        }
        return true;
    });
    out.append(text, run, std::string::npos);
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
