#include "readers/text_reader.h"

#include "readers/date_parser.h"
#include "readers/ascii_space.h"
#include "base/errors.h"

namespace newsdex {

std::string source_from_origin(const Origin& origin) {
    if (!origin.member.empty()) {
        const std::filesystem::path member(origin.member);
        if (std::distance(member.begin(), member.end()) > 1) return member.begin()->string();
        return origin.path.stem().string();
    }
    const std::filesystem::path id(origin.id_base);
    if (id.is_relative() && std::distance(id.begin(), id.end()) > 1) return id.begin()->string();
    return origin.path.parent_path().filename().string();
}

Article parse_text_article(std::string_view utf8, const Origin& origin) {
    std::string_view text = trim_ascii_space(utf8);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text = trim_ascii_space(text.substr(3));
    if (text.empty()) throw InputError("empty file");

    const std::size_t eol = text.find('\n');
    Article a;
    a.title = std::string(trim_ascii_space(text.substr(0, eol)));
    if (eol != std::string_view::npos) {
        // Keep paragraph breaks, drop the carriage returns of DOS files.
        for (char c : trim_ascii_space(text.substr(eol + 1)))
            if (c != '\r') a.text += c;
    }
    a.id = origin.id_base;
    a.path = origin.path.string();
    a.member = origin.member;
    a.encoding = origin.encoding;
    a.source = source_from_origin(origin);
    if (auto date = date_from_path(origin.member.empty() ? origin.path.string() : origin.member)) a.date = *date;
    return a;
}

}  // namespace newsdex
