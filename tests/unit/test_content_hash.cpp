#include "base/content_hash.h"

#include <catch2/catch.hpp>

using newsdex::Article;
using newsdex::text_fingerprint;

namespace {

Article article(const std::string& title, const std::string& text) {
    Article a;
    a.title = title;
    a.text = text;
    return a;
}

}  // namespace

TEST_CASE("the text fingerprint ignores case and how white space is laid out", "[hash]") {
    const std::string fp = newsdex::text_fingerprint(article("Пошлины на сталь", "Первый абзац.\nВторой абзац 😀 ёлка."));
    CHECK(fp.size() == 32);
    CHECK(newsdex::text_fingerprint(article("  ПОШЛИНЫ  на\tСталь ", "первый\u00a0абзац.\n\n  второй абзац 😀 ЁЛКА.  ")) == fp);
    CHECK(newsdex::text_fingerprint(article("Пошлины на сталь", "Первый абзац.\nВторой абзац 😀 елка.")) != fp);
    CHECK(newsdex::text_fingerprint(article("Пошлины на сталь", "Первый абзац.Второй абзац 😀 ёлка.")) != fp);
    // Title and text stay apart: moving a word across changes the fingerprint.
    CHECK(newsdex::text_fingerprint(article("Пошлины на", "сталь Первый абзац.\nВторой абзац 😀 ёлка.")) != fp);
}

TEST_CASE("the text fingerprint of text stays the same across versions", "[hash]") {
    // Catalogs keep these to find duplicates: a change would make every
    // re-sent article look new.
    CHECK(newsdex::text_fingerprint(article("Заголовок", "Текст статьи.")) == text_fingerprint(article("ЗАГОЛОВОК", " текст  статьи. ")));
    CHECK(newsdex::text_fingerprint(article("Заголовок", "Текст статьи.")) == "01a1605ae3951259e90e7fb13912b40b");
}
