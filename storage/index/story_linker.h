// Story threads (README, Stories): joins the articles indexed since the
// linker last ran to the stories they belong to, and re-forms the stories
// that lost an article (removed, or replaced by a new version).
//
// A story is a group of articles connected by same_story()
// (story_fingerprint.h), found through their link terms. Its id is the
// smallest own id among its articles: it does not depend on the order the
// articles came in, so an incremental run and a rebuild of the same input
// give every article the same story id, and a story whose first article is
// removed lives on (under its next smallest own id). Each article keeps
// its story's id and shape as values (story_shape.h), which the linker
// rewrites for every article whose story changed.
//
// Crash safety: the writer records what the linker must look at again (a
// story that lost an article, an article replaced in place) in the index's
// metadata in the same commit as the change (note_story_change); articles
// added are those after the last id linked. The linker's changes, that id
// and the cleared records commit together, so a run killed before the
// linker is done leaves its work to the next run. (Document ids are
// stable: only the merge of a first run's segments renumbers, and the
// linker runs after it.)
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct StoryLinks {
    std::size_t looked_at = 0;  // articles new or replaced since the last link, and those of stories that lost one
    std::size_t moved = 0;      // articles whose story id changed
    std::vector<std::pair<Xapian::docid, std::string>> stories;  // each article looked at, and its story now
};

// Whether link_stories() has anything to do: articles added or replaced,
// or stories that lost one, since it last ran.
bool stories_pending(const Xapian::Database& db);

// Links, in `db`'s current transaction if any (the caller commits).
// Documents without a story fingerprint (indexed before story threads)
// are left as they are.
StoryLinks link_stories(Xapian::WritableDatabase& db);

// Records, for the next link_stories(), that `lost_story` lost an article
// (empty: none did) and that the article `replaced` was replaced in place
// (0: none was), so it is linked again.
void note_story_change(Xapian::WritableDatabase& db, const std::string& lost_story, Xapian::docid replaced);

}  // namespace newsdex
