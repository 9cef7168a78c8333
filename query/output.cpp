#include "output.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>

namespace newsdex {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kDim = "\x1b[2m";

// Four decimals: enough to order hits, few enough for stable golden files.
double rounded(double score) { return std::round(score * 10000.0) / 10000.0; }

// Dates with a time are shown to the minute, in UTC as stored.
std::string display_date(const Article& a) {
    if (a.date.empty()) return "----------";
    if (a.date.size() >= 16) return a.date.substr(0, 10) + " " + a.date.substr(11, 5) + "Z";
    return a.date;
}

}  // namespace

void print_text(std::ostream& out, const SearchResult& result, const TextStyle& style) {
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        out << std::setw(3) << hit.rank << ". " << display_date(a) << "  ";
        if (style.color) out << kBold << a.title << kReset; else out << a.title;
        out << '\n' << "     ";
        if (style.color) out << kDim;
        out << a.id;
        if (!a.source.empty()) out << "  · " << a.source;
        if (!a.author.empty()) out << "  · " << a.author;
        if (!a.url.empty() && a.url != a.id) out << "  · " << a.url;
        if (style.color) out << kReset;
        out << '\n' << "     ";
        for (const SnippetPart& part : hit.snippet.parts) {
            if (!part.highlighted) out << part.text;
            else if (style.color) out << kBold << part.text << kReset;
            else out << "**" << part.text << "**";
        }
        out << "\n\n";
    }
}

void print_json(std::ostream& out, const SearchResult& result) {
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        nlohmann::ordered_json j{
            {"rank", hit.rank},     {"id", a.id},         {"title", a.title},
            {"date", a.date},       {"url", a.url},       {"source", a.source}, {"author", a.author},
            {"score", rounded(hit.score)}, {"snippet", hit.snippet.plain()},
            {"highlights", hit.snippet.highlighted_words()}, {"path", a.path}, {"member", a.member},
            {"line", a.line},
        };
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
}

}  // namespace newsdex
