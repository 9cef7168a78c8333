#include "snippet.h"

#include "shared_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace newsdex;

namespace {
std::string marked(const Snippet& s) {
    std::string out;
    for (const auto& p : s.parts) out += p.highlighted ? "[" + p.text + "]" : p.text;
    return out;
}
}  // namespace

TEST_CASE("snippets highlight every form that matched by stem", "[snippet]") {
    Analyzer a;
    Snippet s = make_snippet(a, "Правительство ввело пошлины. Пошлинами обложили сталь.", {"пошлины"}, {"пошлин"});
    CHECK(marked(s) == "Правительство ввело [пошлины]. [Пошлинами] обложили сталь.");
    CHECK(s.plain() == "Правительство ввело пошлины. Пошлинами обложили сталь.");
    CHECK(s.highlighted_words() == std::vector<std::string>{"пошлины", "Пошлинами"});
}

TEST_CASE("snippets find the passage with the matches and mark cuts", "[snippet]") {
    Analyzer a;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Вступительный абзац без нужных слов. ";
    text += "Здесь говорится о санкциях против банков.\n";
    for (int i = 0; i < 40; ++i) text += "Заключительный абзац. ";
    Snippet s = make_snippet(a, text, {}, {"санкц"}, 120);
    std::string m = marked(s);
    CHECK(m.find("[санкциях]") != std::string::npos);
    CHECK(m.rfind("…", 0) == 0);
    CHECK(m.size() > 3);
    CHECK(m.substr(m.size() - 3) == "…");
    CHECK(m.find('\n') == std::string::npos);
}

TEST_CASE("a compound and its parts are highlighted once", "[snippet]") {
    Analyzer a;
    Snippet s = make_snippet(a, "Купил в интернет-магазине.", {"интернет"}, {"интернет-магазин", "интернет"});
    CHECK(marked(s) == "Купил в [интернет-магазине].");
}

TEST_CASE("without matches the snippet is the start of the text", "[snippet]") {
    Analyzer a;
    Snippet s = make_snippet(a, "Первая фраза. Вторая фраза.", {"нет"}, {"нет"});
    CHECK(marked(s) == "Первая фраза. Вторая фраза.");
    CHECK(make_snippet(a, "", {}, {}).parts.empty());
}

namespace {

// What the index holds for an article: its terms' wdf, from the indexer's
// own code.
std::map<std::string, Xapian::termcount> indexed_wdf(Analyzer& a, const std::string& title, const std::string& text) {
    Xapian::Document doc;
    a.index_article(doc, title, text);
    std::map<std::string, Xapian::termcount> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out[*t] = t.get_wdf();
    return out;
}

std::string spans_text(const MatchSpans& m) {
    std::string out;
    for (std::size_t i = 0; i < m.spans.size(); ++i)
        out += std::to_string(m.spans[i].first) + "-" + std::to_string(m.spans[i].second) + ":" + m.keys[i] + " ";
    return out;
}

// Compares the snippet made from the index's counts with the one from the
// whole text, field by field; says whether the counts sufficed.
bool same_as_whole_text(Analyzer& a, const std::string& title, const std::string& text,
                        const std::set<std::string>& exact, const std::set<std::string>& stems) {
    const std::optional<MatchCounts> counts = body_match_counts(a, title, indexed_wdf(a, title, text), exact, stems);
    if (!counts) {
        FAIL_CHECK("the title has more matches than the document: " << title);
        return false;
    }
    const MatchSpans whole = snippet_matches(a, text, exact, stems, nullptr);
    const MatchSpans near = snippet_matches(a, text, exact, stems, &*counts);
    CHECK_FALSE(whole.bounded);
    const Snippet s_whole = make_snippet(a, text, exact, stems);
    const Snippet s_near = make_snippet(a, text, exact, stems, 200, &*counts);
    bool same = whole.spans == near.spans && whole.keys == near.keys && s_whole.parts.size() == s_near.parts.size();
    for (std::size_t i = 0; same && i < s_whole.parts.size(); ++i)
        same = s_whole.parts[i].text == s_near.parts[i].text && s_whole.parts[i].highlighted == s_near.parts[i].highlighted;
    if (!same) {
        std::string words;
        for (const std::string& e : exact) words += " exact:" + e;
        for (const std::string& st : stems) words += " stem:" + st;
        FAIL_CHECK("snippets differ for" << words << "\nwhole: " << spans_text(whole) << marked(s_whole)
                                         << "\nnear:  " << spans_text(near) << marked(s_near) << "\ntext: " << text);
    }
    return near.bounded;
}

// Queries made of the text's own words: one word from each part of it,
// the last word, pairs, and the title's words all together (a pasted
// headline).
std::vector<std::pair<std::set<std::string>, std::set<std::string>>> queries_from(Analyzer& a, const std::string& title,
                                                                                const std::string& text) {
    std::vector<std::pair<std::set<std::string>, std::set<std::string>>> out;
    const std::vector<AnalyzedToken> body = a.analyze(text);
    if (!body.empty()) {
        for (std::size_t k = 0; k < 4; ++k) {
            const AnalyzedToken& t = body[body.size() * k / 4];
            out.push_back({{t.term}, {t.stem}});
        }
        const AnalyzedToken& last = body.back();
        out.push_back({{last.term}, {last.stem}});
        const AnalyzedToken& middle = body[body.size() / 2];
        out.push_back({{middle.term, last.term}, {middle.stem, last.stem}});
        out.push_back({{}, {body[body.size() / 3].stem}});
    }
    std::set<std::string> exact, stems;
    for (const AnalyzedToken& t : a.analyze(title)) {
        exact.insert(t.term);
        stems.insert(t.stem);
    }
    if (!exact.empty()) out.push_back({exact, stems});
    return out;
}

}  // namespace

TEST_CASE("snippets from the stretches around the words equal those from the whole text", "[snippet]") {
    Analyzer a;
    std::string padding;
    for (int i = 0; i < 300; ++i) padding += "Длинный вступительный абзац без нужных слов, 2024 год. ";
    struct Case {
        std::string title, text;
        std::set<std::string> exact, stems;
        bool bounded;  // whether the stretches suffice
    };
    const std::vector<Case> cases{
        {"", padding + "И только в конце: Керчь.", {"керчь"}, {"керч"}, true},
        {"Керчь", padding + "Паромы Керчи и керченские суда. Керчь!", {"керчь"}, {"керч"}, true},
        {"", "Купил в интернет-магазине, интернет‐магазин закрыт. " + padding, {"интернет"},
         {"интернет-магазин", "интернет"}, true},
        {"", padding + "Ростов-на-Дону и Ростов, Санкт-Петербург-Москва-Тверь-Клин-Дно-Луга-Псков.",
         {"ростов-на-дону"}, {"ростов", "ростов-на-дон", "дно"}, true},
        {"", padding + "Цены выросли на 25% и на 25 %, доллар по $40, а евро по €45, 40$.", {"25%", "$40"},
         {"25", "40"}, true},
        {"", padding + "Tokayev met Apple's CEO; APPLE и Токаев.", {"tokayev", "apple"}, {"tokayev", "appl"}, true},
        {"", padding + "Ёлка и елка, ЁЛКИ.", {"елка"}, {"елк"}, true},
        // A stress mark, a Latin look-alike letter, a soft hyphen and a
        // zero-width space inside the word: the letters are not found, but
        // each such spelling is analyzed too.
        {"", padding + "Ке\u0301рчь, Kерчь, Кер\u00ADчь, Кер\u200Bчь и Керчь.", {"керчь"}, {"керч"}, true},
        {"", padding + "Ке\u0301рчи, Kерчи, Кер\u00ADчи, Кер\u200Bчи.", {}, {"керч"}, true},
        {"", padding + "Керчь\u00A0и\u00A0Крым,\r\nКерчь \u0301 и \u200Dкерчь\t\u2003Керчь.", {"керчь"}, {"керч"}, true},
        {"", padding, {"керчь"}, {"керч"}, true},  // no match at all
        // Matches in the lead, which the index counts kLeadWeight times
        // (schema.h), and after it.
        {"Керчь", "Керчь, Керчи и керченские. " + padding + "Керчь!", {"керчь"}, {"керч"}, true},
        {"", "Керчь", {"керчь"}, {"керч"}, false},  // the whole text is the stretch
    };
    for (const Case& c : cases) {
        INFO(c.text.substr(c.text.size() > 200 ? c.text.size() - 200 : 0));
        CHECK(same_as_whole_text(a, c.title, c.text, c.exact, c.stems) == c.bounded);
    }
}

TEST_CASE("snippets of real news from the stretches equal those from the whole text", "[snippet][shared-data]") {
    auto file = testing::shared_data_file("news-dev.jsonl.xz");
    if (!file) {
        WARN("skipped: ../shared/data/news-dev.jsonl.xz is not present");
        return;
    }
    Analyzer a;
    std::size_t line_number = 0, articles = 0, queries = 0, bounded = 0;
    testing::for_each_line(*file, [&](const std::string& line) {
        if (articles == 500 || line_number++ % 17 != 0) return;  // a spread of the set, and quick
        const auto j = nlohmann::json::parse(line);
        const std::string title = j.value("title", ""), text = j.value("text", "");
        INFO("article " << j.value("id", ""));
        for (const auto& [exact, stems] : queries_from(a, title, text)) {
            ++queries;
            if (same_as_whole_text(a, title, text, exact, stems)) ++bounded;
        }
        ++articles;
    });
    WARN(articles << " articles, " << queries << " queries: " << bounded << " snippets from stretches alone");
    CHECK(articles == 500);
    // Not a test that passes by always analyzing everything.
    CHECK(bounded > queries / 2);
}
