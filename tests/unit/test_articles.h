// Small articles and searches for tests over a temporary index.
#pragma once

#include "base/article.h"
#include "index/index_writer.h"
#include "index_fixture.h"
#include "search.h"
#include "temp_dir.h"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace newsdex::testing {

inline Article article(const std::string& id, const std::string& title, const std::string& text) {
    Article a;
    a.id = id;
    a.path = "/tmp/" + id;
    a.title = title;
    a.text = text;
    return a;
}

// Writes `articles` into the index at `dir` (created if need be) and commits.
inline void write_articles(const std::filesystem::path& dir, const std::vector<Article>& articles) {
    IndexWriter w(live_generation(dir));
    for (const Article& a : articles) w.write(a);
    w.commit();
}

inline SearchRequest request_for(const std::filesystem::path& dir, const std::string& query,
                                 Xapian::doccount limit = 100) {
    SearchRequest r;
    r.indexes = {dir};
    r.query = query;
    r.limit = limit;
    return r;
}

// The ids of the articles `query` finds in the index at `dir`.
inline std::set<std::string> ids_found(const std::filesystem::path& dir, const std::string& query) {
    std::set<std::string> out;
    for (const Hit& h : search(request_for(dir, query)).hits) out.insert(h.article.id);
    return out;
}

// A temporary index of some articles, and what queries find in it.
class ArticlesIndex {
public:
    explicit ArticlesIndex(const std::vector<Article>& articles) { write_articles(dir_.path(), articles); }
    std::set<std::string> ids(const std::string& query) const { return ids_found(dir_.path(), query); }
    const std::filesystem::path& path() const { return dir_.path(); }

private:
    TempDir dir_;
};

}  // namespace newsdex::testing
