#include "readers/html_reader.h"

#include "base/errors.h"
#include "readers/html_depth.h"
#include "readers/ascii_space.h"

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <vector>

namespace newsdex {
namespace {

using nlohmann::json;

// Destroying needs only the allocator, which every options struct here shares
// with kGumboDefaultOptions.
struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using ParsedHtml = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// ---- Text ------------------------------------------------------------------


std::string to_lower(std::string_view s) {
    std::string lower(s);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

std::string trim(std::string_view s) { return std::string(trim_ascii_space(s)); }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string joined;
    for (const std::string& part : parts) {
        if (!joined.empty()) joined += separator;
        joined += part;
    }
    return joined;
}

// Builds paragraphs from text fragments, collapsing whitespace runs to one
// space. NBSP (U+00A0) counts as whitespace: Russian typography puts it
// between numbers and units, and neither titles nor the index want it there.
class Paragraphs {
public:
    void add_text(std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (is_ascii_space(text[i])) {
                pending_space_ = true;
            } else if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
                pending_space_ = true;
                ++i;
            } else {
                if (pending_space_ && !current_.empty()) current_ += ' ';
                pending_space_ = false;
                current_ += text[i];
            }
        }
    }
    void add_space() { pending_space_ = true; }
    void end_paragraph() {
        if (!current_.empty()) done_.push_back(std::move(current_));
        current_.clear();
        pending_space_ = false;
    }
    std::vector<std::string> take() {
        end_paragraph();
        return std::move(done_);
    }

private:
    std::vector<std::string> done_;
    std::string current_;
    bool pending_space_ = false;
};

std::string collapse_whitespace(std::string_view text) {
    Paragraphs p;
    p.add_text(text);
    return join(p.take(), " ");
}

// ---- Tree ------------------------------------------------------------------

bool is_element(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

bool has_tag(const GumboNode* node, GumboTag tag) { return is_element(node) && node->v.element.tag == tag; }

const GumboVector* children_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (is_element(node)) return &node->v.element.children;
    return nullptr;
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!is_element(node)) return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view();
}

// rel and itemprop hold space-separated lists ("canonical nofollow").
bool has_token(std::string_view list, std::string_view token) {
    const std::string lower = to_lower(list), wanted = to_lower(token);
    std::size_t start = 0;
    while (start < lower.size()) {
        std::size_t end = start;
        while (end < lower.size() && !is_ascii_space(lower[end])) ++end;
        if (lower.compare(start, end - start, wanted) == 0) return true;
        start = end + 1;
    }
    return false;
}

// Visits the subtree in document order. Iterative rather than recursive:
// broken pages can leave thousands of tags unclosed, nesting that deep.
// enter() returns whether to descend; leave() follows every entered node's
// children.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter enter, Leave leave) {
    struct Frame {
        const GumboNode* node;
        unsigned int next_child;
    };
    if (!enter(root)) return;
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
        const GumboNode* node = stack.back().node;
        const GumboVector* children = children_of(node);
        if (children && stack.back().next_child < children->length) {
            const auto* child = static_cast<const GumboNode*>(children->data[stack.back().next_child++]);
            if (enter(child)) stack.push_back({child, 0});
        } else {
            stack.pop_back();
            leave(node);
        }
    }
}

// ---- Junk ------------------------------------------------------------------

bool is_junk_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_MENU:
            return true;
        default:
            return false;
    }
}

// Most sites mark their chrome only by class or id (<div class="b-sidebar">),
// so the tag alone would let menus and share buttons into the text.
bool has_junk_name(const GumboNode* node) {
    static constexpr std::string_view kJunkNames[] = {
        "nav", "menu", "footer", "header", "sidebar", "comment", "share",
        "social", "related", "advert", "banner", "breadcrumb", "subscribe", "cookie"};
    const std::string names = to_lower(attribute(node, "class")) + ' ' + to_lower(attribute(node, "id"));
    return std::any_of(std::begin(kJunkNames), std::end(kJunkNames),
                       [&](std::string_view junk) { return names.find(junk) != std::string::npos; });
}

// <html> and <body> are exempt from the name test: sites hang page-state
// classes like "has-sidebar" on them, and dropping them would drop the page.
bool is_junk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEMPLATE) return true;
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = node->v.element.tag;
    if (is_junk_tag(tag)) return true;
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return false;
    return has_junk_name(node);
}

// Elements under root (itself included) for which wanted() holds, in
// document order. Metadata is looked for everywhere, junk included: a
// <time> in an article header is still the article's date.
template <typename Wanted>
std::vector<const GumboNode*> find_elements(const GumboNode* root, Wanted wanted) {
    std::vector<const GumboNode*> found;
    walk(
        root,
        [&](const GumboNode* node) {
            if (node->type != GUMBO_NODE_ELEMENT) return false;
            if (wanted(node)) found.push_back(node);
            return true;
        },
        [](const GumboNode*) {});
    return found;
}

auto tagged(GumboTag tag) {
    return [tag](const GumboNode* node) { return has_tag(node, tag); };
}

// ---- Visible text ----------------------------------------------------------

enum class Break { None, Space, Paragraph };

Break break_around(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TR: case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_MAIN: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_HR:
        case GUMBO_TAG_ADDRESS:
            return Break::Paragraph;
        // Table cells are inline-ish, but gluing "Москва" and "12" into one word would be worse.
        case GUMBO_TAG_TD: case GUMBO_TAG_TH:
            return Break::Space;
        default:
            return Break::None;
    }
}

void separate(Paragraphs& out, GumboTag tag) {
    switch (break_around(tag)) {
        case Break::Paragraph: out.end_paragraph(); break;
        case Break::Space: out.add_space(); break;
        case Break::None: break;
    }
}

// The text a reader sees under root, as paragraphs, junk left out.
std::vector<std::string> paragraphs_of(const GumboNode* root) {
    Paragraphs out;
    walk(
        root,
        [&](const GumboNode* node) {
            switch (node->type) {
                case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
                    out.add_text(node->v.text.text);
                    return false;
                case GUMBO_NODE_ELEMENT:
                    if (node != root && is_junk(node)) {
                        out.add_space();  // "Текст<button>…</button>дальше" must not glue two words
                        return false;
                    }
                    separate(out, node->v.element.tag);
                    return true;
                default:
                    return false;
            }
        },
        [&](const GumboNode* node) { separate(out, node->v.element.tag); });
    return out.take();
}

std::string plain_text(const GumboNode* node) { return join(paragraphs_of(node), " "); }

std::size_t visible_bytes(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !is_ascii_space(c); }));
}

// The wanted element under page with the most text outside junk; nullptr if
// none has any. One walk, passing each element's total up to the enclosing
// candidate: measuring candidates one by one is quadratic when broken markup
// nests thousands of them.
template <typename Wanted>
const GumboNode* largest(const GumboNode* page, Wanted wanted) {
    std::vector<std::size_t> open;  // text so far in each candidate being walked
    const GumboNode* best = nullptr;
    std::size_t best_length = 0;
    walk(
        page,
        [&](const GumboNode* node) {
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
                if (!open.empty()) open.back() += visible_bytes(node->v.text.text);
                return false;
            }
            if (node->type != GUMBO_NODE_ELEMENT || (node != page && is_junk(node))) return false;
            if (wanted(node)) open.push_back(0);
            return true;
        },
        [&](const GumboNode* node) {
            if (!wanted(node)) return;
            const std::size_t length = open.back();
            open.pop_back();
            if (!open.empty()) open.back() += length;
            if (length > best_length) {
                best = node;
                best_length = length;
            }
        });
    return best;
}

bool is_article(const GumboNode* node) { return has_tag(node, GUMBO_TAG_ARTICLE); }
bool is_article_body(const GumboNode* node) { return has_token(attribute(node, "itemprop"), "articleBody"); }
bool is_main(const GumboNode* node) { return has_tag(node, GUMBO_TAG_MAIN); }

// The element holding the story. "Largest" because home and list pages wrap
// each teaser in its own <article>; empty candidates fall through.
const GumboNode* content_root(const GumboNode* html) {
    const std::vector<const GumboNode*> bodies = find_elements(html, tagged(GUMBO_TAG_BODY));
    const GumboNode* page = bodies.empty() ? html : bodies.front();  // no <body> in a <frameset> page
    for (auto wanted : {is_article, is_article_body, is_main})
        if (const GumboNode* best = largest(page, wanted)) return best;
    return page;
}

// The headline usually opens the article again as an <h1>; it is the title
// already, and repeating it would double its weight in the index.
std::string body_text(const GumboNode* content, const std::string& title) {
    std::vector<std::string> paragraphs = paragraphs_of(content);
    if (!paragraphs.empty() && !title.empty() && paragraphs.front() == title) paragraphs.erase(paragraphs.begin());
    return join(paragraphs, "\n");
}

// ---- <head> metadata -------------------------------------------------------

// <meta> content keyed by lower-cased name, property or itemprop. The first
// non-empty value wins: pages that repeat a tag put the real one first.
using MetaTags = std::map<std::string, std::string>;

MetaTags read_meta_tags(const GumboNode* html) {
    MetaTags meta;
    for (const GumboNode* node : find_elements(html, tagged(GUMBO_TAG_META))) {
        const std::string content = trim(attribute(node, "content"));
        if (content.empty()) continue;
        for (const char* key_attribute : {"property", "name", "itemprop"}) {
            const std::string key = to_lower(trim(attribute(node, key_attribute)));
            if (!key.empty()) meta.emplace(key, content);
        }
    }
    return meta;
}

std::string meta_value(const MetaTags& meta, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        if (auto it = meta.find(key); it != meta.end()) return it->second;
    return {};
}

// ---- JSON-LD ---------------------------------------------------------------

struct LinkedData {
    std::string date;
    std::string author;
};

bool is_json_ld(const GumboNode* node) {
    return has_tag(node, GUMBO_TAG_SCRIPT) &&
           to_lower(trim(attribute(node, "type"))).rfind("application/ld+json", 0) == 0;
}

std::string script_text(const GumboNode* script) {
    std::string text;
    const GumboVector& children = script->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE)
            text += child->v.text.text;
    }
    return text;
}

// Blocks come as one object, an array of them, or an @graph of them. The
// depth cap is against hostile nesting, not real pages.
void collect_items(const json& value, std::vector<const json*>& items, int depth = 0) {
    if (depth > 8) return;
    if (value.is_array()) {
        for (const json& element : value) collect_items(element, items, depth + 1);
    } else if (value.is_object()) {
        items.push_back(&value);
        if (auto graph = value.find("@graph"); graph != value.end()) collect_items(*graph, items, depth + 1);
    }
}

// The same @graph holds WebSite, Organization and BreadcrumbList items; only
// article types speak for the story itself.
bool is_article_type(const json& item) {
    auto type = item.find("@type");
    if (type == item.end()) return false;
    const json types = type->is_array() ? *type : json::array({*type});
    return std::any_of(types.begin(), types.end(), [](const json& t) {
        if (!t.is_string()) return false;
        const std::string& name = t.get_ref<const std::string&>();
        return name.find("Article") != std::string::npos || name == "BlogPosting" || name == "Report";
    });
}

std::string string_member(const json& item, const char* name) {
    auto it = item.find(name);
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// author is a name, a Person/Organization object, or an array of either.
std::string author_names(const json& author) {
    if (author.is_string()) return collapse_whitespace(author.get_ref<const std::string&>());
    if (author.is_object()) return collapse_whitespace(string_member(author, "name"));
    if (!author.is_array()) return {};
    std::vector<std::string> names;
    for (const json& one : author) {
        if (one.is_array()) continue;
        if (std::string name = author_names(one); !name.empty()) names.push_back(std::move(name));
    }
    return join(names, ", ");
}

// A field from the first article item that has it, else from any item.
template <typename Field>
std::string pick(const std::vector<const json*>& items, Field field) {
    std::string fallback;
    for (const json* item : items) {
        std::string value = field(*item);
        if (value.empty()) continue;
        if (is_article_type(*item)) return value;
        if (fallback.empty()) fallback = std::move(value);
    }
    return fallback;
}

LinkedData read_linked_data(const GumboNode* html) {
    std::vector<json> blocks;
    for (const GumboNode* script : find_elements(html, is_json_ld)) {
        // Broken blocks are common (trailing commas, raw newlines); skip them.
        json block = json::parse(script_text(script), nullptr, false);
        if (!block.is_discarded()) blocks.push_back(std::move(block));
    }
    std::vector<const json*> items;
    for (const json& block : blocks) collect_items(block, items);
    LinkedData ld;
    ld.date = pick(items, [](const json& item) { return trim(string_member(item, "datePublished")); });
    ld.author = pick(items, [](const json& item) {
        auto it = item.find("author");
        return it == item.end() ? std::string() : author_names(*it);
    });
    return ld;
}

// ---- Fields ----------------------------------------------------------------

std::string find_title(const GumboNode* html, const GumboNode* content, const MetaTags& meta) {
    if (std::string title = collapse_whitespace(meta_value(meta, {"og:title"})); !title.empty()) return title;
    // <svg> has a <title> of its own; only the HTML one names the page.
    auto is_page_title = [](const GumboNode* n) {
        return has_tag(n, GUMBO_TAG_TITLE) && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
    };
    for (const GumboNode* node : find_elements(html, is_page_title))
        if (std::string title = plain_text(node); !title.empty()) return title;
    // An <h1> in the story beats one in the site header (often the logo).
    for (const GumboNode* scope : {content, html})
        for (const GumboNode* h1 : find_elements(scope, tagged(GUMBO_TAG_H1)))
            if (std::string title = plain_text(h1); !title.empty()) return title;
    return {};
}

std::string find_date(const GumboNode* html, const GumboNode* content, const MetaTags& meta, const LinkedData& ld) {
    if (std::string date = meta_value(meta, {"article:published_time"}); !date.empty()) return date;
    // A <time> inside the story is its own; elsewhere it may date a teaser.
    for (const GumboNode* scope : {content, html})
        for (const GumboNode* time : find_elements(scope, tagged(GUMBO_TAG_TIME)))
            if (std::string date = trim(attribute(time, "datetime")); !date.empty()) return date;
    if (std::string date = meta_value(meta, {"date", "pubdate", "datepublished"}); !date.empty()) return date;
    return ld.date;
}

std::string find_url(const GumboNode* html, const MetaTags& meta) {
    for (const GumboNode* link : find_elements(html, tagged(GUMBO_TAG_LINK)))
        if (has_token(attribute(link, "rel"), "canonical"))
            if (std::string href = trim(attribute(link, "href")); !href.empty()) return href;
    return meta_value(meta, {"og:url"});
}

std::string find_author(const MetaTags& meta, const LinkedData& ld) {
    for (const char* key : {"author", "article:author"})
        if (std::string author = collapse_whitespace(meta_value(meta, {key})); !author.empty()) return author;
    return ld.author;
}

// ---- Charset sniffing ------------------------------------------------------

// The value after "charset=" inside one lower-cased <meta ...> tag. Covers
// both <meta charset="x"> and content="text/html; charset=x".
std::string charset_in_tag(std::string_view tag) {
    for (std::size_t at = tag.find("charset"); at != std::string_view::npos; at = tag.find("charset", at + 1)) {
        std::size_t i = at + 7;
        while (i < tag.size() && is_ascii_space(tag[i])) ++i;
        if (i >= tag.size() || tag[i] != '=') continue;
        ++i;
        while (i < tag.size() && is_ascii_space(tag[i])) ++i;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) ++i;
        auto ends_value = [](char c) {
            return is_ascii_space(c) || std::string_view("\"';/").find(c) != std::string_view::npos;
        };
        std::size_t end = i;
        while (end < tag.size() && !ends_value(tag[end])) ++end;
        if (end > i) return std::string(tag.substr(i, end - i));
    }
    return {};
}

}  // namespace

HtmlArticle extract_html_article(std::string_view html_utf8) {
    // gumbo keeps a byte order mark as text, which would make an empty page look non-empty.
    if (html_utf8.substr(0, 3) == "\xEF\xBB\xBF") html_utf8.remove_prefix(3);
    // gumbo's tree builder slows with the square of the nesting depth; pages
    // nested beyond any real one's depth are flattened first (html_depth.h).
    const DepthLimitedHtml limited = limit_html_depth(html_utf8);
    html_utf8 = limited.page(html_utf8);
    GumboOptions options = kGumboDefaultOptions;
    // Parse errors are of no use here, and gumbo copies the open-element
    // stack into each one: on deeply broken pages that alone exhausts memory.
    options.max_errors = 0;
    const ParsedHtml parsed(gumbo_parse_with_options(&options, html_utf8.data(), html_utf8.size()));
    const GumboNode* html = parsed->root;
    const GumboNode* content = content_root(html);
    const MetaTags meta = read_meta_tags(html);
    const LinkedData ld = read_linked_data(html);

    HtmlArticle article;
    article.title = find_title(html, content, meta);
    article.date = find_date(html, content, meta, ld);
    article.url = find_url(html, meta);
    article.author = find_author(meta, ld);
    article.text = body_text(content, article.title);
    if (article.title.empty() && article.text.empty()) throw InputError("no article text found");
    return article;
}

std::string html_declared_charset(std::string_view raw_bytes) {
    const std::string head = to_lower(raw_bytes.substr(0, 4096));
    for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 1)) {
        const std::size_t attributes = at + 5;
        const bool other_tag = attributes < head.size() && !is_ascii_space(head[attributes]) && head[attributes] != '/';
        if (other_tag) continue;  // <metadata>, say
        const std::size_t close = head.find('>', attributes);
        const std::string_view tag =
            std::string_view(head).substr(attributes, close == std::string::npos ? std::string::npos : close - attributes);
        if (std::string charset = charset_in_tag(tag); !charset.empty()) return charset;
    }
    return {};
}

}  // namespace newsdex
