// Story threads counted instead of articles (--facet and --timeline with
// --stories; README, Story threads).
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace newsdex {

// Counts the matching articles' stories by the value of one slot. A story
// counts once for each value its matching articles have (a story told by
// two sources counts for both), except in time: by the date slot it counts
// once, at its earliest dated matching article, so a timeline's periods
// and its undated stories (the total less the dated) add up to the number
// of stories. Articles without the value are not counted, as Xapian's
// ValueCountMatchSpy does not count them.
// Local indexes only: a remote shard (xapian-tcpsrv) runs only Xapian's own
// match spies.
class StoryCountSpy : public Xapian::MatchSpy {
public:
    explicit StoryCountSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double weight) override;

    // Each value, and how many stories have it.
    std::map<std::string, Xapian::doccount> counts() const;

private:
    Xapian::valueno slot_;
    std::set<std::pair<std::string, std::string>> values_;  // (value, story)
    std::map<std::string, std::string> earliest_;          // story, its earliest date
};

}  // namespace newsdex
