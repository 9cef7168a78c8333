#include "story.h"

#include "base/errors.h"
#include "base/schema.h"
#include "index/story_shape.h"

namespace newsdex {
namespace {

Xapian::Query articles_of(const std::string& story) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kStorySlot, story, story);
}

// The story's size and earliest date in an index written before stories
// kept their shape (schema.h, XY): by its term, or by what was collapsed.
StoryShape counted_shape(const Xapian::Database& db, const std::string& id, Xapian::doccount collapsed) {
    const std::string term = std::string(schema::kStoryPrefix) + id;
    const Xapian::doccount members = id.empty() ? 0 : db.get_termfreq(term);
    StoryShape shape{members ? members : 1 + collapsed, {}};
    if (members <= 1) return shape;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term),
                                    Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0")));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kDateSlot, false);
    const Xapian::MSet first = enquire.get_mset(0, 1);
    if (!first.empty()) shape.since = first.begin().get_document().get_value(schema::kDateSlot);
    return shape;
}

bool has_articles(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
}

}  // namespace

HitStories::HitStories(const Xapian::Database& db)
    : db_(db), shapes_kept_(db.get_value_freq(schema::kStoryShapeSlot) > 0) {}

HitStory HitStories::of(const Xapian::Document& doc, Xapian::doccount collapsed) const {
    HitStory story;
    story.id = doc.get_value(schema::kStorySlot);
    const std::optional<StoryShape> kept = decode_story_shape(doc.get_value(schema::kStoryShapeSlot));
    // No shape: a story of one, unless no story in the index has a shape
    // (an index written before shapes: count its story terms, if any).
    const StoryShape shape = kept           ? *kept
                             : shapes_kept_ ? StoryShape{1 + collapsed, {}}
                                            : counted_shape(db_, story.id, collapsed);
    story.size = shape.size;
    story.since = shape.since;
    return story;
}

Xapian::valueno story_collapse_slot(const Xapian::Database& db, bool remote) {
    if (remote) return schema::kStorySlot;
    // Every article of a story of two or more has it (as it has a shape),
    // and none predates story threads (whose story, its headline key, is in
    // slot 2 alone).
    const Xapian::doccount collapsible = db.get_value_freq(schema::kStoryCollapseSlot);
    const bool linked_since = collapsible > 0 && collapsible >= db.get_value_freq(schema::kStoryShapeSlot) &&
                              db.get_value_freq(schema::kStoryFingerprintSlot) == db.get_doccount();
    return linked_since ? schema::kStoryCollapseSlot : schema::kStorySlot;
}

Xapian::Query story_query(const Xapian::Database& db, const std::string& id,
                          std::optional<Xapian::docid> article) {
    if (!article) {
        // A story's own id (a scan of the story values: `story ID` only).
        if (has_articles(db, articles_of(id))) return articles_of(id);
        throw QueryError("no article or story with id " + id);
    }
    const std::string story = db.get_document(*article).get_value(schema::kStorySlot);
    if (story.empty()) return Xapian::Query(std::string(schema::kIdPrefix) + id);
    return articles_of(story);
}

}  // namespace newsdex
