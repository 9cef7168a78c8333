#include "doc_data.h"

#include <nlohmann/json.hpp>

namespace newsdex {

std::string encode_doc_data(const Article& a) {
    nlohmann::json j{{"id", a.id},         {"path", a.path},   {"member", a.member}, {"line", a.line},
                     {"author", a.author}, {"encoding", a.encoding},
                     {"url", a.url},       {"title", a.title}, {"date", a.date},
                     {"source", a.source}, {"topic", a.topic}, {"tags", a.tags},
                     {"text", a.text}};
    // Replacement rather than an exception: the analyzer already accepted
    // this text, invalid bytes and all.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_doc_data(const std::string& data) {
    Article a;
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
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

}  // namespace newsdex
