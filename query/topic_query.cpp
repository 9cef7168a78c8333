#include "topic_query.h"

#include "base/errors.h"
#include "base/schema.h"
#include "analysis/stemmer.h"
#include "analysis/stopwords.h"

#include <algorithm>
#include <set>

namespace newsdex {
namespace {

// Content stems only ("Zпошлин"): not field stems ("ZSпошлин"), other
// prefixes, numbers, stopwords, or stems of fewer than four letters.
class StemsOnly : public Xapian::ExpandDecider {
public:
    explicit StemsOnly(const std::map<std::string, double>* exclude = nullptr) : exclude_(exclude) {
        Xapian::Stem stemmer = make_stemmer();
        for (std::string_view w : russian_stopwords()) stopped_.insert(stemmer(std::string(w)));
    }
    bool operator()(const std::string& term) const override {
        if (term.size() < 3 || term[0] != 'Z' || (term[1] >= 'A' && term[1] <= 'Z')) return false;
        const std::string stem = term.substr(1);
        if (stem.find_first_of("0123456789") != std::string::npos || stopped_.count(stem)) return false;
        if (icu::UnicodeString::fromUTF8(stem).countChar32() < 4) return false;
        return !exclude_ || !exclude_->count(stem);
    }

private:
    const std::map<std::string, double>* exclude_;
    std::set<std::string> stopped_;
};

}  // namespace

Xapian::Query topic_query(const TopicProfiles& profiles, const std::vector<std::string>& topics, Analyzer& analyzer) {
    std::vector<Xapian::Query> sources;
    for (const std::string& name : topics) {
        const TopicProfile* topic = profiles.find(name, analyzer);
        if (!topic) {
            std::string known;
            for (const TopicProfile& t : profiles.topics) known += (known.empty() ? "" : ", ") + t.name + " (" + t.name_ru + ")";
            throw QueryError("unknown topic '" + name + "'; known topics: " + known);
        }
        sources.emplace_back((new Xapian::ValueWeightPostingSource(topic->slot))->release());
    }
    return Xapian::Query(Xapian::Query::OP_OR, sources.begin(), sources.end());
}

std::vector<std::pair<const TopicProfile*, Xapian::doccount>> count_topics(const Xapian::Database& db,
                                                                           const Xapian::Query& query,
                                                                           const TopicProfiles& profiles) {
    std::vector<std::pair<const TopicProfile*, Xapian::doccount>> out;
    Xapian::Enquire enquire(db);
    for (const TopicProfile& t : profiles.topics) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                        Xapian::Query(std::string(schema::kTopicScorePrefix) + t.name)));
        out.emplace_back(&t, enquire.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound());
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

std::vector<TermSuggestion> suggest_topic_terms(const Xapian::Database& db, const TopicProfile& topic,
                                                std::size_t seed_articles, std::size_t count) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query((new Xapian::ValueWeightPostingSource(topic.slot))->release()));
    Xapian::MSet best = enquire.get_mset(0, static_cast<Xapian::doccount>(seed_articles));
    Xapian::RSet seeds;
    for (auto it = best.begin(); it != best.end(); ++it) seeds.add_document(*it);
    if (seeds.empty()) return {};
    StemsOnly decider(&topic.stems);
    Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(count), seeds, &decider);
    std::vector<TermSuggestion> out;
    for (auto it = eset.begin(); it != eset.end(); ++it) out.push_back({(*it).substr(1), it.get_weight()});
    return out;
}

Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid docid, const std::string& id) {
    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(docid);
    StemsOnly decider;
    Xapian::ESet eset = enquire.get_eset(25, rset, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         Xapian::Query(std::string(schema::kIdPrefix) + id));
}

}  // namespace newsdex
