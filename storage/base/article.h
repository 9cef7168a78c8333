// One article as the indexer hands it to storage, and as the query tool
// reads it back from a Xapian document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

struct Article {
    std::string id;      // stable identity: record id, else url, else relative path
    std::string path;    // source file, absolute ("-" for standard input)
    std::string member;  // path inside an archive, else empty
    int64_t line = 0;    // line (JSON Lines) or record (CSV, JSON array) number, 0 for whole files
    std::string url;
    std::string title;
    std::string date;    // YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC), or empty when unknown
    std::string source;
    std::string author;
    std::string encoding;  // the input's detected (or given) character encoding
    std::string topic;   // the source's own label, if any
    std::vector<std::string> tags;
    std::string text;    // body, paragraphs separated by '\n'
};

}  // namespace newsdex
