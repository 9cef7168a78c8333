#include "readers/related_links.h"

#include "readers/ascii_space.h"

#include <array>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

// The markers Russian news sites put before a link to another article.
constexpr std::array<std::string_view, 9> kMarkers{
    "Также по теме", "Читайте также", "Смотрите также", "По теме",       "Ранее по теме",
    "Материалы по теме", "Еще по теме",  "Ещё по теме",    "Другие новости по теме",
};

bool is_marker(std::string_view line) {
    line = trim_ascii_space(line);
    if (line.ends_with(':')) line = trim_ascii_space(line.substr(0, line.size() - 1));
    for (std::string_view marker : kMarkers)
        if (line == marker) return true;
    return false;
}

bool is_linked_headline(std::string_view line) {
    line = trim_ascii_space(line);
    return !line.empty() && line.size() <= kMaxLinkedHeadlineBytes && !line.ends_with('.');
}

bool is_teaser(std::string_view line) {
    line = trim_ascii_space(line);
    return line.size() <= kMaxTeaserBytes && (line.ends_with("...") || line.ends_with("…"));
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return lines;
        start = end + 1;
    }
}

}  // namespace

std::string without_related_links(std::string text) {
    // Every marker has one of these words: most texts are passed at once.
    if (text.find("теме") == std::string::npos && text.find("также") == std::string::npos) return text;
    const std::vector<std::string_view> lines = lines_of(text);
    std::string out;
    out.reserve(text.size());
    bool dropped = false, first = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_marker(lines[i]) && i + 1 < lines.size() && is_linked_headline(lines[i + 1])) {
            i += 1;  // the marker and the headline
            if (i + 1 < lines.size() && is_teaser(lines[i + 1])) i += 1;
            dropped = true;
            continue;
        }
        if (!first) out += '\n';
        out += lines[i];
        first = false;
    }
    return dropped ? out : text;
}

}  // namespace newsdex
