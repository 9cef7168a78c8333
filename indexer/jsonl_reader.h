// JSON Lines archives: one article object per line with the fields of
// ../shared/data/news-dev.jsonl (id, url, title, date, topic, tags, text,
// source). A bad line is rejected on its own; the others still index.
#pragma once

#include "article.h"

#include <filesystem>
#include <functional>
#include <istream>
#include <string>

namespace newsdex {

using ArticleSink = std::function<void(Article&&)>;
using RejectSink = std::function<void(const std::string& where, const std::string& reason)>;

void read_json_lines(std::istream& in, const std::filesystem::path& file, const std::filesystem::path& base,
                     const ArticleSink& emit, const RejectSink& reject);

// Parses one line; throws InputError with the reason when it is unusable.
Article parse_json_article(const std::string& line, const std::string& fallback_id);

// "YYYY-MM-DD" from a date or ISO 8601 timestamp; empty if not a valid date.
std::string normalize_iso_date(const std::string& value);

}  // namespace newsdex
