#include "query_options.h"

#include "base/errors.h"
#include "date_bounds.h"
#include "index/index_location.h"
#include "recency.h"

#include <iostream>

namespace newsdex {

std::vector<std::filesystem::path> index_dirs(const QueryOptions& opt) {
    std::vector<std::filesystem::path> out;
    for (const std::string& db : opt.dbs) out.push_back(db);
    if (out.empty()) out.push_back(resolve_index_dir("", opt.config));
    return out;
}

SearchRequest base_request(const QueryOptions& opt) {
    SearchRequest request;
    request.indexes = index_dirs(opt);
    request.timeout_seconds = opt.timeout;
    request.limits = opt.limits;
    request.on_missing = [](const std::string& shard) {
        std::cerr << "newsdex-query: warning: shard " << shard << "; results are partial\n";
    };
    if (!opt.topics_file.empty()) request.topics_file = opt.topics_file;
    const int today = today_days();
    if (!opt.since.empty()) request.since = parse_date_bound(opt.since, today);
    if (!opt.until.empty()) request.until = parse_date_bound(opt.until, today);
    return request;
}

std::string query_text(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// `story ID` without -n: more articles than any story has.
constexpr Xapian::doccount kMaxStoryListing = 100000;

SearchRequest search_request(const QueryOptions& opt) {
    SearchRequest request = base_request(opt);
    request.query = query_text(opt.words);
    request.topics = opt.topics;
    request.with_topics = opt.json || !opt.topics.empty();
    request.details = !opt.ids && !opt.files && !opt.count;
    request.only_ids = opt.ids || opt.count;
    request.similar_to = opt.id;
    request.limit = opt.limit;
    request.offset = opt.offset;
    request.sort = opt.sort == "date" ? SortOrder::DateAscending
                   : opt.sort == "-date" ? SortOrder::DateDescending
                                         : SortOrder::Relevance;
    request.recent = opt.recent;
    request.exact = opt.exact;
    request.words = opt.all_words ? Words::All : opt.any_words ? Words::Any : Words::Auto;
    // One hit a story; a count counts articles, or with --stories stories.
    request.collapse = opt.count ? opt.stories : !opt.no_collapse;
    if (!opt.story_of.empty()) {
        // A story's articles, all of them, in time order.
        request.story_of = opt.story_of;
        request.collapse = false;
        if (opt.sort == "relevance") request.sort = SortOrder::DateAscending;
        if (!opt.limit_given) request.limit = kMaxStoryListing;
    }
    request.facets = opt.facets;
    if (opt.stories && !opt.count && opt.facets.empty() && opt.timeline.empty())
        throw QueryError("--stories counts story threads: give it with --count, --facet or --timeline");
    request.facet_stories = opt.stories;
    request.count_all = opt.count;
    request.explain = opt.explain;
    return request;
}

}  // namespace newsdex
