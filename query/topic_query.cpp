#include "topic_query.h"

#include "base/errors.h"
#include "base/schema.h"
#include "analysis/stemmer.h"
#include "analysis/stopwords.h"

#include <algorithm>
#include <set>

namespace newsdex {
namespace {

// Content words only: lemmas ("XMпошлина", and "XCфедерация" where the
// word is part of a name) of the words a dictionary knows and stems
// ("Zпошлин") of the others (an index keeps no stem term for a
// known word since 2026-12-06: schema.h); not field terms ("ZS", "XMS"),
// other prefixes, numbers, stopwords, or words of fewer than four letters.
// `exclude`: stems (a topic profile's), whose lemmas are left out too.
class WordTerms : public Xapian::ExpandDecider {
public:
    explicit WordTerms(const std::map<std::string, double>* exclude = nullptr) : exclude_(exclude) {
        for (std::string_view w : russian_stopwords()) stopped_.insert(stemmer_(std::string(w)));
    }
    bool operator()(const std::string& term) const override {
        const std::size_t prefix = word_prefix_size(term);
        if (prefix == 0) return false;
        const std::string word = term.substr(prefix);
        if (word.find_first_of("0123456789") != std::string::npos) return false;
        if (icu::UnicodeString::fromUTF8(word).countChar32() < 4) return false;
        const std::string stem = prefix == 1 ? word : stemmer_(word);
        return !stopped_.count(stem) && (!exclude_ || !exclude_->count(stem));
    }
    // The prefix before the word of a content term: 1 ("Z"), 2 ("XM", "XC"), or
    // 0 for any other term.
    static std::size_t word_prefix_size(const std::string& term) {
        const auto field_or_none = [&](std::size_t at) {
            return term.size() <= at || (term[at] >= 'A' && term[at] <= 'Z');
        };
        if (term.starts_with(schema::kStemPrefix) && !field_or_none(1)) return 1;
        if ((term.starts_with(schema::kLemmaPrefix) || term.starts_with(schema::kNameUsePrefix)) && !field_or_none(2))
            return 2;
        return 0;
    }

private:
    const std::map<std::string, double>* exclude_;
    Xapian::Stem stemmer_ = make_stemmer();
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
    WordTerms decider(&topic.stems);
    // Twice as many: an index written before 2026-12-06 has both a known
    // word's stem and its lemma, and a word is proposed once.
    Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(2 * count), seeds, &decider);
    const Xapian::Stem stemmer = make_stemmer();
    std::set<std::string> proposed;  // by stem
    std::vector<TermSuggestion> out;
    for (auto it = eset.begin(); it != eset.end() && out.size() < count; ++it) {
        const std::string word = (*it).substr(WordTerms::word_prefix_size(*it));
        if (proposed.insert(stemmer(word)).second) out.push_back({word, it.get_weight()});
    }
    return out;
}

Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid docid, const std::string& id) {
    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(docid);
    WordTerms decider;
    Xapian::ESet eset = enquire.get_eset(25, rset, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         Xapian::Query(std::string(schema::kIdPrefix) + id));
}

}  // namespace newsdex
