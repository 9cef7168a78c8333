#include "jsonl_reader.h"

#include "article_id.h"
#include "errors.h"

#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

using nlohmann::json;

std::string string_field(const json& record, const char* name) {
    auto it = record.find(name);
    if (it == record.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    throw InputError(std::string("field '") + name + "' is not a string");
}

std::vector<std::string> tags_field(const json& record) {
    auto it = record.find("tags");
    if (it == record.end() || it->is_null()) return {};
    if (it->is_string()) return {it->get<std::string>()};
    if (!it->is_array()) throw InputError("field 'tags' is not an array of strings");
    std::vector<std::string> tags;
    for (const json& tag : *it) {
        if (!tag.is_string()) throw InputError("field 'tags' is not an array of strings");
        if (!tag.get_ref<const std::string&>().empty()) tags.push_back(tag.get<std::string>());
    }
    return tags;
}

bool all_digits(const std::string& s, std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
}

}  // namespace

std::string normalize_iso_date(const std::string& value) {
    if (value.size() < 10 || !all_digits(value, 0, 4) || value[4] != '-' || !all_digits(value, 5, 2) ||
        value[7] != '-' || !all_digits(value, 8, 2))
        return {};
    if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return {};
    int month = std::stoi(value.substr(5, 2)), day = std::stoi(value.substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return {};
    return value.substr(0, 10);
}

Article parse_json_article(const std::string& line, const std::string& fallback_id) {
    json record = json::parse(line, nullptr, false);
    if (record.is_discarded()) throw InputError("invalid JSON");
    if (!record.is_object()) throw InputError("not a JSON object");
    Article a;
    a.id = string_field(record, "id");
    a.url = string_field(record, "url");
    a.title = string_field(record, "title");
    a.text = string_field(record, "text");
    a.source = string_field(record, "source");
    a.topic = string_field(record, "topic");
    a.tags = tags_field(record);
    a.date = normalize_iso_date(string_field(record, "date"));
    if (a.title.empty() && a.text.empty()) throw InputError("no title and no text");
    if (a.id.empty()) a.id = a.url.empty() ? fallback_id : a.url;
    return a;
}

void read_json_lines(std::istream& in, const std::filesystem::path& file, const std::filesystem::path& base,
                     const ArticleSink& emit, const RejectSink& reject) {
    const std::string file_id = path_id(file, base);
    std::string line;
    for (int64_t number = 1; std::getline(in, line); ++number) {
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = file.string() + ":" + std::to_string(number);
        try {
            Article a = parse_json_article(line, file_id + ":" + std::to_string(number));
            a.path = file.string();
            a.line = number;
            emit(std::move(a));
        } catch (const InputError& e) {
            reject(where, e.what());
        }
    }
    if (in.bad()) reject(file.string(), "read error");
}

}  // namespace newsdex
