// Story threads at query time (README, Stories): which story a hit belongs
// to, how many articles it has and since when, and `story ID`'s query.
// A hit's story size and date are values of its own (story_shape.h); in an
// index written before those, they are counted from its story terms, and
// before story threads a hit's story is its headline key and its size what
// the collapse counted.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace newsdex {

struct HitStory {
    std::string id;             // empty: the index records none
    Xapian::doccount size = 1;  // articles in the story, this one included
    std::string since;          // the earliest article's date (YYYYMMDD), when known and size > 1
};

// The stories of a search's hits, from their documents: made once a search,
// as whether the index keeps stories' shapes is asked of it once (a remote
// shard answers each question over the network).
class HitStories {
public:
    explicit HitStories(const Xapian::Database& db);

    // `collapsed`: how many matching articles the search collapsed into this
    // hit (what an index without story terms can tell of its story's size).
    HitStory of(const Xapian::Document& doc, Xapian::doccount collapsed) const;

private:
    const Xapian::Database& db_;
    bool shapes_kept_;
};

// The value slot a search collapses stories by (schema.h): 8, where only
// an article with another in its story has one, in an index linked since
// that slot; otherwise 2, every article's story id, which costs Xapian a
// value read for each article it matches (a one-word query's process +5%
// instructions) but is right in an index of any age. `remote`: a shard is
// a xapian-tcpsrv's, where each question about the index is a round trip.
Xapian::valueno story_collapse_slot(const Xapian::Database& db, bool remote);

// Every article of the story of the article with this id (`article`: its
// document, if there is one), or of the story with this id. Throws
// QueryError when there is neither.
Xapian::Query story_query(const Xapian::Database& db, const std::string& id, std::optional<Xapian::docid> article);

}  // namespace newsdex
