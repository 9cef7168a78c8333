// How much an article is about each topic, from its analyzed title and
// body: title words count most, then the lead; repeats give diminishing
// returns; at least two different signals and the profile's threshold are
// needed, so one passing mention is not enough.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/topic_profiles.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct TopicScore {
    const TopicProfile* topic;
    double score;  // 0..1, growing with the evidence
};

// Topics the article is about, best first.
std::vector<TopicScore> score_topics(const TopicProfiles& profiles, const ArticleTokens& tokens);

// Sets the article's topic values and XP terms in `doc`, replacing old ones.
void apply_topic_scores(Xapian::Document& doc, const std::vector<TopicScore>& scores);

// The topics an index holds scores for, by value slot: the names its XP
// terms carry, as the profiles it was scored with named them. So showing
// articles' topics needs no profiles loaded (parsing them was a third of a
// --json query process), and over a remote shard costs one term list for
// the whole query, not one a hit.
using TopicNames = std::map<Xapian::valueno, std::string>;
TopicNames scored_topics(const Xapian::Database& db);

// The scores apply_topic_scores() stored in `doc`, best first, for the
// topics `names` has.
std::vector<std::pair<std::string, double>> document_topics(const Xapian::Document& doc, const TopicNames& names);

}  // namespace newsdex
