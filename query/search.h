// Runs a query against an index and returns ranked hits with snippets.
#pragma once

#include "article.h"
#include "snippet.h"

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

struct SearchRequest {
    std::filesystem::path index_dir;
    std::string query;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
};

struct Hit {
    Xapian::doccount rank = 0;  // 1-based
    double score = 0;
    Article article;
    Snippet snippet;
};

struct SearchResult {
    std::vector<Hit> hits;
    Xapian::doccount estimated_total = 0;
};

// Throws IndexError (index unusable) or QueryError (query not understood).
SearchResult search(const SearchRequest& request);

}  // namespace newsdex
