// Turns one structured record (a JSON object, or a CSV row made into one)
// into an Article, through the field map. Shared by every record format.
#pragma once

#include "base/article.h"
#include "readers/field_map.h"
#include "readers/origin.h"

#include <nlohmann/json.hpp>

namespace newsdex {

// Throws InputError with the reason when the record is unusable. The
// caller fills in where it came from (path, member, line) and the fallback
// id before, and the date from the path after, as it knows them.
Article article_from_record(const nlohmann::json& record, const FieldMap& fields, const std::string& fallback_id);

// Records where a record-based article was found (`line` is its line or
// record number), and names its source after that place if it has none.
void stamp_origin(Article& article, const Origin& origin, int64_t line);

}  // namespace newsdex
