#include "text_reader.h"

#include "article_id.h"
#include "errors.h"
#include "text_file.h"

namespace newsdex {
namespace {

std::string_view trim(std::string_view s) {
    const char* ws = " \t\r\n\f\v";
    std::size_t b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

}  // namespace

Article parse_text_article(std::string_view bytes, const std::filesystem::path& file,
                           const std::filesystem::path& base) {
    std::string_view text = strip_bom(bytes);
    if (std::size_t bad = invalid_utf8_offset(text); bad != std::string_view::npos)
        throw InputError(file.string() + ": not valid UTF-8 (byte " + std::to_string(bad) + ")");
    text = trim(text);
    if (text.empty()) throw InputError(file.string() + ": empty file");

    std::size_t eol = text.find('\n');
    Article a;
    a.title = std::string(trim(text.substr(0, eol)));
    if (eol != std::string_view::npos) {
        // Keep paragraph breaks, drop the carriage returns of DOS files.
        for (char c : trim(text.substr(eol + 1)))
            if (c != '\r') a.text += c;
    }
    a.id = path_id(file, base);
    a.path = file.string();
    a.source = file.parent_path().filename().string();
    return a;
}

Article read_text_article(const std::filesystem::path& file, const std::filesystem::path& base) {
    return parse_text_article(read_file(file), file, base);
}

}  // namespace newsdex
