// What a hit shows of its story without looking at the story's other
// articles: how many articles it has and the earliest one's date. Every
// article of a story of two or more keeps them (schema.h: value slot 7),
// and the story linker (story_linker.h) rewrites them whenever the story
// changes; an article alone has none.
//
// They are values, and so is the article's story id (slot 2), because
// Xapian rewrites a document whose values alone changed without reading its
// term list and positions back: moving an article to another story by a
// term cost about 2 ms an article, which made linking a large first run's
// near-copies (9,000 of 12,000 articles) a tail of 20 s.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace newsdex {

struct StoryShape {
    Xapian::doccount size = 1;
    std::string since;  // YYYYMMDD of its earliest dated article; empty if none is dated

    bool operator==(const StoryShape&) const = default;
};

// As stored: "SIZE" or "SIZE SINCE"; empty for a story of one.
std::string encode_story_shape(const StoryShape& shape);

// nullopt for an empty or malformed value: an article alone, or one of an
// index written before stories kept their shape (story.h then counts).
std::optional<StoryShape> decode_story_shape(const std::string& value);

}  // namespace newsdex
