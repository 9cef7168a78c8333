// Runs a query against one or more indexes and returns ranked hits with
// snippets, and optionally facet counts and a spelling suggestion.
#pragma once

#include "analysis/analyzer.h"
#include "base/article.h"
#include "query_limits.h"
#include "snippet.h"
#include "story.h"

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

enum class SortOrder { Relevance, DateAscending, DateDescending };

// Which articles words typed side by side find. Auto: those with all the
// words, as web search does; when none has them all (a pasted headline
// nearly always has a word its article lacks), those with any of them,
// ranked by how many and which, and the result says it was relaxed.
enum class Words { Auto, All, Any };

struct SearchRequest {
    // Index directories (--db, repeatable). A path that is a file is read as
    // a Xapian stub file listing databases.
    std::vector<std::filesystem::path> indexes;
    std::string query;               // may be empty when filters are given
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    std::string since, until;        // YYYYMMDD bounds (inclusive), or empty
    SortOrder sort = SortOrder::Relevance;
    bool recent = false;             // relevance plus a boost for recent articles
    bool collapse = true;            // one hit per story (see schema.h, story key)
    bool exact = false;              // words match only in the form typed
    Words words = Words::Auto;       // --all-words, --any-words
    std::vector<std::string> facets; // source, year, topic, tag
    bool facet_stories = false;      // facets count story threads, not articles (story_counts.h)
    bool count_all = false;          // count every match exactly
    bool suggest = true;             // look for a better query when few match
    bool explain = false;            // fill SearchResult::explanation (--explain)
    std::vector<std::string> topics; // rank by these topics (names in either language)
    std::optional<std::filesystem::path> topics_file;  // user topic profiles (--topics)
    bool with_topics = false;        // report each hit's topic scores
    bool details = true;             // a snippet and the matched words per hit (--ids and --files print neither)
    bool only_ids = false;           // of each hit only its id is printed (--ids, --count): nothing else is read
    std::string similar_to;          // an article id: find articles like it
    std::string story_of;            // an article id: its story's articles (story.h)
    std::string indexed_after;       // YYYYMMDDHHMMSS: only articles indexed after (--new)
    QueryLimits limits;              // what the query may cost (--max-terms, --max-expansion, ...)
    // Sharded archives: remote shards get this long to connect and for each
    // request (--timeout); one that is down or slower is left out, and
    // reported here once per query (the answer is then partial).
    double timeout_seconds = 10;
    std::function<void(const std::string&)> on_missing;
};

// How a query word matched a hit.
struct WordMatch {
    std::string word;  // as the user typed it (normalized)
    std::string how;   // "exact", "stem", "title", "translit"
};

struct Hit {
    Xapian::doccount rank = 0;  // 1-based
    double score = 0;
    Article article;
    Snippet snippet;
    Xapian::doccount similar = 0;  // other articles of the same story collapsed into this hit
    HitStory story;                // its story thread (with details only)
    std::size_t index = 0;         // which of SearchResult::sources it came from
    std::vector<WordMatch> matched;
    std::vector<std::pair<std::string, double>> topics;  // when asked for
};

struct FacetCount {
    std::string value;
    Xapian::doccount count = 0;
};

struct SearchResult {
    std::vector<Hit> hits;
    Xapian::doccount estimated_total = 0;  // exact when count_all or facets were asked for
    std::map<std::string, std::vector<FacetCount>> facets;
    bool facet_stories = false;  // the facets count story threads, not articles
    std::string suggestion;   // a query that finds more, or empty
    std::string explanation;  // the parsed query and what its words expand to (SearchRequest::explain)
    std::vector<std::string> sources;  // the databases searched (indexes, or an archive's shards)
    std::vector<std::string> missing;  // shards left out ("NAME (HOST:PORT): reason"): a partial answer
    std::vector<std::string> notes;    // wildcards cut to their most frequent words (--max-expansion)
    bool relaxed = false;  // Words::Auto found no article with all the words: these have some of them
};

struct TopicProfiles;

// Searches that share what does not change between them: the analyzer and
// the topic profiles (loading the profiles analyses every profile word, as
// much work as a whole query with snippets). The index is opened by each
// search, so each sees the latest commit. One query is a session used once
// (search() below); --batch answers all its lines with one session, so a
// --topics file is read by its first query that needs it.
class SearchSession {
public:
    SearchSession();
    ~SearchSession();
    // Throws IndexError (index unusable) or QueryError (query not understood).
    SearchResult search(const SearchRequest& request);

private:
    const TopicProfiles* profiles_for(const SearchRequest& request);

    Analyzer analyzer_;
    std::unique_ptr<TopicProfiles> profiles_;
    std::optional<std::filesystem::path> profiles_file_;  // what profiles_ were loaded with
};

// One search (a session used once). Throws as SearchSession::search.
SearchResult search(const SearchRequest& request);

// The article with this id, from the first index that has it.
std::optional<Article> find_article(const std::vector<std::filesystem::path>& indexes, const std::string& id);
// The same, with the request's indexes, timeout and missing-shard report.
std::optional<Article> find_article(const SearchRequest& request, const std::string& id);

// Articles matching the request's query and filters per topic, most first.
std::vector<std::pair<std::string, Xapian::doccount>> topic_counts(const SearchRequest& request);
// An article's topic scores, as the index scored it; nullopt if there is no such article.
std::optional<std::vector<std::pair<std::string, double>>> article_topics(const SearchRequest& request,
                                                                         const std::string& id);
// Stems to consider adding to a topic's profile, with their weights.
std::vector<std::pair<std::string, double>> suggest_for_topic(const SearchRequest& request, const std::string& topic);

}  // namespace newsdex
