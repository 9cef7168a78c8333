#include "doc_data.h"

#include "scsu.h"

#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

// The first byte of format 1; the legacy format is a JSON object and starts
// with '{'.
constexpr char kScsuFormat = '\x01';
// Ends format 1's metadata. Dumped JSON never holds a raw NUL: nlohmann
// escapes every control character inside strings.
constexpr char kEndOfMetadata = '\0';

nlohmann::json metadata(const Article& a) {
    return {{"id", a.id},         {"path", a.path},         {"member", a.member}, {"line", a.line},
            {"author", a.author}, {"encoding", a.encoding}, {"url", a.url},       {"title", a.title},
            {"date", a.date},     {"source", a.source},     {"topic", a.topic},   {"tags", a.tags}};
}

// Every field the object has; "text" only in the legacy format.
Article from_json(const nlohmann::json& j) {
    Article a;
    if (!j.is_object()) return a;
    a.id = j.value("id", "");
    a.path = j.value("path", "");
    a.member = j.value("member", "");
    a.line = j.value("line", int64_t{0});
    a.author = j.value("author", "");
    a.encoding = j.value("encoding", "");
    a.url = j.value("url", "");
    a.title = j.value("title", "");
    a.date = j.value("date", "");
    a.source = j.value("source", "");
    a.topic = j.value("topic", "");
    a.tags = j.value("tags", std::vector<std::string>{});
    a.text = j.value("text", "");
    return a;
}

// Damaged data reads as an empty article, as unparsable JSON always has.
Article decode_scsu_format(const std::string& data) {
    const std::size_t end = data.find(kEndOfMetadata, 1);
    if (end == std::string::npos) return Article{};
    const auto fields = nlohmann::json::parse(data.data() + 1, data.data() + end, nullptr, false);
    if (!fields.is_object()) return Article{};
    Article a = from_json(fields);
    a.text = scsu_to_utf8(std::string_view(data).substr(end + 1));
    return a;
}

}  // namespace

std::string encode_doc_data(const Article& a) {
    // Replacement rather than an exception: the analyzer already accepted
    // this text, invalid bytes and all (append_scsu replaces the same way).
    const std::string fields = metadata(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string data;
    // SCSU hardly ever takes more bytes than UTF-8 (Russian takes half).
    data.reserve(fields.size() + a.text.size() + 32);
    data += kScsuFormat;
    data += fields;
    data += kEndOfMetadata;
    append_scsu(a.text, data);
    return data;
}

Article decode_doc_data(const std::string& data) {
    if (!data.empty() && data.front() == kScsuFormat) return decode_scsu_format(data);
    return from_json(nlohmann::json::parse(data, nullptr, false));
}

}  // namespace newsdex
