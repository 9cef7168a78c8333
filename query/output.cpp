#include "output.h"

#include "json_text.h"
#include "line_escape.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <set>

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

// A date value (YYYYMMDD) as a date.
std::string display_ymd(const std::string& ymd) {
    return ymd.size() == 8 ? ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2) : ymd;
}

// Distinct ids stay distinct even when they hold bytes that are not UTF-8
// (json_text.h).
std::string dump(const nlohmann::ordered_json& j) { return json_text(j); }

std::string file_of(const Article& a) { return a.member.empty() ? a.path : a.path + ":" + a.member; }

// The article's own fields, in the order a hit prints them.
void add_article(nlohmann::ordered_json& j, const Article& a) {
    j["id"] = a.id;
    j["title"] = a.title;
    j["date"] = a.date;
    j["url"] = a.url;
    j["source"] = a.source;
    j["author"] = a.author;
    j["topic"] = a.topic;
    j["tags"] = a.tags;
}

void add_place(nlohmann::ordered_json& j, const Article& a) {
    j["path"] = a.path;
    j["member"] = a.member;
    j["line"] = a.line;
}

nlohmann::ordered_json topic_scores(const std::vector<std::pair<std::string, double>>& scores) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [name, score] : scores) out[name] = std::round(score * 1000) / 1000;
    return out;
}

// A line's start: its type, and the --batch input line it answers.
nlohmann::ordered_json json_line(const char* type, std::optional<std::size_t> query) {
    nlohmann::ordered_json j{{"type", type}};
    if (query) j["query"] = *query;
    return j;
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
        if (style.index_names.size() > 1) out << "  · [" << style.index_names[hit.index] << "]";
        if (style.color) out << kReset;
        out << '\n' << "     ";
        for (const SnippetPart& part : hit.snippet.parts) {
            if (!part.highlighted) out << part.text;
            else if (style.color) out << kBold << part.text << kReset;
            else out << "**" << part.text << "**";
        }
        out << '\n';
        if (hit.story.size > 1) {
            out << "     (+" << hit.story.size - 1 << " in this story";
            if (!hit.story.since.empty()) out << ", since " << display_ymd(hit.story.since);
            out << ")\n";
        }
        out << '\n';
    }
}

void print_json(std::ostream& out, const SearchResult& result, const std::vector<std::string>& index_names,
                std::optional<std::size_t> query) {
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        nlohmann::ordered_json matched = nlohmann::ordered_json::array();
        for (const WordMatch& m : hit.matched) matched.push_back({{"word", m.word}, {"how", m.how}});
        nlohmann::ordered_json j = json_line("hit", query);
        j["rank"] = hit.rank;
        add_article(j, a);
        j["score"] = rounded(hit.score);
        j["snippet"] = hit.snippet.plain();
        j["highlights"] = hit.snippet.highlighted_words();
        j["matched"] = matched;
        j["similar"] = hit.similar;
        j["story"] = hit.story.id;
        j["story_size"] = hit.story.size;
        add_place(j, a);
        if (index_names.size() > 1) j["index"] = index_names[hit.index];
        j["topics"] = topic_scores(hit.topics);
        if (result.relaxed) j["relaxed"] = true;
        out << dump(j) << '\n';
    }
    print_facets_json(out, result, query);
}

void print_facets_json(std::ostream& out, const SearchResult& result, std::optional<std::size_t> query) {
    for (const auto& [name, counts] : result.facets) {
        nlohmann::ordered_json values = nlohmann::ordered_json::object();
        for (const FacetCount& c : counts) values[c.value.empty() ? "(none)" : c.value] = c.count;
        nlohmann::ordered_json j = json_line("facet", query);
        j["facet"] = name;
        if (result.facet_stories) j["of"] = "stories";
        j["counts"] = values;
        out << dump(j) << '\n';
    }
}

void print_partial_json(std::ostream& out, const std::vector<std::string>& missing, std::optional<std::size_t> query) {
    if (missing.empty()) return;
    nlohmann::ordered_json j = json_line("partial", query);
    j["partial"] = true;
    j["missing"] = missing;
    out << dump(j) << '\n';
}

void print_ids(std::ostream& out, const SearchResult& result) {
    for (const Hit& hit : result.hits) out << escape_line(hit.article.id) << '\n';
}

void print_files(std::ostream& out, const SearchResult& result) {
    std::set<std::string> seen;
    for (const Hit& hit : result.hits)
        if (seen.insert(file_of(hit.article)).second) out << escape_line(file_of(hit.article)) << '\n';
}

void print_facets_text(std::ostream& out, const SearchResult& result) {
    for (const auto& [name, counts] : result.facets) {
        out << name << (result.facet_stories ? " (stories):" : ":");
        std::size_t shown = 0;
        for (const FacetCount& c : counts) {
            if (++shown > 20) {
                out << " …";
                break;
            }
            out << (shown > 1 ? ", " : " ") << (c.value.empty() ? "(none)" : c.value) << " " << c.count;
        }
        out << '\n';
    }
}

void print_article_text(std::ostream& out, const Article& a, bool color) {
    if (color) out << kBold << a.title << kReset << "\n\n"; else out << a.title << "\n\n";
    auto field = [&](const char* name, const std::string& value) {
        if (!value.empty()) out << name << value << '\n';
    };
    field("id:       ", a.id);
    field("date:     ", a.date);
    field("source:   ", a.source);
    field("author:   ", a.author);
    field("url:      ", a.url);
    field("topic:    ", a.topic);
    std::string tags;
    for (const std::string& t : a.tags) tags += (tags.empty() ? "" : ", ") + t;
    field("tags:     ", tags);
    field("file:     ", file_of(a) + (a.line ? ":" + std::to_string(a.line) : ""));
    out << '\n' << a.text << '\n';
}

void print_article_json(std::ostream& out, const Article& a, const std::vector<std::pair<std::string, double>>& topics) {
    nlohmann::ordered_json j{{"type", "article"}};
    add_article(j, a);
    add_place(j, a);
    j["topics"] = topic_scores(topics);
    j["text"] = a.text;
    out << dump(j) << '\n';
}

}  // namespace newsdex
