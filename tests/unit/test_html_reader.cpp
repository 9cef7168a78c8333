#include "base/errors.h"
#include "readers/html_reader.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace newsdex;

namespace {

std::string fixture(const std::string& name) {
    const std::string path = std::string(NEWSDEX_FIXTURES) + "/html/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A page with the given <head> contents and a one-paragraph body.
HtmlArticle with_head(const std::string& head, const std::string& body = "<p>Текст новости.</p>") {
    return extract_html_article("<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>");
}

std::string ld_json(const std::string& json) { return "<script type=\"application/ld+json\">" + json + "</script>"; }

}  // namespace

TEST_CASE("html: a full news page yields its metadata and a clean body", "[html]") {
    HtmlArticle a = extract_html_article(fixture("news_article.html"));
    CHECK(a.title == "ЦБ сохранил ключевую ставку на уровне 16,5%");
    CHECK(a.date == "2025-11-24T13:30:00+03:00");
    CHECK(a.url == "https://news.example.ru/economy/20251124/stavka.html");
    CHECK(a.author == "Мария Иванова");
    CHECK(a.text ==
          "24 ноября 2025, 13:35 Мария Иванова\n"
          "Банк России на заседании в пятницу сохранил ключевую ставку на уровне 16,5% годовых, сообщил регулятор. "
          "Решение совпало с прогнозом большинства аналитиков.\n"
          "«Инфляционное давление снижается, однако остаётся высоким», — говорится в пресс-релизе Центрального банка.\n"
          "Здание Банка России в Москве\n"
          "По словам председателя ЦБ, дальнейшие решения будут зависеть от динамики цен.\n"
          "Инфляция в октябре: 7,7%\n"
          "Следующее заседание: 19 декабря");
}

TEST_CASE("html: junk around and inside the article is left out", "[html]") {
    HtmlArticle a = extract_html_article(fixture("news_article.html"));
    for (const char* junk : {"Политика", "Главная", "Поделиться", "ВКонтакте", "Реклама", "renderAd", "счётчик",
                             "Читайте также", "Курс рубля", "Комментарии", "Самое читаемое", "Погода", "Подпишитесь",
                             "Все права", "cookie", "dataLayer", "margin"}) {
        INFO(junk);
        CHECK(a.text.find(junk) == std::string::npos);
    }

    HtmlArticle b = with_head("<style>p { color: red }</style><title>Заголовок</title>",
                              "<nav>Меню сайта</nav><header>Шапка</header>"
                              "<div id=\"top-menu\">Разделы</div><div class=\"SideBar\">Популярное</div>"
                              "<p>Первый абзац.</p><script>var x = 1;</script><aside>Врезка</aside>"
                              "<div class=\"b-social-links\">ВК</div><ul class=\"Breadcrumb\"><li>Главная</li></ul>"
                              "<div class=\"adverts\">Реклама</div><p>Второй абзац.</p>"
                              "<footer>Подвал</footer><iframe src=\"/x\"></iframe><form><button>Найти</button></form>");
    CHECK(b.text == "Первый абзац.\nВторой абзац.");
}

TEST_CASE("html: title prefers og:title, then <title>, then the first <h1>", "[html]") {
    CHECK(with_head("<title>Из тега title</title><meta property=\"og:title\" content=\"  Из  og:title \">").title ==
          "Из og:title");
    CHECK(with_head("<title>\n  Из тега\n  title  </title>", "<h1>Из h1</h1><p>Текст.</p>").title == "Из тега title");
    CHECK(with_head("", "<h1>Из <em>h1</em></h1><h1>Второй h1</h1><p>Текст.</p>").title == "Из h1");
    // An empty og:title does not hide the <title>.
    CHECK(with_head("<meta property=\"og:title\" content=\" \"><title>Запасной</title>").title == "Запасной");
    // The <title> of an inline SVG icon is not the page's.
    CHECK(with_head("", "<svg><title>Иконка</title></svg><h1>Настоящий</h1><p>Текст.</p>").title == "Настоящий");
}

TEST_CASE("html: a headline repeated as the first paragraph is dropped from the text", "[html]") {
    HtmlArticle a = with_head("<title>Новость дня</title>", "<article><h1>Новость  дня</h1><p>Текст.</p></article>");
    CHECK(a.text == "Текст.");
    HtmlArticle b = with_head("<title>Новость дня</title>", "<article><p>Текст.</p><p>Новость дня</p></article>");
    CHECK(b.text == "Текст.\nНовость дня");
}

TEST_CASE("html: date sources in order of precedence, kept raw", "[html]") {
    const std::string time = "<time datetime=\"2025-11-20T10:00\">20 ноября</time>";
    const std::string meta_date = "<meta name=\"date\" content=\"2025-11-19\">";
    const std::string ld = ld_json(R"({"@type": "NewsArticle", "datePublished": "2025-11-18T08:00:00Z"})");

    const std::string published = "<meta property=\"article:published_time\" content=\" 2025-11-21T09:15:00+03:00 \">";

    CHECK(with_head(published + meta_date + ld, time + "<p>Текст.</p>").date == "2025-11-21T09:15:00+03:00");
    CHECK(with_head(meta_date + ld, "<p>Опубликовано " + time + "</p>").date == "2025-11-20T10:00");
    CHECK(with_head(meta_date + ld).date == "2025-11-19");
    CHECK(with_head("<meta name=\"pubdate\" content=\"20251117\">").date == "20251117");
    CHECK(with_head("<meta itemprop=\"datePublished\" content=\"16.11.2025\">").date == "16.11.2025");
    CHECK(with_head(ld).date == "2025-11-18T08:00:00Z");
    CHECK(with_head("").date.empty());
}

TEST_CASE("html: a <time> inside the article beats one elsewhere on the page", "[html]") {
    HtmlArticle a = with_head("", "<div class=\"ticker\"><time datetime=\"2025-01-01\">1 января</time></div>"
                                  "<article><p>Текст новости.</p>"
                                  "<time datetime=\"2025-11-20\">20 ноября</time></article>");
    CHECK(a.date == "2025-11-20");
}

TEST_CASE("html: JSON-LD dates from an object, an array and an @graph", "[html]") {
    CHECK(with_head(ld_json(R"([{"@type": "Organization", "name": "РИА"},
                                {"@type": "NewsArticle", "datePublished": "2025-11-15"}])"))
              .date == "2025-11-15");
    // In a @graph the article's date wins over the WebSite's that comes first.
    HtmlArticle a = extract_html_article(fixture("jsonld_graph.html"));
    CHECK(a.date == "2025-11-23T21:05:00+03:00");
    // A broken block is skipped, the good one is still read.
    CHECK(with_head(ld_json("{broken,}") + ld_json(R"({"datePublished": "2025-11-14"})")).date == "2025-11-14");
}

TEST_CASE("html: url is the canonical link, else og:url", "[html]") {
    const std::string og = "<meta property=\"og:url\" content=\"https://ria.example/og\">";
    CHECK(with_head(og + "<link rel=\"Canonical\" href=\" https://ria.example/canonical \">").url ==
          "https://ria.example/canonical");
    CHECK(with_head("<link rel=\"alternate\" href=\"https://ria.example/amp\">" + og).url == "https://ria.example/og");
    CHECK(with_head("").url.empty());
}

TEST_CASE("html: author from meta name, then article:author, then JSON-LD", "[html]") {
    const std::string ld = ld_json(R"({"@type": "NewsArticle", "author": "Пётр Сидоров"})");
    const std::string article_author = "<meta property=\"article:author\" content=\"Иван Петров\">";
    CHECK(with_head(article_author + "<meta name=\"author\" content=\"Анна Козлова\">" + ld).author == "Анна Козлова");
    CHECK(with_head(article_author + ld).author == "Иван Петров");
    CHECK(with_head(ld).author == "Пётр Сидоров");
    CHECK(with_head(ld_json(R"({"author": {"@type": "Person", "name": "Елена Волкова"}})")).author == "Елена Волкова");
    CHECK(with_head(ld_json(R"({"author": [{"name": "Елена Волкова"}, "Олег Орлов", {"url": "x"}]})")).author ==
          "Елена Волкова, Олег Орлов");
    CHECK(extract_html_article(fixture("jsonld_graph.html")).author == "Алексей Петров, Ольга Смирнова");
    CHECK(with_head("").author.empty());
}

TEST_CASE("html: character references are decoded", "[html]") {
    HtmlArticle a = with_head("<title>&laquo;Спартак&raquo; &mdash; чемпион</title>",
                              "<p>&#1055;резидент&nbsp;&nbsp;заявил: &laquo;Да&raquo; &#x2014; и&nbsp;всё.</p>");
    CHECK(a.title == "«Спартак» — чемпион");
    CHECK(a.text == "Президент заявил: «Да» — и всё.");
}

TEST_CASE("html: block elements make paragraphs, inline ones do not", "[html]") {
    HtmlArticle a = with_head("<title>Т</title>",
                              "<article><p>Пре<b>зи</b><a href=\"#\">дент</a>   <i>России</i>\n\t подписал</p>"
                              "<p>  </p><div>Строка один<br>строка два</div>"
                              "<ul><li>Пункт 1</li><li>Пункт 2</li></ul><blockquote>Цитата</blockquote>"
                              "<h2>Подзаголовок</h2><table><tr><td>Москва</td><td>12</td></tr></table></article>");
    CHECK(a.text == "Президент России подписал\nСтрока один\nстрока два\nПункт 1\nПункт 2\nЦитата\n"
                    "Подзаголовок\nМосква 12");
}

TEST_CASE("html: the largest <article> is the body, else articleBody, else <main>, else <body>", "[html]") {
    CHECK(with_head("", "<p>Вне статьи.</p><article><p>Короткая.</p></article>"
                        "<article><p>Длинная статья о главном.</p></article>")
              .text == "Длинная статья о главном.");
    CHECK(with_head("", "<p>Вне статьи.</p><div itemprop=\"articleBody\"><p>Тело статьи.</p></div>").text ==
          "Тело статьи.");
    CHECK(with_head("", "<p>Вне статьи.</p><main><p>Главное.</p></main>").text == "Главное.");
    CHECK(with_head("", "<p>Всё тело.</p><div>Ещё.</div>").text == "Всё тело.\nЕщё.");
    // An empty <article> placeholder does not hide the text around it.
    CHECK(with_head("", "<article></article><p>Текст.</p>").text == "Текст.");

    HtmlArticle a = extract_html_article(fixture("jsonld_graph.html"));
    CHECK(a.title == "Сборная России по хоккею выиграла турнир в Сочи | Спорт-Экспресс");
    CHECK(a.url == "https://sport.example.ru/hockey/2025/11/sochi-cup");
    CHECK(a.text == "Сборная России обыграла команду Белоруссии в финале турнира в Сочи со счётом 4:2.\n"
                    "Две шайбы забросил нападающий Иван Кузнецов.");
}

TEST_CASE("html: malformed markup still yields the article", "[html]") {
    HtmlArticle a = extract_html_article(fixture("malformed.html"));
    CHECK(a.title == "Мэрия Казани объявила о ремонте моста");
    CHECK(a.text == "Ремонт Кировской дамбы начнётся в марте и продлится до осени\n"
                    "Движение будет ограничено, сообщили в мэрии.\n"
                    "Объезд организуют по улице Декабристов\n"
                    "Стоимость работ — 1,2 млрд рублей.");

    CHECK(extract_html_article("<p>Абзац без html и body</div></span><p>второй").text ==
          "Абзац без html и body\nвторой");
    CHECK(extract_html_article("<title>Обрыв</title><p>Текст <b>оборван <i").text == "Текст оборван");
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div><span>";
    CHECK(extract_html_article(deep + "Глубоко").text == "Глубоко");
}

TEST_CASE("html: a page with neither title nor text is rejected", "[html]") {
    CHECK_THROWS_AS(extract_html_article(""), InputError);
    CHECK_THROWS_AS(extract_html_article(std::string_view()), InputError);
    CHECK_THROWS_WITH(extract_html_article("<html><head><script>var a;</script></head>"
                                           "<body><nav>Меню</nav><div class=\"footer\">Подвал</div>\n</body></html>"),
                      Catch::Contains("no article text found"));
    CHECK_THROWS_AS(extract_html_article("\xEF\xBB\xBF<!-- только комментарий -->"), InputError);
    // A title alone is enough: short wire items have no body.
    CHECK(extract_html_article("<title>Молния</title>").text.empty());
}

TEST_CASE("html: declared charset from either meta form", "[html]") {
    CHECK(html_declared_charset("<html><head><meta charset=\"windows-1251\">") == "windows-1251");
    CHECK(html_declared_charset("<meta charset='koi8-r' />") == "koi8-r");
    CHECK(html_declared_charset("<META CHARSET=UTF-8>") == "utf-8");
    CHECK(html_declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">") ==
          "windows-1251");
    CHECK(html_declared_charset("<META HTTP-EQUIV=Content-Type CONTENT=\"text/html; Charset=KOI8-R\">") == "koi8-r");
    CHECK(html_declared_charset("<meta http-equiv='content-type' content='text/html;charset=cp1251'>") == "cp1251");
    CHECK(html_declared_charset(fixture("malformed.html")) == "utf-8");
    // Bytes that are not UTF-8 around the tag do not matter: "Новости" in Windows-1251.
    CHECK(html_declared_charset("<title>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title><meta charset=windows-1251>") ==
          "windows-1251");
}

TEST_CASE("html: no declared charset", "[html]") {
    CHECK(html_declared_charset("").empty());
    CHECK(html_declared_charset("<html><head><title>Без кодировки</title></head>").empty());
    CHECK(html_declared_charset("<meta name=\"viewport\" content=\"width=device-width\"><metadata charset=x>").empty());
    CHECK(html_declared_charset("<meta charset>").empty());
    // Only the first 4096 bytes count.
    CHECK(html_declared_charset(std::string(5000, ' ') + "<meta charset=\"utf-8\">").empty());
}
