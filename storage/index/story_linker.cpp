#include "index/story_linker.h"

#include "base/schema.h"
#include "index/story_fingerprint.h"
#include "index/story_shape.h"

#include <algorithm>
#include <cstdint>
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
// Set once every story has its shape (story_shape.h).
const std::string kShapedKey = "newsdex.stories.shaped";

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

// The articles of these stories. A story is a value, not a term
// (story_shape.h), so this is one pass over every article's story value,
// once a link (each batch of a direct run, once after a merge): about 30 ns
// an article (0.35 ms for 12,000), so a million-article index adds some
// 30 ms to each batch that joins or breaks a story.
std::vector<Xapian::docid> members(const Xapian::Database& db, const std::set<std::string>& stories) {
    std::vector<Xapian::docid> docids;
    if (stories.empty()) return docids;
    for (auto it = db.valuestream_begin(schema::kStorySlot); it != db.valuestream_end(schema::kStorySlot); ++it)
        if (stories.count(*it)) docids.push_back(it.get_docid());
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

    // Each node's story as the links make it (its id: the group's smallest
    // own id; its shape: the group's size and earliest date), and whether
    // the node has it already.
    struct Placement {
        Xapian::docid docid;
        std::string story;
        StoryShape shape;
        bool moved = false;     // its story id changes
        bool reshaped = false;  // its story's shape does
    };
    std::vector<Placement> stories() {
        struct Group {
            uint64_t smallest = UINT64_MAX;
            StoryShape shape{0, {}};
        };
        std::unordered_map<std::size_t, Group> groups;
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            const Article& a = *read(nodes_[i]);
            Group& g = groups[root(i)];
            g.smallest = std::min(g.smallest, a.fingerprint.own);
            ++g.shape.size;
            if (!a.date.empty() && (g.shape.since.empty() || a.date < g.shape.since)) g.shape.since = a.date;
        }
        std::vector<Placement> out;
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            const Article& a = *read(nodes_[i]);
            const Group& g = groups.at(root(i));
            Placement p{nodes_[i], story_id_text(g.smallest), g.shape};
            p.moved = p.story != a.story;
            p.reshaped = encode_story_shape(p.shape) != a.shape;
            out.push_back(std::move(p));
        }
        return out;
    }

private:
    struct Article {
        StoryFingerprint fingerprint;
        std::string story, shape;  // as stored now
        std::string date;
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
                    article = Article{std::move(*f), doc.get_value(schema::kStorySlot),
                                      doc.get_value(schema::kStoryShapeSlot), doc.get_value(schema::kDateSlot)};
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

// An index linked before the collapse slot (schema.h, 8) has a shape on
// each article of a story of two or more and no collapse slot: each gets
// it from its story id, so that searches collapse by the new slot.
void add_collapse_slots(Xapian::WritableDatabase& db) {
    if (db.get_value_freq(schema::kStoryCollapseSlot) >= db.get_value_freq(schema::kStoryShapeSlot)) return;
    std::vector<Xapian::docid> shaped;
    for (auto it = db.valuestream_begin(schema::kStoryShapeSlot); it != db.valuestream_end(schema::kStoryShapeSlot);
         ++it)
        shaped.push_back(it.get_docid());
    for (const Xapian::docid docid : shaped) {
        Xapian::Document doc = db.get_document(docid);
        if (!doc.get_value(schema::kStoryCollapseSlot).empty()) continue;
        doc.add_value(schema::kStoryCollapseSlot, doc.get_value(schema::kStorySlot));
        db.replace_document(docid, doc);
    }
}

}  // namespace

StoryLinks link_stories(Xapian::WritableDatabase& db) {
    add_collapse_slots(db);
    StoryGraph graph(db);
    // The stories to re-form: those that lost an article, and those a new
    // article joins. Their other articles are looked at again, as a lost
    // article may have been what held a story together.
    const std::vector<std::string> lost = lines(db, kLostKey);
    std::set<std::string> stories(lost.begin(), lost.end());
    // An index whose stories are still terms (schema.h, XY) has every story
    // re-formed once, so each gets its shape (its queries count the terms
    // until a story has one).
    if (const bool story_terms = db.allterms_begin(std::string(schema::kStoryPrefix)) !=
                                 db.allterms_end(std::string(schema::kStoryPrefix));
        story_terms && db.get_value_freq(schema::kStoryShapeSlot) == 0 && db.get_metadata(kShapedKey).empty())
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) graph.add(*it);
    std::vector<Xapian::docid> seeds;
    for (const Xapian::docid docid : unlinked(db))
        if (graph.add(docid)) seeds.push_back(docid);
    for (const Xapian::docid seed : seeds)
        for (const Xapian::docid other : graph.same_story_as(seed, false)) stories.insert(graph.story(other));
    for (const Xapian::docid member : members(db, stories)) graph.add(member);

    // Every link among them: a story is a connected group, and none of its
    // articles links outside the articles looked at (they would be one
    // story with it already).
    const std::vector<Xapian::docid> docids = graph.docids();
    for (const Xapian::docid docid : docids)
        for (const Xapian::docid other : graph.same_story_as(docid, true)) graph.join(docid, other);

    StoryLinks links;
    links.looked_at = docids.size();
    for (const StoryGraph::Placement& p : graph.stories()) {
        links.stories.emplace_back(p.docid, p.story);
        if (!p.moved && !p.reshaped) continue;
        // Read and replaced at once, with its values alone changed: Xapian
        // then leaves its terms as they are (story_shape.h).
        Xapian::Document doc = db.get_document(p.docid);
        set_story(doc, p.story, p.shape);
        db.replace_document(p.docid, doc);
        links.moved += p.moved;
    }
    db.set_metadata(kShapedKey, "1");
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
