#include "readers/record_mapper.h"

#include "readers/date_parser.h"
#include "base/errors.h"
#include "readers/text_reader.h"
#include "base/url_host.h"

#include <algorithm>

namespace newsdex {
namespace {

using nlohmann::json;

const json* find_field(const json& record, const FieldMap& fields, const std::string& field) {
    for (const std::string& key : fields.keys(field)) {
        auto it = record.find(key);
        if (it != record.end() && !it->is_null() && !(it->is_string() && it->get_ref<const std::string&>().empty()))
            return &*it;
    }
    return nullptr;
}

std::string string_field(const json& record, const FieldMap& fields, const std::string& field) {
    const json* value = find_field(record, fields, field);
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number()) return value->dump();
    // An author object {"name": ...} or a list of them is common in feeds.
    if (value->is_object() && value->contains("name") && (*value)["name"].is_string()) return (*value)["name"];
    if (value->is_array() && field == "author") {
        std::string out;
        for (const json& v : *value) {
            std::string name = v.is_string() ? v.get<std::string>()
                               : v.is_object() && v.contains("name") && v["name"].is_string() ? v["name"].get<std::string>()
                                                                                                 : "";
            if (name.empty()) continue;
            if (!out.empty()) out += ", ";
            out += name;
        }
        return out;
    }
    throw InputError("field '" + field + "' is not a string");
}

// Tags arrive as an array, or as one string separated by commas/semicolons.
std::vector<std::string> tags_field(const json& record, const FieldMap& fields) {
    const json* value = find_field(record, fields, "tags");
    std::vector<std::string> tags;
    auto add = [&](std::string tag) {
        const char* ws = " \t\r\n";
        std::size_t b = tag.find_first_not_of(ws);
        if (b == std::string::npos) return;
        tag = tag.substr(b, tag.find_last_not_of(ws) - b + 1);
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    };
    if (!value) return tags;
    if (value->is_string()) {
        const std::string& s = value->get_ref<const std::string&>();
        std::size_t start = 0;
        for (std::size_t i = 0; i <= s.size(); ++i)
            if (i == s.size() || s[i] == ',' || s[i] == ';' || s[i] == '|') {
                add(s.substr(start, i - start));
                start = i + 1;
            }
        return tags;
    }
    if (!value->is_array()) throw InputError("field 'tags' is not an array of strings");
    for (const json& tag : *value) {
        if (!tag.is_string()) throw InputError("field 'tags' is not an array of strings");
        add(tag.get<std::string>());
    }
    return tags;
}

}  // namespace

Article article_from_record(const json& record, const FieldMap& fields, const std::string& fallback_id) {
    if (!record.is_object()) throw InputError("not a JSON object");
    Article a;
    a.id = string_field(record, fields, "id");
    a.url = string_field(record, fields, "url");
    a.title = string_field(record, fields, "title");
    a.text = string_field(record, fields, "text");
    a.source = string_field(record, fields, "source");
    a.topic = string_field(record, fields, "topic");
    a.author = string_field(record, fields, "author");
    a.tags = tags_field(record, fields);
    if (a.title.empty() && a.text.empty()) throw InputError("no title and no text");

    const std::string raw_date = string_field(record, fields, "date");
    if (auto date = normalize_date(raw_date)) a.date = *date;
    else if (auto from_url = date_from_path(a.url)) a.date = *from_url;

    if (a.source.empty()) a.source = url_host(a.url);
    if (a.id.empty()) a.id = a.url.empty() ? fallback_id : a.url;
    return a;
}

}  // namespace newsdex

namespace newsdex {

void stamp_origin(Article& a, const Origin& origin, int64_t line) {
    a.path = origin.path.string();
    a.member = origin.member;
    a.line = line;
    a.encoding = origin.encoding;
    if (a.source.empty()) a.source = source_from_origin(origin);
}

}  // namespace newsdex
