#include "snippet.h"

#include <catch2/catch.hpp>

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
