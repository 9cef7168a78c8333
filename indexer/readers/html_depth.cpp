#include "readers/html_depth.h"

#include <initializer_list>
#include <list>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

// The model follows the HTML tree-construction rules only as far as they
// depend on the stack of open elements; where a rule needs more of the
// parser's state (insertion modes, quirks mode), it keeps the element open.
// It is exact for well-formed nesting and optional end tags. Known gap: where
// the adoption agency reopens formatting elements (<b><div></b>…) it can
// count a few levels shallower than gumbo builds; the randomized comparison
// in tests/unit/test_html_depth.cpp bounds that at a quarter of the depth,
// so gumbo's work stays near-linear. Tables, <select>, <template>, MathML
// integration points and script escapes are not yet in that comparison.
// Depths measured with it (<html> counts 1): the pages in tests/fixtures/html
// nest 6-7 deep; the limit leaves a wide margin over any real page.

namespace newsdex {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

bool is_heading(std::string_view n) { return one_of(n, {"h1", "h2", "h3", "h4", "h5", "h6"}); }

// Inserted and popped at once: never on the stack.
bool is_void(std::string_view n) {
    return one_of(n, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
                      "keygen", "link", "meta", "param", "source", "track", "wbr"});
}

// Text up to their end tag, no markup inside.
bool is_raw_text(std::string_view n) {
    return one_of(n, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

bool is_formatting(std::string_view n) {
    return one_of(n, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"});
}

// Elements after which the list of formatting elements to reopen starts afresh.
bool is_marker(std::string_view n) {
    return one_of(n, {"applet", "object", "marquee", "td", "th", "caption", "template"});
}

bool closes_p(std::string_view n) {
    return is_heading(n) ||
           one_of(n, {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
                      "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
                      "p", "section", "summary", "ul", "pre", "listing", "form", "li", "dd", "dt", "plaintext", "hr",
                      "xmp"});
}

bool is_scope_boundary(std::string_view n) {
    return one_of(n, {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
                      "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"});
}

// HTML elements only: an HTML element named foreignobject is an ordinary one.
bool is_special(std::string_view n) {
    return one_of(n, {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "title"}) ||
           is_heading(n) || is_void(n) ||
           one_of(n, {"address", "article", "aside", "blockquote", "body", "button", "center", "colgroup", "dd",
                      "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
                      "frameset", "head", "header", "hgroup", "iframe", "li", "listing", "main", "menu", "nav",
                      "noembed", "noframes", "noscript", "ol", "p", "plaintext", "pre", "script", "section", "select",
                      "style", "summary", "tbody", "textarea", "tfoot", "thead", "tr", "ul", "xmp"});
}

bool is_table_part(std::string_view n) {
    return one_of(n, {"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"});
}

// SVG and MathML elements whose children are HTML again.
bool is_integration_point(std::string_view n) {
    return one_of(n, {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"});
}

struct Tag {
    std::string name;                 // lower-cased
    std::string_view attributes;      // raw, for telling formatting elements apart
    std::vector<std::string> attribute_names;
    bool self_closing = false;
    std::size_t end = 0;              // just past '>'
};

// An HTML start tag ending <font> in SVG or MathML closes the foreign elements.
bool breaks_out_of_foreign(const Tag& tag) {
    if (tag.name == "font") {
        for (const std::string& a : tag.attribute_names)
            if (a == "color" || a == "face" || a == "size") return true;
        return false;
    }
    return is_heading(tag.name) ||
           one_of(tag.name, {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
                             "embed", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
                             "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
                             "ul", "var"});
}

enum class Outcome { Keep, Remove, RawText, RestIsText };

// The stack of open elements, and the formatting elements gumbo would open
// again after an enclosing element closed them (<div><b>x</div>y makes y
// bold): those count as open too.
class TreeModel {
public:
    explicit TreeModel(std::size_t max_depth) : max_depth_(max_depth) {}

    std::size_t deepest() const { return deepest_; }

    Outcome start_tag(const Tag& tag) {
        const std::string& name = tag.name;
        // A second <html> or <body> only adds attributes to the first.
        if (one_of(name, {"html", "head", "body"})) return Outcome::Keep;
        const bool foreign = in_foreign_content();
        const bool breakout = foreign && breaks_out_of_foreign(tag);
        const bool html = !foreign || breakout;
        const bool honours_self_closing = (foreign && !breakout && stack_.back().name != "annotation-xml") ||
                                          (html && (name == "svg" || name == "math"));
        const bool pushes = !(html && (is_void(name) || name == "image" || is_raw_text(name))) &&
                            !(tag.self_closing && honours_self_closing);
        const std::size_t implied = pushes && html ? implied_parents(name) : 0;
        if (pushes && depth() + implied + 1 > max_depth_) {
            ++removed_[name];
            return Outcome::Remove;
        }
        // Elements that never stay open (<br>, <script>…) are leaves of the
        // tree, one deeper than the open ones, and are always kept: removing
        // a <script> tag would turn its code into text.
        deepest_ = std::max(deepest_, depth() + implied + 1);
        if (breakout) close_foreign();
        if (html) close_implied(name);
        if (html && (name == "td" || name == "th") && implied) {
            if (implied == 2) push("tbody", false, std::nullopt);
            push("tr", false, std::nullopt);
        } else if (html && name == "tr" && implied) {
            push("tbody", false, std::nullopt);
        } else if (html && name == "col" && implied) {
            push("colgroup", false, std::nullopt);
        }
        if (html && is_raw_text(name)) return Outcome::RawText;
        if (!pushes) return Outcome::Keep;
        if (html && name == "a") forget_closed("a");
        std::optional<std::string> key;
        if (html && is_formatting(name)) key = name + '\0' + std::string(tag.attributes);
        push(name, !html || name == "svg" || name == "math", std::move(key));
        if (html && is_marker(name)) formatting_.push_back(Formatting{{}, true, false, 0});
        return html && name == "plaintext" ? Outcome::RestIsText : Outcome::Keep;
    }

    // false: remove the end tag, its start tag was removed.
    bool end_tag(const std::string& name) {
        if (auto removed = removed_.find(name); removed != removed_.end() && removed->second > 0) {
            --removed->second;
            return false;
        }
        if (one_of(name, {"html", "head", "body", "br"})) return true;
        // gumbo answers a </p> with no <p> open with an empty <p>, a leaf.
        if (name == "p") deepest_ = std::max(deepest_, depth() + 1);
        // In SVG or MathML an end tag closes the nearest foreign element of
        // its name; reaching an HTML element, the HTML rules take over.
        std::size_t i = stack_.size();
        while (i > 0 && stack_[i - 1].foreign) {
            if (stack_[i - 1].name == name) {
                pop_to(i - 1);
                return true;
            }
            --i;
        }
        if (is_formatting(name) && end_formatting(name)) return true;
        if (is_table_part(name)) {
            // gumbo ignores table parts outside a table: such an element is
            // only in the model, and closing it must not close gumbo's.
            if (name == "table" || in_table()) close_through(name, [](const Open& o) { return o.name == "table" || o.name == "template"; });
        }
        else if (is_heading(name)) {
            // </h1> closes the nearest heading of any level.
            for (std::size_t i = stack_.size(); i > 0; --i) {
                const Open& open = stack_[i - 1];
                if (!open.foreign && is_heading(open.name)) {
                    pop_to(i - 1);
                    break;
                }
                if (is_scope_boundary(open.name)) break;
            }
        } else if (is_special(name))
            close_through(name, [&](const Open& o) {
                return is_scope_boundary(o.name) || (name == "li" && (o.name == "ol" || o.name == "ul")) ||
                       (name == "p" && o.name == "button");
            });
        else
            close_through(name, [](const Open& o) { return o.foreign ? is_integration_point(o.name) : is_special(o.name); });
        return true;
    }

private:
    struct Formatting {
        std::string key;         // name '\0' attributes
        bool marker = false;
        bool open = false;       // on the stack, at `index`
        std::size_t index = 0;
    };
    using FormattingList = std::list<Formatting>;
    struct Open {
        std::string name;
        bool foreign = false;
        std::optional<FormattingList::iterator> formatting;
    };

    static constexpr std::size_t kHtmlAndBody = 2;
    std::size_t depth() const { return kHtmlAndBody + stack_.size() + closed_formatting_; }

    bool top_is(std::string_view name) const {
        return !stack_.empty() && !stack_.back().foreign && stack_.back().name == name;
    }
    bool in_foreign_content() const {
        return !stack_.empty() && stack_.back().foreign && !is_integration_point(stack_.back().name);
    }

    bool in_table() const {
        for (std::size_t i = stack_.size(); i > 0; --i)
            if (!stack_[i - 1].foreign && stack_[i - 1].name == "table") return true;
        return false;
    }

    // gumbo opens a table's missing <tbody> and <tr> itself.
    std::size_t implied_parents(std::string_view name) const {
        if (name == "td" || name == "th") {
            if (top_is("tr") || top_is("td") || top_is("th")) return 0;
            return top_is("tbody") || top_is("thead") || top_is("tfoot") ? 1 : 2;
        }
        if (name == "tr") return top_is("table") ? 1 : 0;
        if (name == "col") return top_is("table") ? 1 : 0;
        return 0;
    }

    void push(std::string name, bool foreign, std::optional<std::string> formatting_key) {
        Open open{std::move(name), foreign, std::nullopt};
        if (formatting_key) {
            forget_fourth(*formatting_key);
            open.formatting = formatting_.insert(formatting_.end(), Formatting{*formatting_key, false, true, stack_.size()});
        }
        stack_.push_back(std::move(open));
        deepest_ = std::max(deepest_, depth());
    }

    void pop() {
        Open open = std::move(stack_.back());
        stack_.pop_back();
        if (open.formatting) {
            (*open.formatting)->open = false;
            ++closed_formatting_;
        }
        if (!open.foreign && is_marker(open.name)) clear_to_marker();
    }
    void pop_to(std::size_t index) {
        while (stack_.size() > index) pop();
    }

    void forget(FormattingList::iterator entry) {
        if (entry->open) stack_[entry->index].formatting.reset();
        else if (!entry->marker) --closed_formatting_;
        formatting_.erase(entry);
    }
    void clear_to_marker() {
        while (!formatting_.empty()) {
            const bool marker = formatting_.back().marker;
            forget(std::prev(formatting_.end()));
            if (marker) return;
        }
    }

    // The last entry named `name` since the last marker, or end().
    FormattingList::iterator find_formatting(std::string_view name) {
        for (auto it = formatting_.end(); it != formatting_.begin();) {
            --it;
            if (it->marker) break;
            if (std::string_view(it->key).substr(0, it->key.find('\0')) == name) return it;
        }
        return formatting_.end();
    }

    // A new <a> first closes an <a> still in the list.
    void forget_closed(std::string_view name) {
        if (auto it = find_formatting(name); it != formatting_.end() && !it->open) forget(it);
    }

    // Of identical formatting elements since the last marker, gumbo keeps three.
    void forget_fourth(const std::string& key) {
        std::size_t same = 0;
        for (auto it = formatting_.end(); it != formatting_.begin();) {
            --it;
            if (it->marker) return;
            if (it->key == key && ++same == 3) {
                forget(it);
                return;
            }
        }
    }

    // The adoption agency, simplified: an element with a block inside is
    // left open (gumbo reparents, never deepening).
    bool end_formatting(const std::string& name) {
        auto entry = find_formatting(name);
        if (entry == formatting_.end()) return false;
        if (!entry->open) {
            forget(entry);
            return true;
        }
        const std::size_t index = entry->index;
        for (std::size_t i = index + 1; i < stack_.size(); ++i)
            if (stack_[i].foreign ? is_integration_point(stack_[i].name) : is_special(stack_[i].name)) return true;
        pop_to(index);
        forget(entry);
        return true;
    }

    // Closes the nearest open HTML element named `name`, with everything
    // above it, unless `barrier` holds for an element in between.
    template <typename Barrier>
    void close_through(const std::string& name, Barrier barrier) {
        for (std::size_t i = stack_.size(); i > 0; --i) {
            const Open& open = stack_[i - 1];
            if (!open.foreign && open.name == name) {
                pop_to(i - 1);
                return;
            }
            if (barrier(open)) return;
        }
    }

    void close_foreign() {
        while (!stack_.empty() && stack_.back().foreign && !is_integration_point(stack_.back().name)) pop();
    }

    // End tags a start tag implies, by gumbo's rules where they depend only
    // on the stack, else only where the current element is closed for sure.
    void close_implied(std::string_view name) {
        if (name == "li") close_list_item({"li"});
        if (name == "dd" || name == "dt") close_list_item({"dd", "dt"});
        if (closes_p(name)) close_p();
        if (is_heading(name) && !stack_.empty() && !stack_.back().foreign && is_heading(stack_.back().name)) pop();
        else if ((name == "option" || name == "optgroup") && top_is("option")) pop();
        else if ((name == "td" || name == "th") && (top_is("td") || top_is("th"))) pop();
        else if (name == "tr") {
            if (top_is("td") || top_is("th")) pop();
            if (top_is("tr")) pop();
        }
    }

    // A <p> in button scope is closed, with everything above it.
    void close_p() {
        for (std::size_t i = stack_.size(); i > 0; --i) {
            const Open& open = stack_[i - 1];
            if (!open.foreign && open.name == "p") {
                pop_to(i - 1);
                return;
            }
            if (is_scope_boundary(open.name) || open.name == "button") return;
        }
    }

    // <li> closes an open <li>, <dd>/<dt> a <dd> or <dt>, looking down past
    // elements that are not special, and past <address>, <div> and <p>.
    void close_list_item(std::initializer_list<std::string_view> names) {
        for (std::size_t i = stack_.size(); i > 0; --i) {
            const Open& open = stack_[i - 1];
            if (!open.foreign && one_of(open.name, names)) {
                pop_to(i - 1);
                return;
            }
            const bool special = open.foreign ? is_integration_point(open.name) : is_special(open.name);
            if (special && !one_of(open.name, {"address", "div", "p"})) return;
        }
    }

    std::size_t max_depth_;
    std::vector<Open> stack_;
    FormattingList formatting_;
    std::size_t closed_formatting_ = 0;  // in formatting_, not on the stack: gumbo reopens them
    std::unordered_map<std::string, std::size_t> removed_;  // start tags removed, by name, whose end tags go too
    std::size_t deepest_ = kHtmlAndBody;
};

// ---- Tokens ----------------------------------------------------------------

// `at` is just after "<!--". Comments end at "-->" or "--!>"; "<!-->" and
// "<!--->" are empty ones.
std::size_t comment_end(std::string_view html, std::size_t at) {
    if (html.substr(at, 1) == ">") return at + 1;
    if (html.substr(at, 2) == "->") return at + 2;
    const std::size_t a = html.find("-->", at), b = html.find("--!>", at);
    if (a == std::string_view::npos && b == std::string_view::npos) return html.size();
    return a < b ? a + 3 : b + 4;
}

std::size_t after_gt(std::string_view html, std::size_t at) {
    const std::size_t gt = html.find('>', at);
    return gt == std::string_view::npos ? html.size() : gt + 1;
}

// A tag from the first letter of its name, attributes parsed as the HTML
// tokenizer does (a quote only opens a value after '='). nullopt at the end
// of the page inside the tag: gumbo drops such a tag.
std::optional<Tag> read_tag(std::string_view html, std::size_t at) {
    const std::size_t n = html.size();
    Tag tag;
    std::size_t p = at;
    while (p < n && !is_space(html[p]) && html[p] != '/' && html[p] != '>') tag.name += lower(html[p++]);
    const std::size_t attributes = p;
    for (;;) {
        while (p < n && is_space(html[p])) ++p;
        if (p >= n) return std::nullopt;
        if (html[p] == '>') break;
        if (html[p] == '/') {
            if (p + 1 < n && html[p + 1] == '>') {
                tag.self_closing = true;
                ++p;
                break;
            }
            ++p;
            continue;
        }
        std::string name(1, lower(html[p++]));
        while (p < n && !is_space(html[p]) && html[p] != '/' && html[p] != '>' && html[p] != '=') name += lower(html[p++]);
        tag.attribute_names.push_back(std::move(name));
        while (p < n && is_space(html[p])) ++p;
        if (p < n && html[p] == '=') {
            ++p;
            while (p < n && is_space(html[p])) ++p;
            if (p < n && (html[p] == '"' || html[p] == '\'')) {
                const std::size_t close = html.find(html[p], p + 1);
                if (close == std::string_view::npos) return std::nullopt;
                p = close + 1;
            } else {
                while (p < n && !is_space(html[p]) && html[p] != '>') ++p;
            }
        }
    }
    tag.attributes = html.substr(attributes, p - attributes);
    tag.end = p + 1;
    return tag;
}

// Where the text of a <script>, <style>, <textarea>… ends: at its first
// "</name" followed by a space, '/' or '>'. (gumbo lets a script's end tag
// hide inside "<!--<script>"; stopping at the first one can only read more
// tags than gumbo does.)
std::size_t raw_text_end(std::string_view html, std::size_t at, std::string_view name) {
    for (std::size_t p = html.find("</", at); p != std::string_view::npos; p = html.find("</", p + 2)) {
        const std::size_t after = p + 2 + name.size();
        if (after > html.size()) break;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) same = lower(html[p + 2 + i]) == name[i];
        if (same && (after == html.size() || is_space(html[after]) || html[after] == '/' || html[after] == '>')) return p;
    }
    return html.size();
}

}  // namespace

DepthLimitedHtml limit_html_depth(std::string_view html, std::size_t max_depth) {
    TreeModel model(max_depth);
    std::vector<std::pair<std::size_t, std::size_t>> removed;  // [begin, end) of removed tags
    const std::size_t n = html.size();
    for (std::size_t p = html.find('<'); p != std::string_view::npos && p + 1 < n; p = html.find('<', p)) {
        const char next = html[p + 1];
        if (html.compare(p, 4, "<!--") == 0) {
            p = comment_end(html, p + 4);
        } else if (next == '!' || next == '?') {
            p = after_gt(html, p + 2);
        } else if (next == '/') {
            if (p + 2 < n && is_letter(html[p + 2])) {
                const std::optional<Tag> tag = read_tag(html, p + 2);
                if (!tag) break;
                if (!model.end_tag(tag->name)) removed.emplace_back(p, tag->end);
                p = tag->end;
            } else {
                p = after_gt(html, p + 2);  // "</>" or a bogus comment
            }
        } else if (is_letter(next)) {
            const std::optional<Tag> tag = read_tag(html, p + 1);
            if (!tag) break;
            const Outcome outcome = model.start_tag(*tag);
            if (outcome == Outcome::RestIsText) break;
            if (outcome == Outcome::Remove) removed.emplace_back(p, tag->end);
            p = outcome == Outcome::RawText ? raw_text_end(html, tag->end, tag->name) : tag->end;
        } else {
            ++p;
        }
    }

    DepthLimitedHtml result;
    result.deepest = model.deepest();
    result.removed_tags = removed.size();
    if (removed.empty()) return result;
    result.flattened.reserve(html.size());
    std::size_t kept_from = 0;
    for (const auto& [begin, end] : removed) {
        result.flattened.append(html.substr(kept_from, begin - kept_from));
        result.flattened += ' ';  // "<p>один</p><p>два" must not become one word
        kept_from = end;
    }
    result.flattened.append(html.substr(kept_from));
    return result;
}

}  // namespace newsdex
