#include "readers/html_depth.h"
#include "readers/html_reader.h"

#include <catch2/catch.hpp>
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace newsdex;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(NEWSDEX_FIXTURES) + "/html/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string nested(std::size_t depth, const std::string& inside) {
    std::string page = "<title>Глубокая страница</title>";
    for (std::size_t i = 0; i < depth; ++i) page += "<div>";
    page += inside;
    for (std::size_t i = 0; i < depth; ++i) page += "</div>";
    return page + "<p>После</p>";
}

// How deep gumbo's tree for the page goes, <html> counting 1.
std::size_t gumbo_depth(const std::string& page) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
    std::size_t deepest = 0;
    std::vector<std::pair<const GumboNode*, std::size_t>> todo{{output->root, 1}};
    while (!todo.empty()) {
        auto [node, depth] = todo.back();
        todo.pop_back();
        deepest = std::max(deepest, depth);
        const GumboVector& children = node->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) todo.push_back({child, depth + 1});
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return deepest;
}

// Tag soup from the parts of HTML whose tree building is least regular:
// optional end tags, formatting elements gumbo reopens, foreign content,
// stray and misnested end tags. Not yet: tables, <select>, <template>,
// MathML and SVG integration points, script escapes, where the model is
// still known to count shallower than gumbo in places.
std::string tag_soup(std::mt19937& random, std::size_t tokens) {
    static const std::vector<std::string> names = {
        "div", "span", "p", "li", "ul", "ol", "b", "i", "a", "font", "em", "strong", "br", "img", "hr", "h1", "h2",
        "dd", "dt", "dl", "section", "article", "custom-x", "svg", "path", "g"};
    static const std::vector<std::string> attributes = {"", " id=1", " id=2", " class=\"x\"", " color=red",
                                                         " href='/a/'", " a\"b", " x=/y/"};
    auto pick = [&](const auto& from) { return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)]; };
    std::string page;
    for (std::size_t t = 0; t < tokens; ++t) {
        switch (std::uniform_int_distribution<int>(0, 9)(random)) {
            case 0: case 1: page += "<" + pick(names) + pick(attributes) + "/>"; break;
            case 2: case 3: case 4: page += "<" + pick(names) + pick(attributes) + ">"; break;
            case 5: case 6: page += "</" + pick(names) + ">"; break;
            case 7: page += "текст "; break;
            case 8: page += std::uniform_int_distribution<int>(0, 1)(random) ? "<!-- <div> --!>" : "<!--->"; break;
            default: page += "<!doctype html>"; break;
        }
    }
    return page;
}

}  // namespace

TEST_CASE("html depth: a page nested 100000 <div>s deep is read within seconds, its text kept", "[html][depth]") {
    const std::string page = nested(100000, "Глубоко внутри");
    const auto start = std::chrono::steady_clock::now();
    const HtmlArticle article = extract_html_article(page);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(article.title == "Глубокая страница");
    CHECK(article.text == "Глубоко внутри\nПосле");
    // The bound; measured about 0.1 s (README, Bad input). Without
    // the limit gumbo takes 12-37 s on this page.
    CHECK(took.count() < 10.0);
}

TEST_CASE("html depth: nesting beyond the limit is flattened, text in order", "[html][depth]") {
    const std::string page = nested(1000, "<p>Первый</p><div>Второй</div>");
    const DepthLimitedHtml limited = limit_html_depth(page);
    CHECK(limited.deepest == kMaxHtmlDepth);
    CHECK(limited.removed_tags > 0);
    CHECK(gumbo_depth(std::string(limited.page(page))) <= kMaxHtmlDepth + 1);
    // Paragraph breaks that deep are lost, words are not.
    CHECK(extract_html_article(page).text == "Первый Второй\nПосле");
}

TEST_CASE("html depth: real pages are left alone", "[html][depth]") {
    for (const char* name : {"news_article.html", "jsonld_graph.html", "malformed.html"}) {
        const std::string page = fixture(name);
        const DepthLimitedHtml limited = limit_html_depth(page);
        INFO(name << " nests " << limited.deepest << " deep, gumbo " << gumbo_depth(page));
        CHECK(limited.removed_tags == 0);
        CHECK(limited.deepest < 40);
        CHECK(limited.deepest >= gumbo_depth(page));
    }
    // What broken real pages do a thousand times: unclosed <p>, <li>, <td>,
    // <option>, void and self-closing tags, inline tags left open in a list item.
    std::string sloppy = "<!doctype html><html><body><div class=content>";
    for (int i = 0; i < 1000; ++i)
        sloppy += "<p>Абзац<br>текст<img src=a.jpg><br/><hr/><input type=text>"
                  "<ul><li><b>жирный</b> пункт<li>ещё<li><span>пункт</span></ul>"
                  "<table><tr><td>1<td>2<tr><td>3</table><select><option>a<option>b</select>"
                  "<svg><path d=\"M0 0\"/><g/></svg><dl><dt>a<dd>b</dl><h2>Подзаголовок<h3>ещё</h3>";
    const DepthLimitedHtml limited = limit_html_depth(sloppy);
    CHECK(limited.removed_tags == 0);
    CHECK(limited.deepest < 16);
}

TEST_CASE("html depth: the count stays close to gumbo's tree, and flattening bounds it", "[html][depth]") {
    // The model is exact for well-formed nesting and for optional end tags;
    // where the adoption agency reopens formatting elements it can count a
    // few levels shallower than gumbo builds. What matters is that the bound
    // holds within a margin, so gumbo's work stays near-linear.
    auto margin = [](std::size_t depth) { return depth / 4 + 4; };
    std::mt19937 random(18);
    for (auto [rounds, tokens] : {std::pair{1000, 200}, std::pair{100, 1000}}) {
        for (int round = 0; round < rounds; ++round) {
            const std::string page = tag_soup(random, tokens);
            INFO(page);
            const std::size_t deepest = limit_html_depth(page, 1 << 20).deepest;
            REQUIRE(deepest + margin(deepest) >= gumbo_depth(page));
            for (std::size_t limit : {12, 40}) {
                const DepthLimitedHtml limited = limit_html_depth(page, limit);
                REQUIRE(gumbo_depth(std::string(limited.page(page))) <= limit + margin(limit));
            }
        }
    }
}
