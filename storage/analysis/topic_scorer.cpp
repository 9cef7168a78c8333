#include "analysis/topic_scorer.h"

#include "base/schema.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace newsdex {
namespace {

// Where a word stands weighs as in the index's general field (schema.h):
// the title kTitleWeight times, the lead kLeadWeight times.
constexpr double kTitleFactor = schema::kTitleWeight;
constexpr double kLeadFactor = schema::kLeadWeight;
// Maps a raw score onto 0..1: a score at twice the threshold is ~0.86.
constexpr double kScale = 0.5;

// The stems of the article with the weight of where they stand. Views into
// the article's tokens, which outlive it.
struct Occurrences {
    struct Stem {
        double weight = 0;                 // weighted count
        std::vector<std::size_t> starts;   // its places in `order`
    };
    std::unordered_map<std::string_view, Stem> stems;
    std::vector<std::pair<std::string_view, double>> order;  // stems in text order, for phrases
};

Occurrences collect(const ArticleTokens& tokens) {
    Occurrences o;
    o.order.reserve(tokens.title.size() + tokens.body.size());
    auto add = [&](const AnalyzedToken& t, double factor) {
        Occurrences::Stem& stem = o.stems[t.stem];
        stem.weight += factor;
        if (t.term.find('-') != std::string::npos) return;
        stem.starts.push_back(o.order.size());
        o.order.emplace_back(t.stem, factor);
    };
    for (const AnalyzedToken& t : tokens.title) add(t, kTitleFactor);
    for (const AnalyzedToken& t : tokens.body) add(t, t.begin < schema::kLeadUnits ? kLeadFactor : 1.0);
    return o;
}

// Starts from the places of the phrase's first stem (scanning every place
// for every phrase of every topic was a fifth of the analysis time). A
// phrase is never empty: topic_profiles.cpp skips those.
double phrase_count(const Occurrences& o, const std::vector<std::string>& phrase) {
    double count = 0;
    auto first = o.stems.find(phrase.front());
    if (first == o.stems.end()) return 0;
    for (std::size_t i : first->second.starts) {
        if (i + phrase.size() > o.order.size()) break;
        std::size_t k = 1;
        while (k < phrase.size() && o.order[i + k].first == phrase[k]) ++k;
        if (k == phrase.size()) count += o.order[i].second;
    }
    return count;
}

// Diminishing returns: the first mention counts fully, the tenth hardly.
double saturate(double weighted_count) { return weighted_count > 0 ? 1.0 + std::log(weighted_count) : 0.0; }

}  // namespace

std::vector<TopicScore> score_topics(const TopicProfiles& profiles, const ArticleTokens& tokens) {
    const Occurrences o = collect(tokens);
    // Long articles mention everything once; don't let length alone win.
    const double length = static_cast<double>(tokens.body.size());
    const double length_damping = 1.0 + std::log1p(length / 400.0);
    std::vector<TopicScore> out;
    for (const TopicProfile& topic : profiles.topics) {
        double raw = 0;
        int signals = 0;
        for (const auto& [stem, weight] : topic.stems) {
            auto it = o.stems.find(stem);
            if (it == o.stems.end()) continue;
            raw += weight * saturate(it->second.weight);
            if (weight > 0) ++signals;
        }
        for (const TopicProfile::Phrase& phrase : topic.phrases) {
            const double count = phrase_count(o, phrase.stems);
            if (count == 0) continue;
            raw += phrase.weight * saturate(count);
            if (phrase.weight > 0) ++signals;
        }
        raw /= length_damping;
        if (signals < 2 || raw < topic.threshold) continue;
        out.push_back({&topic, 1.0 - std::exp(-kScale * raw / topic.threshold)});
    }
    std::sort(out.begin(), out.end(), [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
    return out;
}

void apply_topic_scores(Xapian::Document& doc, const std::vector<TopicScore>& scores) {
    std::vector<Xapian::valueno> old_slots;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (v.get_valueno() >= schema::kFirstTopicSlot) old_slots.push_back(v.get_valueno());
    for (Xapian::valueno slot : old_slots) doc.remove_value(slot);
    const std::string prefix(schema::kTopicScorePrefix);
    std::vector<std::string> old_terms;
    auto t = doc.termlist_begin();
    for (t.skip_to(prefix); t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0; ++t) old_terms.push_back(*t);
    for (const std::string& term : old_terms) doc.remove_term(term);
    for (const TopicScore& s : scores) {
        doc.add_value(s.topic->slot, Xapian::sortable_serialise(s.score));
        doc.add_boolean_term(prefix + s.topic->name);
    }
}

TopicNames scored_topics(const Xapian::Database& db) {
    const std::string prefix(schema::kTopicScorePrefix);
    TopicNames out;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        std::string name = (*t).substr(prefix.size());
        out.emplace(slot_for(name), std::move(name));
    }
    return out;
}

std::vector<std::pair<std::string, double>> document_topics(const Xapian::Document& doc, const TopicNames& names) {
    std::vector<std::pair<std::string, double>> out;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (const auto name = names.find(v.get_valueno()); name != names.end())
            out.emplace_back(name->second, Xapian::sortable_unserialise(*v));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

}  // namespace newsdex
