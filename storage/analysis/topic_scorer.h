// How much an article is about each topic, from its analyzed title and
// body: title words count most, then the lead; repeats give diminishing
// returns; at least two different signals and the profile's threshold are
// needed, so one passing mention is not enough.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/topic_profiles.h"

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

// The scores apply_topic_scores() stored in `doc`, best first: the topics its
// XP terms name, with the profiles the index was scored with, so showing
// an article's topics needs no profiles loaded (parsing them was a third
// of a --json query process).
std::vector<std::pair<std::string, double>> document_topics(const Xapian::Document& doc);

}  // namespace newsdex
