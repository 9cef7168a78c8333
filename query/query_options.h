// What newsdex-query's command line asks for (the main app's options and
// the commands' arguments), and the search request it makes: one place, so
// that a search run from the command line and each query of --batch (the
// command line's options with a line's own on top, batch.h) are built
// alike.
#pragma once

#include "base/config.h"
#include "query_limits.h"
#include "search.h"

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

struct QueryOptions {
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    unsigned limit = 10;
    unsigned offset = 0;
    bool json = false, ids = false, files = false, count = false, stories = false, explain = false;
    bool recent = false, exact = false, no_collapse = false, all_words = false, any_words = false;
    bool batch = false;
    unsigned threads = 0;  // --batch's; 0: one a core
    std::string color = "auto";
    std::string since, until, sort = "relevance";
    std::vector<std::string> facets;
    std::string timeline;              // day, week, month, year; empty: no timeline
    std::vector<std::string> compare;  // more queries on the timeline
    std::string plot;                  // an SVG file to draw the timeline in
    unsigned peaks = 0;                // top hits of the peak period to list
    bool csv = false;
    std::string id;  // show ID, similar ID
    std::string story_of;  // story ID
    bool limit_given = false;  // -n was on the command line (story lists all its articles otherwise)
    std::vector<std::string> topics;
    std::string topics_file;
    bool only_new = false;
    std::string suggest_topic;
    std::vector<std::string> topics_args;
    bool topic_names = false;
    double timeout = 10;
    QueryLimits limits;
    double time_limit = 30;
    Config config;
};

// --db as given, else $NEWSDEX_DB or the default folder.
std::vector<std::filesystem::path> index_dirs(const QueryOptions& opt);

// What every command's request has: the indexes, remote shards' timeout
// (and a warning on stderr for each one left out), the query limits, the
// topic profiles and the date bounds (throws QueryError for a bad one).
SearchRequest base_request(const QueryOptions& opt);

// Query words given as several arguments, as one query ("a b c").
std::string query_text(const std::vector<std::string>& words);

// The search's request (the main command, `similar`, and each line of
// --batch): base_request with the query words and how to rank, page and
// report the hits. --new (a digest's state) is the caller's.
SearchRequest search_request(const QueryOptions& opt);

}  // namespace newsdex
