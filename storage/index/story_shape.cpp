#include "index/story_shape.h"

#include <charconv>

namespace newsdex {

std::string encode_story_shape(const StoryShape& shape) {
    if (shape.size <= 1) return {};
    std::string out = std::to_string(shape.size);
    if (!shape.since.empty()) out += ' ' + shape.since;
    return out;
}

std::optional<StoryShape> decode_story_shape(const std::string& value) {
    StoryShape shape;
    const char* end = value.data() + value.size();
    const auto [at, error] = std::from_chars(value.data(), end, shape.size);
    if (error != std::errc() || shape.size < 2) return std::nullopt;
    if (at != end) {
        if (*at != ' ' || at + 1 == end) return std::nullopt;
        shape.since.assign(at + 1, end);
    }
    return shape;
}

}  // namespace newsdex
