#include "story.h"

#include "base/errors.h"
#include "base/schema.h"

namespace newsdex {
namespace {

std::string story_term(const std::string& id) { return std::string(schema::kStoryPrefix) + id; }

// The date of the story's earliest dated article (an enquire sorted by
// date over its few articles).
std::string earliest_date(const Xapian::Database& db, const std::string& id) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(story_term(id)),
                                    Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0")));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kDateSlot, false);
    const Xapian::MSet first = enquire.get_mset(0, 1);
    return first.empty() ? std::string() : first.begin().get_document().get_value(schema::kDateSlot);
}

}  // namespace

HitStory hit_story(const Xapian::Database& db, const Xapian::Document& doc, Xapian::doccount collapsed) {
    HitStory story;
    story.id = doc.get_value(schema::kStorySlot);
    const Xapian::doccount members = story.id.empty() ? 0 : db.get_termfreq(story_term(story.id));
    story.size = members ? members : 1 + collapsed;
    if (members > 1) story.since = earliest_date(db, story.id);
    return story;
}

Xapian::Query story_query(const Xapian::Database& db, const std::string& id,
                          std::optional<Xapian::docid> article) {
    if (!article) {
        if (db.term_exists(story_term(id))) return Xapian::Query(story_term(id));  // a story's own id
        throw QueryError("no article or story with id " + id);
    }
    const std::string story = db.get_document(*article).get_value(schema::kStorySlot);
    if (story.empty()) return Xapian::Query(std::string(schema::kIdPrefix) + id);
    // An index without story terms: the articles under the same headline
    // key, as the collapse groups them.
    if (!db.term_exists(story_term(story)))
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kStorySlot, story, story);
    return Xapian::Query(story_term(story));
}

}  // namespace newsdex
