// Which record field feeds which article field, for JSON and CSV inputs.
// Defaults match ../shared/data (id, url, title, date, topic, tags, text,
// source) plus common alternatives; `--field title=headline` (or
// `--field text=body,content` for alternatives in order) overrides.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace newsdex {

class FieldMap {
public:
    static const std::vector<std::string>& article_fields();

    FieldMap();
    // Parses "article_field=record_key[,record_key...]"; throws
    // std::invalid_argument with a one-line reason.
    void set(const std::string& assignment);
    // Record keys to try, in order, for an article field.
    const std::vector<std::string>& keys(const std::string& article_field) const;

private:
    std::map<std::string, std::vector<std::string>> keys_;
};

}  // namespace newsdex
