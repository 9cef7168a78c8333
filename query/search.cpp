#include "search.h"

#include "index/shard_archive.h"
#include "analysis/analyzer.h"
#include "docdata/doc_data.h"
#include "base/errors.h"
#include "hit_terms.h"
#include "index_set.h"
#include "query_builder.h"
#include "recency.h"
#include "analysis/stemmer.h"
#include "base/schema.h"
#include "base/xapian_reason.h"
#include "spelling.h"
#include "story.h"
#include "story_counts.h"
#include "analysis/topic_profiles.h"
#include "topic_query.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

namespace newsdex {
namespace {

// BM25's k1 and b for any-word queries: the textbook values (Robertson's;
// Lucene's defaults), where an article's many words count for more than
// Xapian's defaults (1, 0.5) let them. They replaced k1 2, b 0.9, which
// were tuned on headlines before the lead bonus and the lemma terms and
// had come to fit neither task scripts/eval-search measures: all 8,613
// headlines MRR@10 0.760 -> 0.767 (RIA's alone 0.921 -> 0.920), pasted
// stretches of body text 0.784 -> 0.813 (2,000) and 0.773 -> 0.799 (4,000
// others); Xapian's defaults gave 0.765 (RIA 0.915), 0.822 and 0.807
// (README, How well does a headline find its article?). All-word queries
// keep Xapian's defaults (no such measure says otherwise).
constexpr double kAnyWordsK1 = 1.2, kAnyWordsB = 0.75;
// --recent: a day-old article gets most of the boost, a month-old one half.
constexpr double kRecencyHalfLifeDays = 30;
constexpr double kRecencyMaxBoost = 3.0;
// Fewer hits than this and we look for a better spelling.
constexpr Xapian::doccount kFewHits = 3;
// Each unknown word costs a scan of part of the vocabulary; a query with
// more unknown words than this is not a typo to correct.
constexpr std::size_t kMaxWordsToCorrect = 8;
// Topic scores are 0..1; scaled so that with keywords the topic decides the
// order and relevance breaks ties among equally topical articles.
constexpr double kTopicWeight = 20.0;

// How words join before any relaxing (see run_once).
Joining joining_of(Words words) { return words == Words::Any ? Joining::Any : Joining::All; }

// Title words already carry extra wdf (schema.h).
Xapian::BM25Weight weighting(Joining joining) {
    if (joining == Joining::All) return Xapian::BM25Weight();
    return Xapian::BM25Weight(kAnyWordsK1, 0, 1, kAnyWordsB, 0.5);
}

Xapian::Query with_filters(Xapian::Query query, const SearchRequest& request) {
    if (!request.indexed_after.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kIndexedAtSlot, request.indexed_after + "~"));
    if (!request.since.empty() || !request.until.empty()) {
        const std::string low = request.since.empty() ? "00000000" : request.since;
        const std::string high = request.until.empty() ? "99999999" : request.until;
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high));
    }
    if (request.recent && request.sort == SortOrder::Relevance) {
        auto* source = new RecencySource(schema::kDateSlot, today_days(), kRecencyHalfLifeDays, kRecencyMaxBoost);
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
    }
    return query;
}

std::vector<WordMatch> how_matched(const std::set<std::string>& terms, const ParsedQuery& parsed) {
    std::vector<WordMatch> out;
    for (const QueryWord& w : parsed.words) {
        std::string how;
        if (terms.count(w.word)) how = "exact";
        else if (!w.stem_term.empty() && terms.count(w.stem_term)) how = "stem";
        else if (std::any_of(w.lemma_terms.begin(), w.lemma_terms.end(), [&](const std::string& t) { return terms.count(t); }))
            how = "stem";  // another form of the word: by its dictionary lemma
        else if (std::any_of(w.name_terms.begin(), w.name_terms.end(), [&](const std::string& t) { return terms.count(t); }))
            how = "translit";
        else if (terms.count(std::string(schema::kTitlePrefix) + w.word)) how = "title";
        if (!how.empty()) out.push_back({w.word, how});
    }
    return out;
}

// The query's terms that how_matched() asks about: the only ones of
// Enquire::get_matching_terms that count there.
std::set<std::string> word_terms(const ParsedQuery& parsed, const Xapian::Query& query) {
    std::set<std::string> asked;
    for (const QueryWord& w : parsed.words) {
        asked.insert(w.word);
        if (!w.stem_term.empty()) asked.insert(w.stem_term);
        asked.insert(w.name_terms.begin(), w.name_terms.end());
        asked.insert(w.lemma_terms.begin(), w.lemma_terms.end());
        asked.insert(std::string(schema::kTitlePrefix) + w.word);
    }
    std::set<std::string> out;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if (asked.count(*t)) out.insert(*t);
    return out;
}

// The query's terms that index a hit, when some shard is remote (else
// terms_in_documents finds them for all hits at once). Xapian finds them
// from the document's term list, which for a remote shard is one round
// trip (and the whole list) per hit; the same terms come from analysing
// the hit's text here, with the code that indexed it.
std::set<std::string> matching_terms(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit, bool remote,
                                     Analyzer& analyzer, const Article& article, const Xapian::Query& query) {
    if (!remote) return {enquire.get_matching_terms_begin(hit), enquire.get_matching_terms_end(hit)};
    Xapian::Document doc;
    analyzer.index_article(doc, article.title, article.text, article.author, nullptr);
    std::set<std::string> out;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        auto in_doc = doc.termlist_begin();
        in_doc.skip_to(*t);
        if (in_doc != doc.termlist_end() && *in_doc == *t) out.insert(*t);
    }
    return out;
}

// The document data keeps ids as UTF-8, with bytes that are not UTF-8
// replaced by U+FFFD (doc_data.cpp), so two ids that differ only there
// (file names are bytes) would print alike; the id term has the id's own
// bytes. Only such ids pay for the term list.
void restore_raw_id(Article& article, const Xapian::Document& doc) {
    if (article.id.find("\xEF\xBF\xBD") == std::string::npos) return;
    auto t = doc.termlist_begin();
    t.skip_to(std::string(schema::kIdPrefix));
    if (t != doc.termlist_end() && (*t).rfind(schema::kIdPrefix, 0) == 0) article.id = (*t).substr(schema::kIdPrefix.size());
}

Xapian::valueno facet_slot(const std::string& name) {
    if (name == "source") return schema::kSourceSlot;
    if (name == "year" || name == "day") return schema::kDateSlot;  // day: for --timeline
    if (name == "topic") return schema::kTopicSlot;
    if (name == "story") return schema::kStorySlot;
    throw QueryError("unknown facet '" + name + "' (source, year, topic, story)");
}

// What --facet counts with: Xapian's value counts (articles; remote shards
// run them too) or stories (StoryCountSpy, local indexes only).
class FacetSpies {
public:
    FacetSpies(const SearchRequest& request, bool remote, Xapian::Enquire& enquire)
        : count_stories_(request.facet_stories) {
        if (count_stories_ && remote)
            throw QueryError("--stories with --facet or --timeline counts stories on local indexes only: a remote shard "
                             "(xapian-tcpsrv) cannot");
        for (const std::string& name : request.facets) {
            if (count_stories_ && name == "story") throw QueryError("--facet story lists stories already; drop --stories");
            if (count_stories_) {
                if (auto [it, added] = story_spies_.try_emplace(name, facet_slot(name)); added)
                    enquire.add_matchspy(&it->second);
            } else if (auto [it, added] = article_spies_.try_emplace(name, facet_slot(name)); added) {
                enquire.add_matchspy(&it->second);
            }
        }
    }

    // Each value of the facet, and how many articles (or stories) have it.
    std::map<std::string, Xapian::doccount> counts(const std::string& name) const {
        if (count_stories_) return story_spies_.at(name).counts();
        std::map<std::string, Xapian::doccount> out;
        const Xapian::ValueCountMatchSpy& spy = article_spies_.at(name);
        for (auto v = spy.values_begin(); v != spy.values_end(); ++v) out[*v] = v.get_termfreq();
        return out;
    }

private:
    bool count_stories_;
    std::map<std::string, Xapian::ValueCountMatchSpy> article_spies_;  // by facet name
    std::map<std::string, StoryCountSpy> story_spies_;
};

void count_facets(const std::vector<std::string>& wanted, const FacetSpies& spies, SearchResult& result) {
    for (const std::string& name : wanted) {
        std::map<std::string, Xapian::doccount> counts;
        for (const auto& [value, count] : spies.counts(name))
            counts[name == "year" ? value.substr(0, 4) : value] += count;
        std::vector<FacetCount>& out = result.facets[name];
        for (const auto& [value, count] : counts)
            // A story with one matching article says nothing a hit does not.
            if (name != "story" || count > 1) out.push_back({value, count});
        std::stable_sort(out.begin(), out.end(), [&](const FacetCount& a, const FacetCount& b) {
            return name == "year" ? a.value > b.value : a.count > b.count;
        });
    }
}

// A query with each word replaced by a better spelling, if one finds more.
// `vocabulary`: where better words are looked for (see IndexSet).
std::string suggest(const Xapian::Database& db, const Xapian::Database& vocabulary, Analyzer& analyzer,
                    const SearchRequest& request,
                    const ParsedQuery& parsed, Xapian::doccount found) {
    std::string better = parsed.normalized;
    bool changed = false;
    std::size_t unknown = 0;
    for (const QueryWord& w : parsed.words) {
        // Only words the index does not know at all: a known word is not a typo.
        if (db.get_termfreq(w.word) || (!w.stem_term.empty() && db.get_termfreq(w.stem_term))) continue;
        if (++unknown > kMaxWordsToCorrect) return {};
        const std::optional<std::string> s = suggest_word(vocabulary, w.word);
        if (!s) continue;
        for (std::size_t at = better.find(w.word); at != std::string::npos; at = better.find(w.word, at + s->size())) {
            const bool starts = at == 0 || better[at - 1] == ' ' || better[at - 1] == '"' || better[at - 1] == '(';
            const std::size_t end = at + w.word.size();
            const bool ends = end == better.size() || better[end] == ' ' || better[end] == '"' || better[end] == ')';
            if (!starts || !ends) continue;
            better.replace(at, w.word.size(), *s);
            changed = true;
        }
    }
    if (!changed) return {};
    QueryBuilder builder(analyzer, db);
    Xapian::Enquire enquire(db);
    const QueryOptions options{request.exact, request.limits, joining_of(request.words)};
    enquire.set_query(with_filters(builder.build(better, options).query, request));
    const Xapian::doccount more = enquire.get_mset(0, 0, kFewHits + found).get_matches_lower_bound();
    return more > found ? better : std::string();
}

std::string explain(const ParsedQuery& parsed, const Xapian::Query& final_query) {
    const std::set<std::string> asked(final_query.get_unique_terms_begin(), final_query.get_unique_terms_end());
    std::string out = "query:     " + parsed.normalized + "\n";
    for (const QueryWord& w : parsed.words) {
        out += "word:      " + w.word + "  exact: " + w.word;
        if (!w.stem_term.empty()) out += ", stem: " + w.stem_term.substr(1);
        // Any-word queries rank by the word's root too (query_builder.cpp).
        if (const std::string root = w.stem_term.empty() ? "" : word_root(w.stem_term.substr(1));
            !root.empty() && asked.count(std::string(schema::kRootPrefix) + root))
            out += ", root: " + root + "-";
        if (!w.name_terms.empty()) {
            out += ", other alphabet:";
            for (const std::string& t : w.name_terms) out += " " + t.substr(schema::kNameKeyPrefix.size());
        }
        out += "\n";
    }
    if (!parsed.stopped.empty()) {
        out += "stopwords:";
        for (const std::string& s : parsed.stopped) out += " " + s;
        out += " (left out of the ranking)\n";
    }
    out += "xapian:    " + final_query.get_description() + "\n";
    return out;
}

std::optional<Xapian::docid> docid_of(const Xapian::Database& db, const std::string& id) {
    const std::string term = std::string(schema::kIdPrefix) + id;
    auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return std::nullopt;
    return *posting;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

// The query words, topics and "similar to" combined, before filters.
// `long_as_words`: a long query is read as pasted text (QueryOptions).
ParsedQuery base_query(const Xapian::Database& db, Analyzer& analyzer, const SearchRequest& request,
                       const TopicProfiles* profiles, Joining joining, bool long_as_words = false) {
    ParsedQuery parsed;
    if (blank(request.query)) {
        parsed.query = Xapian::Query::MatchAll;  // filters alone: everything they let through
        parsed.joining = joining;
    } else {
        QueryBuilder builder(analyzer, db);
        parsed = builder.build(request.query, {request.exact, request.limits, joining, long_as_words});
    }
    // An article's neighbours or its story: what the words, if any, narrow.
    const auto narrowed = [&](const Xapian::Query& articles) {
        parsed.query = blank(request.query) ? articles : Xapian::Query(Xapian::Query::OP_AND, parsed.query, articles);
    };
    if (!request.similar_to.empty()) {
        const std::optional<Xapian::docid> docid = docid_of(db, request.similar_to);
        if (!docid) throw QueryError("no article with id " + request.similar_to);
        narrowed(similar_query(db, *docid, request.similar_to));
    }
    if (!request.story_of.empty()) narrowed(story_query(db, request.story_of, docid_of(db, request.story_of)));
    if (!request.topics.empty()) {
        const Xapian::Query topics = topic_query(*profiles, request.topics, analyzer);
        parsed.query = parsed.query.get_type() == Xapian::Query::LEAF_MATCH_ALL
                           ? topics
                           : Xapian::Query(Xapian::Query::OP_AND, parsed.query, Xapian::Query(kTopicWeight, topics));
    }
    return parsed;
}

TopicProfiles load_profiles(Analyzer& analyzer, const SearchRequest& request) {
    try {
        return load_topic_profiles(analyzer, request.topics_file);
    } catch (const std::runtime_error& e) {
        throw QueryError(e.what());
    }
}

// `profiles`: the topic profiles, when the query ranks by topic (else
// null); asked for once the index is open.
SearchResult run_once(const IndexSet& set, Analyzer& analyzer, const SearchRequest& request,
                      const std::function<const TopicProfiles*()>& profiles_for) {
    const Xapian::Database& db = set.db;
    if (request.recent && set.any_remote())
        throw QueryError("--recent cannot search remote shards (xapian-tcpsrv does not know its recency boost); "
                         "use --sort -date, or --since");
    const TopicProfiles* topic_profiles = profiles_for();
    const bool relaxable = request.words == Words::Auto && !blank(request.query);
    ParsedQuery parsed = base_query(db, analyzer, request, topic_profiles, joining_of(request.words), relaxable);
    Joining joining = parsed.joining;

    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(weighting(joining));
    if (request.collapse) enquire.set_collapse_key(story_collapse_slot(db, set.any_remote()));
    if (request.sort != SortOrder::Relevance)
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, request.sort == SortOrder::DateDescending);

    const FacetSpies spies(request, set.any_remote(), enquire);
    const bool count_all = request.count_all || !request.facets.empty();
    Xapian::Query query;
    Xapian::MSet mset;
    for (;;) {
        query = with_filters(parsed.query, request);
        enquire.set_query(query);
        mset = enquire.get_mset(request.offset, request.limit, count_all ? db.get_doccount() : 0);
        // No article has all the words: any of them, then (a phrase typed
        // stays one).
        if (!relaxable || !parsed.joined || mset.get_matches_upper_bound() > 0) break;
        parsed = base_query(db, analyzer, request, topic_profiles, joining = Joining::Any);
        enquire.set_weighting_scheme(weighting(joining));
    }

    SearchResult result;
    result.relaxed = relaxable && joining != Joining::All;
    result.facet_stories = request.facet_stories;
    result.estimated_total = count_all ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
    const std::size_t indexes = std::max<std::size_t>(1, set.shards.size());
    result.sources = set.names();
    result.missing = set.missing;
    result.notes = parsed.notes;
    if (result.relaxed && !mset.empty())
        result.notes.push_back("a long query, or no article has all its words: these have any of them, ranked by how "
                               "many and which match (--all-words: only articles with all)");
    // Local shards: the query words' posting lists say which of them index
    // each hit (for how_matched) and how often (so the snippet need not
    // analyze the whole text).
    const bool local_terms = request.details && !set.any_remote();
    std::vector<std::map<std::string, Xapian::termcount>> hit_terms;
    std::set<std::string> asked;
    if (local_terms) {
        if (!parsed.words.empty()) asked = word_terms(parsed, query);
        std::set<std::string> terms = asked;
        terms.insert(parsed.exact_terms.begin(), parsed.exact_terms.end());
        for (const std::string& stem : parsed.stems) terms.insert(std::string(schema::kStemPrefix) + stem);
        terms.insert(std::string(schema::kLeadMarker));  // how the hit's lead was counted (body_match_counts)
        std::vector<Xapian::docid> docids;
        for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
        hit_terms = terms_in_documents(db, terms, docids);
    }
    DocDataDecoder decoder;
    std::u16string text;  // the hit's text in UTF-16, for its snippet
    const TopicNames topic_names = request.with_topics && !mset.empty() ? scored_topics(db) : TopicNames{};
    const std::optional<HitStories> stories =
        request.details && !mset.empty() ? std::make_optional<HitStories>(db) : std::nullopt;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = it.get_rank() + 1;  // counts from the first match, offset included
        hit.score = it.get_weight();
        // Without details nothing prints the text (--ids, --files, --count).
        // Local shards: nothing reads a hit's UTF-8 text (the snippet reads
        // UTF-16; matching_terms analyzes it only for a remote shard).
        // Only the ids: from their value slot (schema.h), without decompressing
        // and parsing the document's data (callgrind: a third of an `--ids`
        // query's instructions went there). An older index has no such slot.
        std::string id = request.only_ids ? it.get_document().get_value(schema::kIdSlot) : std::string();
        if (!id.empty()) {
            hit.article.id = std::move(id);
        } else {
            hit.article = !request.details ? decoder.decode(it.get_document().get_data(), DocDataDecoder::Text::Skip)
                          : local_terms ? decoder.decode(it.get_document().get_data(), text, DocDataDecoder::Text::Utf16Only)
                                        : decoder.decode(it.get_document().get_data(), text);
            restore_raw_id(hit.article, it.get_document());
        }
        if (request.details) {
            std::optional<MatchCounts> counts;
            if (local_terms)
                counts = body_match_counts(analyzer, hit.article.title, hit_terms[result.hits.size()],
                                           parsed.exact_terms, parsed.stems);
            // Read-only alias: no copy of the text.
            const icu::UnicodeString text16(false, text.data(), static_cast<int32_t>(text.size()));
            hit.snippet = make_snippet_utf16(analyzer, text16, parsed.exact_terms, parsed.stems, 200,
                                             counts ? &*counts : nullptr);
        }
        hit.similar = it.get_collapse_count();
        if (stories) hit.story = stories->of(it.get_document(), hit.similar);
        hit.index = index_of(*it, indexes);
        if (request.details && !parsed.words.empty() && !local_terms)
            hit.matched = how_matched(matching_terms(enquire, it, set.shards[hit.index].remote(), analyzer, hit.article, query),
                                      parsed);
        if (request.with_topics) hit.topics = document_topics(it.get_document(), topic_names);
        result.hits.push_back(std::move(hit));
    }
    if (local_terms && !parsed.words.empty())
        for (std::size_t i = 0; i < result.hits.size(); ++i) {
            std::set<std::string> terms;
            for (const auto& [term, wdf] : hit_terms[i])
                if (asked.count(term)) terms.insert(term);
            result.hits[i].matched = how_matched(terms, parsed);
        }
    count_facets(request.facets, spies, result);
    if (request.suggest && !parsed.words.empty() && mset.get_matches_upper_bound() < kFewHits)
        result.suggestion = suggest(db, set.vocabulary, analyzer, request, parsed, mset.get_matches_upper_bound());
    // Only when asked: describing a headline's query took 1% of its process.
    if (request.explain && (!parsed.words.empty() || parsed.query.get_type() != Xapian::Query::LEAF_MATCH_ALL))
        result.explanation = explain(parsed, query);
    return result;
}

// Queries never wait for a writer, and never fail because of one: a commit
// can invalidate our snapshot (reopen at the new revision), and a rebuild or
// compaction can remove the generation we opened just after we read the
// stub (open the new one). Either way, ask again.
//
// A remote shard that dies or stalls during the query raises a
// NetworkError: find which remote shards no longer answer, leave them out,
// and ask the others again.
template <typename Work>
auto with_retries(const SearchRequest& request, Work work) {
    constexpr int kAttempts = 10;
    const std::vector<std::filesystem::path>& indexes = request.indexes;
    const std::string where = indexes.size() == 1 ? indexes.front().string() : "indexes";
    OpenOptions options;
    options.since = request.since;
    options.until = request.until;
    options.timeout_seconds = request.timeout_seconds;
    std::vector<std::string> missing;
    bool network_retried = false;
    for (int attempt = 1;; ++attempt) {
        const bool last = attempt == kAttempts;
        IndexSet set;
        try {
            set = open_index_set(indexes, options);
            for (std::string& m : set.missing) missing.push_back(std::move(m));
            for (const std::string& m : missing) options.leave_out.insert(m.substr(0, m.find(" (")));
            set.missing = missing;
            auto out = work(set);
            if (request.on_missing)
                for (const std::string& m : missing) request.on_missing(m);
            return out;
        } catch (const Xapian::NetworkError& e) {
            // Which remote shards stopped answering? Ask them again, all at once.
            std::vector<const Shard*> remotes;
            std::vector<std::pair<std::string, unsigned>> addresses;
            for (const Shard& shard : set.shards)
                if (shard.remote()) {
                    remotes.push_back(&shard);
                    addresses.push_back(parse_host_port(shard.address));
                }
            const std::vector<RemoteConnection> answers = connect_remote_shards(addresses, request.timeout_seconds);
            bool dropped = false;
            for (std::size_t i = 0; i < remotes.size(); ++i) {
                std::string why = answers[i].error;
                try {
                    if (answers[i].db) answers[i].db->get_doccount();
                } catch (const Xapian::Error& e) {
                    why = xapian_reason(e);
                }
                if (why.empty()) continue;
                missing.push_back(remotes[i]->shown() + ": " + why);
                options.leave_out.insert(remotes[i]->name);
                dropped = true;
            }
            if (!dropped) {
                if (network_retried || last) {
                    // They answer a new connection but not the query: too slow.
                    for (const Shard& shard : set.shards)
                        if (shard.remote()) {
                            missing.push_back(shard.shown() + ": " + e.get_msg());
                            options.leave_out.insert(shard.name);
                            dropped = true;
                        }
                    if (!dropped) throw IndexError(where + ": " + e.get_description());
                }
                network_retried = true;
            }
            continue;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (last) throw IndexError(where + ": index keeps changing under the query; try again");
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (last) throw IndexError(where + ": " + e.get_description());
        } catch (const ShardsUnavailable&) {
            throw;  // each had its --timeout already
        } catch (const IndexError&) {
            if (last || attempt > 2) throw;
        } catch (const Xapian::Error& e) {
            throw IndexError(where + ": " + e.get_description());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
}

}  // namespace

SearchSession::SearchSession() = default;
SearchSession::~SearchSession() = default;

const TopicProfiles* SearchSession::profiles_for(const SearchRequest& request) {
    if (request.topics.empty()) return nullptr;  // hits' topics come from their documents
    if (!profiles_ || profiles_file_ != request.topics_file) {
        profiles_.reset();  // a file that fails to load is tried again by the next query
        profiles_ = std::make_unique<TopicProfiles>(load_profiles(analyzer_, request));
        profiles_file_ = request.topics_file;
    }
    return profiles_.get();
}

SearchResult SearchSession::search(const SearchRequest& request) {
    const bool filtered = !request.since.empty() || !request.until.empty() || !request.facets.empty() ||
                          request.sort != SortOrder::Relevance || !request.topics.empty() ||
                          !request.similar_to.empty() || !request.indexed_after.empty();
    if (request.query.find_first_not_of(" \t") == std::string::npos && !filtered)
        throw QueryError("empty query: give words to search for, or --since/--until/--sort/--facet/--timeline");
    return with_retries(request, [&](const IndexSet& set) {
        return run_once(set, analyzer_, request, [&] { return profiles_for(request); });
    });
}

SearchResult search(const SearchRequest& request) { return SearchSession().search(request); }

std::optional<Article> find_article(const std::vector<std::filesystem::path>& indexes, const std::string& id) {
    SearchRequest request;
    request.indexes = indexes;
    return find_article(request, id);
}

std::optional<Article> find_article(const SearchRequest& request, const std::string& id) {
    return with_retries(request, [&](const IndexSet& set) -> std::optional<Article> {
        const Xapian::Database& db = set.db;
        const std::optional<Xapian::docid> docid = docid_of(db, id);
        if (!docid) return std::nullopt;
        const Xapian::Document doc = db.get_document(*docid);
        Article article = decode_doc_data(doc.get_data());
        restore_raw_id(article, doc);
        return article;
    });
}

std::vector<std::pair<std::string, Xapian::doccount>> topic_counts(const SearchRequest& request) {
    Analyzer analyzer;
    const TopicProfiles profiles = load_profiles(analyzer, request);
    return with_retries(request, [&](const IndexSet& set) {
        const Xapian::Database& db = set.db;
        const Xapian::Query query =
            with_filters(base_query(db, analyzer, request, &profiles, joining_of(request.words)).query, request);
        std::vector<std::pair<std::string, Xapian::doccount>> out;
        for (const auto& [topic, count] : count_topics(db, query, profiles))
            out.emplace_back(topic->name + " (" + topic->name_ru + ")", count);
        return out;
    });
}

std::optional<std::vector<std::pair<std::string, double>>> article_topics(const SearchRequest& request,
                                                                         const std::string& id) {
    return with_retries(request,
                        [&](const IndexSet& set) -> std::optional<std::vector<std::pair<std::string, double>>> {
                            const Xapian::Database& db = set.db;
                            const std::optional<Xapian::docid> docid = docid_of(db, id);
                            if (!docid) return std::nullopt;
                            return document_topics(db.get_document(*docid), scored_topics(db));
                        });
}

std::vector<std::pair<std::string, double>> suggest_for_topic(const SearchRequest& request, const std::string& name) {
    Analyzer analyzer;
    const TopicProfiles profiles = load_profiles(analyzer, request);
    const TopicProfile* topic = profiles.find(name, analyzer);
    if (!topic) throw QueryError("unknown topic '" + name + "'");
    return with_retries(request, [&](const IndexSet& set) {
        const Xapian::Database& db = set.db;
        std::vector<std::pair<std::string, double>> out;
        for (const TermSuggestion& t : suggest_topic_terms(db, *topic, 50, 40)) out.emplace_back(t.word, t.weight);
        return out;
    });
}

}  // namespace newsdex
