#include "readers/field_map.h"

#include <algorithm>
#include <stdexcept>

namespace newsdex {

const std::vector<std::string>& FieldMap::article_fields() {
    static const std::vector<std::string> fields{"id", "url", "title", "date", "topic", "tags", "text", "source", "author"};
    return fields;
}

FieldMap::FieldMap()
    : keys_{{"id", {"id", "guid", "uuid"}},
            {"url", {"url", "link", "href"}},
            {"title", {"title", "headline", "name"}},
            {"date", {"date", "published", "pubDate", "datePublished", "published_at", "pub_date", "time"}},
            {"topic", {"topic", "rubric", "category", "section"}},
            {"tags", {"tags", "keywords"}},
            {"text", {"text", "body", "content", "article", "articleBody"}},
            {"source", {"source", "site", "publisher"}},
            {"author", {"author", "authors", "byline"}}} {}

void FieldMap::set(const std::string& assignment) {
    const std::size_t eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == assignment.size())
        throw std::invalid_argument("--field expects ARTICLE_FIELD=RECORD_KEY, got '" + assignment + "'");
    const std::string field = assignment.substr(0, eq);
    const auto& known = article_fields();
    if (std::find(known.begin(), known.end(), field) == known.end())
        throw std::invalid_argument("--field: unknown article field '" + field +
                                    "' (one of id, url, title, date, topic, tags, text, source, author)");
    std::vector<std::string> keys;
    std::string rest = assignment.substr(eq + 1);
    for (std::size_t start = 0; start <= rest.size();) {
        std::size_t comma = rest.find(',', start);
        if (comma == std::string::npos) comma = rest.size();
        if (comma > start) keys.push_back(rest.substr(start, comma - start));
        start = comma + 1;
    }
    if (keys.empty()) throw std::invalid_argument("--field " + field + "= names no record key");
    keys_[field] = std::move(keys);
}

const std::vector<std::string>& FieldMap::keys(const std::string& article_field) const {
    return keys_.at(article_field);
}

}  // namespace newsdex
