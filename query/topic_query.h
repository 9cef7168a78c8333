// Topics on the query side: ranking by a topic's stored scores, counting
// articles per topic, an article's own scores, and suggesting words for a
// profile from the articles that best fit it (Xapian's relevance feedback).
#pragma once

#include "analysis/analyzer.h"
#include "analysis/topic_profiles.h"
#include "analysis/topic_scorer.h"  // document_topics

#include <xapian.h>

#include <string>
#include <vector>

namespace newsdex {

// Articles about any of `topics` (English or Russian names), weighted by
// their scores. Throws QueryError for an unknown name, listing the known.
Xapian::Query topic_query(const TopicProfiles& profiles, const std::vector<std::string>& topics, Analyzer& analyzer);

// How many articles matching `query` are about each topic, most first.
std::vector<std::pair<const TopicProfile*, Xapian::doccount>> count_topics(const Xapian::Database& db,
                                                                           const Xapian::Query& query,
                                                                           const TopicProfiles& profiles);

struct TermSuggestion {
    std::string word;  // a lemma, or the stem of a word no dictionary knows
    double weight;
};
// Words that set the topic's best articles apart, not yet in its profile.
std::vector<TermSuggestion> suggest_topic_terms(const Xapian::Database& db, const TopicProfile& topic,
                                                std::size_t seed_articles, std::size_t count);

// A query for articles like the one with this document id (its most
// distinctive lemmas and stems), excluding it.
Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid docid, const std::string& id);

}  // namespace newsdex
