#include "story_counts.h"

#include "base/schema.h"

namespace newsdex {

void StoryCountSpy::operator()(const Xapian::Document& doc, double) {
    // Without a value the article is not counted, as Xapian's
    // ValueCountMatchSpy does not count it (a timeline's undated are the
    // total less the dated).
    std::string value = doc.get_value(slot_);
    if (value.empty()) return;
    std::string story = doc.get_value(schema::kStorySlot);
    // An index written before story keys: each article its own story.
    if (story.empty()) story = "#" + std::to_string(doc.get_docid());
    if (slot_ != schema::kDateSlot) {
        values_.emplace(std::move(value), std::move(story));
        return;
    }
    auto [it, added] = earliest_.try_emplace(std::move(story), value);
    if (!added && value < it->second) it->second = std::move(value);
}

std::map<std::string, Xapian::doccount> StoryCountSpy::counts() const {
    std::map<std::string, Xapian::doccount> out;
    for (const auto& [value, story] : values_) ++out[value];
    for (const auto& [story, date] : earliest_) ++out[date];
    return out;
}

}  // namespace newsdex
