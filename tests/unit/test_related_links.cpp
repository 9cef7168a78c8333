#include "readers/related_links.h"

#include <catch2/catch.hpp>

#include <string>

using newsdex::without_related_links;

TEST_CASE("related links: a see-also block with its headline and teaser is left out", "[related]") {
    const std::string text =
        "Эрдоган обвинил США.\n"
        "Также по теме\n"
        "«США очень нас разочаровали»: почему Эрдоган обвинил Вашингтон\n"
        "Президент Турции обвинил США в пособничестве террористам....\n"
        "По его словам, боевики получали оружие.";
    CHECK(without_related_links(text) == "Эрдоган обвинил США.\nПо его словам, боевики получали оружие.");
}

TEST_CASE("related links: a headline without a teaser, other markers, a colon, the text's end", "[related]") {
    CHECK(without_related_links("Первый абзац.\nЧитайте также:\nКурс рубля на 25 ноября\nВторой абзац.") ==
          "Первый абзац.\nВторой абзац.");
    CHECK(without_related_links("Первый абзац.\n  По теме  \nКурс рубля на 25 ноября") == "Первый абзац.");
    CHECK(without_related_links("Смотрите также\nЗолото степей: войдёт ли Казахстан в число самых развитых стран\n"
                                "26 лет назад Казахстан завершил «парад суверенитетов»…\nТекст.") == "Текст.");
}

TEST_CASE("related links: a marker not followed by a headline is text, and stays", "[related]") {
    // A sentence ending in a full stop is not a headline.
    const std::string sentence = "Вступление.\nТакже по теме\nЭксперты считают, что рост продолжится.\nКонец.";
    CHECK(without_related_links(sentence) == sentence);
    // A line longer than any headline is a paragraph.
    const std::string paragraph = "Также по теме\n" + std::string(newsdex::kMaxLinkedHeadlineBytes + 1, 'x');
    CHECK(without_related_links(paragraph) == paragraph);
    // The marker as the last line, or inside a sentence.
    CHECK(without_related_links("Текст.\nТакже по теме") == "Текст.\nТакже по теме");
    CHECK(without_related_links("Также по теме выступил министр\nдругое") == "Также по теме выступил министр\nдругое");
    // A line after the headline that is not a cut-off teaser is the text going on.
    CHECK(without_related_links("Также по теме\nЗаголовок другой статьи\nТекст продолжается.") ==
          "Текст продолжается.");
}

TEST_CASE("related links: text without a block comes back as it was, empty lines too", "[related]") {
    for (const std::string text : {"", "\n", "\nАбзац.\n\nЕщё абзац.\n", "Также в Москве.\nПо теме доклада."})
        CHECK(without_related_links(text) == text);
    CHECK(without_related_links("\nТакже по теме\nЗаголовок\n\nАбзац.\n") == "\n\nАбзац.\n");
}
