#include "readers/input_format.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace newsdex {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

constexpr std::array<std::string_view, 8> kCompression{".gz", ".bz2", ".xz", ".zst", ".lz4", ".lzma", ".z", ".zstd"};
constexpr std::array<std::string_view, 8> kArchives{".zip", ".tar", ".tgz", ".tbz2", ".txz", ".tzst", ".7z", ".cpio"};

// The extension of the last component, as std::filesystem::path::extension
// gives it ("a.tar.gz" → ".gz"; ".hidden", "." and ".." have none), without
// building a path: this runs for every file of every run.
std::string_view extension_of(std::string_view name) {
    if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    if (name == "." || name == "..") return {};
    const std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot);
}

std::string extension_without_compression(const std::string& name) {
    const std::string lowered = lower(name);
    std::string_view rest = lowered;
    for (;;) {
        const std::string_view ext = extension_of(rest);
        if (std::find(kCompression.begin(), kCompression.end(), ext) == kCompression.end()) return std::string(ext);
        rest.remove_suffix(ext.size());
    }
}

std::string_view skip_bom_and_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    std::size_t i = s.find_first_not_of(" \t\r\n");
    return i == std::string_view::npos ? std::string_view() : s.substr(i);
}

bool looks_like_html(std::string_view head) {
    std::string start = lower(std::string(head.substr(0, 2048)));
    for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<meta ", "<article", "<title"})
        if (start.find(marker) != std::string::npos) return true;
    return false;
}

}  // namespace

const char* format_name(Format format) {
    switch (format) {
        case Format::Text: return "text";
        case Format::Html: return "html";
        case Format::JsonLines: return "jsonl";
        case Format::Json: return "json";
        case Format::Csv: return "csv";
        case Format::Tsv: return "tsv";
    }
    return "?";
}

std::optional<Format> format_from_name(const std::string& name) {
    const std::string ext = extension_without_compression(name);
    if (ext == ".txt" || ext == ".text") return Format::Text;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return Format::Html;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::JsonLines;
    if (ext == ".json") return Format::Json;
    if (ext == ".csv") return Format::Csv;
    if (ext == ".tsv" || ext == ".tab") return Format::Tsv;
    return std::nullopt;
}

bool worth_reading(const std::string& name) {
    if (format_from_name(name)) return true;
    const std::string ext = extension_without_compression(name);
    if (std::find(kArchives.begin(), kArchives.end(), ext) != kArchives.end()) return true;
    const std::string lowered = lower(name);
    if (std::find(kArchives.begin(), kArchives.end(), extension_of(lowered)) != kArchives.end()) return true;
    return ext.empty();  // "no extension" is plain text by convention (or sniffed)
}

bool packed_by_name(const std::string& name) {
    const std::string lowered = lower(name);
    const std::string_view ext = extension_of(lowered);
    return std::find(kCompression.begin(), kCompression.end(), ext) != kCompression.end() ||
           std::find(kArchives.begin(), kArchives.end(), ext) != kArchives.end();
}

Format sniff_format(std::optional<Format> by_name, std::string_view head) {
    std::string_view content = skip_bom_and_space(head);
    const char first = content.empty() ? '\0' : content.front();
    if (by_name == Format::Csv || by_name == Format::Tsv) return *by_name;
    if (by_name == Format::JsonLines) return first == '[' ? Format::Json : Format::JsonLines;
    if (by_name == Format::Json) return Format::Json;
    if (first == '<' && looks_like_html(content)) return Format::Html;
    if (by_name == Format::Html) return Format::Html;
    if (!by_name && first == '{') return Format::JsonLines;
    if (!by_name && first == '[') return Format::Json;
    return Format::Text;
}

}  // namespace newsdex
