#include "index/story_linker.h"

#include "base/schema.h"
#include "index/story_fingerprint.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace newsdex {
namespace {

// Index metadata: the last document id linked (a later one is new since),
// the stories that lost an article since, and the articles replaced in
// place since (each a line).
const std::string kThroughKey = "newsdex.stories.through";
const std::string kLostKey = "newsdex.stories.lost";
const std::string kRelinkKey = "newsdex.stories.relink";

std::vector<std::string> lines(const Xapian::Database& db, const std::string& key) {
    std::vector<std::string> out;
    std::istringstream in(db.get_metadata(key));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

void add_line(Xapian::WritableDatabase& db, const std::string& key, const std::string& line) {
    const std::string now = db.get_metadata(key);
    if (("\n" + now).find("\n" + line + "\n") == std::string::npos) db.set_metadata(key, now + line + "\n");
}

Xapian::docid linked_through(const Xapian::Database& db) {
    const std::string through = db.get_metadata(kThroughKey);
    return through.empty() ? 0 : static_cast<Xapian::docid>(std::stoul(through));
}

// The articles to link: those added since the last link, and those
// replaced in place.
std::vector<Xapian::docid> unlinked(const Xapian::Database& db) {
    std::set<Xapian::docid> docids;
    for (const std::string& line : lines(db, kRelinkKey)) docids.insert(static_cast<Xapian::docid>(std::stoul(line)));
    auto it = db.postlist_begin("");
    if (it != db.postlist_end("")) it.skip_to(linked_through(db) + 1);
    for (; it != db.postlist_end(""); ++it) docids.insert(*it);
    return {docids.begin(), docids.end()};
}

std::vector<Xapian::docid> postings(const Xapian::Database& db, const std::string& term) {
    std::vector<Xapian::docid> docids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) docids.push_back(*it);
    return docids;
}

// The articles the linker looks at (the graph's nodes), the links found
// between them (union-find), and what it has read of any article.
class StoryGraph {
public:
    explicit StoryGraph(const Xapian::Database& db) : db_(db) {}

    // False for a document without a story fingerprint.
    bool add(Xapian::docid docid) {
        if (in_graph(docid)) return true;
        if (!read(docid)) return false;
        node_of_.emplace(docid, nodes_.size());
        nodes_.push_back(docid);
        parent_.push_back(parent_.size());
        return true;
    }

    bool in_graph(Xapian::docid docid) const { return node_of_.count(docid) != 0; }

    // The articles `docid` is one story with, among those sharing a link
    // term with it: any (`only_in_graph` false), or the graph's.
    std::vector<Xapian::docid> same_story_as(Xapian::docid docid, bool only_in_graph) {
        const StoryFingerprint fingerprint = read(docid)->fingerprint;
        std::vector<Xapian::docid> found;
        for (const std::string& term : story_link_terms(fingerprint))
            for (const Xapian::docid other : postings(db_, term)) {
                if (other == docid || (only_in_graph && !in_graph(other))) continue;
                const Article* a = read(other);
                if (a && same_story(fingerprint, a->fingerprint)) found.push_back(other);
            }
        return found;
    }

    const std::string& story(Xapian::docid docid) { return read(docid)->story; }

    void join(Xapian::docid a, Xapian::docid b) {
        const std::size_t ra = root(node_of_.at(a)), rb = root(node_of_.at(b));
        if (ra != rb) parent_[std::max(ra, rb)] = std::min(ra, rb);
    }

    const std::vector<Xapian::docid>& docids() const { return nodes_; }

    // Each node's story id as the links make it (its group's smallest own
    // id), with the one it has now.
    struct Move {
        Xapian::docid docid;
        std::string from, to;
    };
    std::vector<Move> stories() {
        std::unordered_map<std::size_t, uint64_t> smallest;
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            const uint64_t own = read(nodes_[i])->fingerprint.own;
            auto [it, added] = smallest.try_emplace(root(i), own);
            if (!added) it->second = std::min(it->second, own);
        }
        std::vector<Move> out;
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            out.push_back({nodes_[i], story(nodes_[i]), story_id_text(smallest.at(root(i)))});
        return out;
    }

private:
    struct Article {
        StoryFingerprint fingerprint;
        std::string story;  // as stored now
    };

    // Null for a document without a story fingerprint, or gone (replaced
    // in place, then removed, before it was linked).
    const Article* read(Xapian::docid docid) {
        auto it = read_.find(docid);
        if (it == read_.end()) {
            std::optional<Article> article;
            try {
                const Xapian::Document doc = db_.get_document(docid);
                if (auto f = decode_story_fingerprint(doc.get_value(schema::kStoryFingerprintSlot)))
                    article = Article{std::move(*f), doc.get_value(schema::kStorySlot)};
            } catch (const Xapian::DocNotFoundError&) {
            }
            it = read_.emplace(docid, std::move(article)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    std::size_t root(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }

    const Xapian::Database& db_;
    std::unordered_map<Xapian::docid, std::optional<Article>> read_;
    std::vector<Xapian::docid> nodes_;
    std::vector<std::size_t> parent_;
    std::unordered_map<Xapian::docid, std::size_t> node_of_;
};

}  // namespace

StoryLinks link_stories(Xapian::WritableDatabase& db) {
    StoryGraph graph(db);
    // The stories to re-form: those that lost an article, and those a new
    // article joins. Their other articles are looked at again, as a lost
    // article may have been what held a story together.
    const std::vector<std::string> lost = lines(db, kLostKey);
    std::set<std::string> stories(lost.begin(), lost.end());
    std::vector<Xapian::docid> seeds;
    for (const Xapian::docid docid : unlinked(db))
        if (graph.add(docid)) seeds.push_back(docid);
    for (const Xapian::docid seed : seeds)
        for (const Xapian::docid other : graph.same_story_as(seed, false)) stories.insert(graph.story(other));
    for (const std::string& story : stories)
        for (const Xapian::docid member : postings(db, std::string(schema::kStoryPrefix) + story)) graph.add(member);

    // Every link among them: a story is a connected group, and none of its
    // articles links outside the articles looked at (they would be one
    // story with it already).
    const std::vector<Xapian::docid> docids = graph.docids();
    for (const Xapian::docid docid : docids)
        for (const Xapian::docid other : graph.same_story_as(docid, true)) graph.join(docid, other);

    StoryLinks links;
    links.looked_at = docids.size();
    for (const StoryGraph::Move& move : graph.stories()) {
        links.stories.emplace_back(move.docid, move.to);
        if (move.from == move.to) continue;
        Xapian::Document doc = db.get_document(move.docid);
        set_story(doc, move.from, move.to);
        db.replace_document(move.docid, doc);
        ++links.moved;
    }
    db.set_metadata(kThroughKey, std::to_string(db.get_lastdocid()));
    db.set_metadata(kLostKey, "");
    db.set_metadata(kRelinkKey, "");
    return links;
}

bool stories_pending(const Xapian::Database& db) {
    return db.get_lastdocid() > linked_through(db) || !db.get_metadata(kLostKey).empty() ||
           !db.get_metadata(kRelinkKey).empty();
}

void note_story_change(Xapian::WritableDatabase& db, const std::string& lost_story, Xapian::docid replaced) {
    if (!lost_story.empty()) add_line(db, kLostKey, lost_story);
    if (replaced) add_line(db, kRelinkKey, std::to_string(replaced));
}

}  // namespace newsdex
