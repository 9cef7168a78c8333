#include "readers/byte_source.h"
#include "readers/csv_reader.h"
#include "base/errors.h"
#include "readers/field_map.h"
#include "readers/input_format.h"
#include "readers/jsonl_reader.h"
#include "readers/line_reader.h"
#include "readers/text_reader.h"
#include "base/url_host.h"

#include <catch2/catch.hpp>

using namespace newsdex;

namespace {

Origin origin(const std::string& path, const std::string& id_base) { return Origin{path, "", id_base, "UTF-8"}; }

struct Collected {
    std::vector<Article> articles;
    std::vector<std::string> rejected;
    ArticleSink sink() {
        return [this](Article&& a) { articles.push_back(std::move(a)); };
    }
    RecordRejectSink reject() {
        return [this](int64_t line, const std::string& why) { rejected.push_back(std::to_string(line) + ": " + why); };
    }
};

}  // namespace

TEST_CASE("a text article is a title line and a body", "[readers]") {
    Article a = parse_text_article("\xEF\xBB\xBF\n  Заголовок статьи \r\nПервый абзац.\r\nВторой абзац.\r\n\r\n",
                                   origin("/data/news/a.txt", "news/a.txt"));
    CHECK(a.title == "Заголовок статьи");
    CHECK(a.text == "Первый абзац.\nВторой абзац.");
    CHECK(a.id == "news/a.txt");
    CHECK(a.source == "news");
    CHECK(a.date.empty());
}

TEST_CASE("a text article takes its date from a dated path", "[readers]") {
    Article a = parse_text_article("Заголовок\nТекст", origin("/arch/ria/2025/11/24/a.txt", "ria/2025/11/24/a.txt"));
    CHECK(a.date == "2025-11-24");
    CHECK(a.source == "ria");
}

TEST_CASE("empty text articles are rejected", "[readers]") {
    CHECK_THROWS_WITH(parse_text_article("", origin("/d/e.txt", "e.txt")), "empty file");
    CHECK_THROWS_WITH(parse_text_article(" \n\n ", origin("/d/e.txt", "e.txt")), "empty file");
}

TEST_CASE("JSON Lines: good lines index, bad lines are rejected one by one", "[readers]") {
    MemorySource in(
        "{\"id\":\"a-1\",\"title\":\"Первая\",\"text\":\"Текст\",\"date\":\"2025-11-24\",\"tags\":[\"Экономика\"],\"source\":\"ria\"}\n"
        "{not json}\n"
        "\n"
        "[1,2]\n"
        "{\"title\":\"\",\"text\":\"\"}\n"
        "{\"url\":\"https://www.x.ru/2025/03/08/a.html\",\"title\":\"Вторая\",\"text\":\"Текст\",\"date\":\"вчера\"}\n"
        "{\"title\":\"Третья\",\"text\":\"Текст\",\"tags\":5}\n"
        "{\"title\":\"Четвёртая\",\"text\":\"Текст \xFF\"}\n"
        "{\"title\":\"Пятая\",\"text\":\"Текст\",\"tags\":\"a, b;c\"}",
        7);
    Collected c;
    read_json_lines(in, origin("/d/feed.jsonl", "feed.jsonl"), FieldMap(), c.sink(), c.reject());
    REQUIRE(c.articles.size() == 3);
    CHECK(c.articles[0].id == "a-1");
    CHECK(c.articles[0].date == "2025-11-24");
    CHECK(c.articles[0].line == 1);
    CHECK(c.articles[1].id == "https://www.x.ru/2025/03/08/a.html");  // no id: the url
    CHECK(c.articles[1].date == "2025-03-08");                         // unreadable date: from the url
    CHECK(c.articles[1].source == "x.ru");                             // no source: the site
    CHECK(c.articles[2].id == "feed.jsonl:9");                         // neither: file and line
    CHECK(c.articles[2].tags == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(c.rejected.size() == 5);
    CHECK(c.rejected[0] == "2: invalid JSON");
    CHECK(c.rejected[1] == "4: not a JSON object");
    CHECK(c.rejected[2] == "5: no title and no text");
    CHECK(c.rejected[3] == "7: field 'tags' is not an array of strings");
    CHECK(c.rejected[4].rfind("8: invalid UTF-8", 0) == 0);
}

TEST_CASE("field mapping renames record keys", "[readers]") {
    FieldMap fields;
    fields.set("title=headline");
    fields.set("text=body,content");
    MemorySource in("{\"headline\":\"Заголовок\",\"content\":\"Текст\",\"title\":\"не то\"}\n");
    Collected c;
    read_json_lines(in, origin("/d/f.jsonl", "f.jsonl"), fields, c.sink(), c.reject());
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].title == "Заголовок");
    CHECK(c.articles[0].text == "Текст");
    CHECK_THROWS_AS(fields.set("nonsense"), std::invalid_argument);
    CHECK_THROWS_AS(fields.set("colour=x"), std::invalid_argument);
}

TEST_CASE("JSON documents: arrays of articles, a single article, or JSON Lines in disguise", "[readers]") {
    Collected c;
    MemorySource array("[{\"id\":\"1\",\"title\":\"Раз\"}, 5, {\"id\":\"2\",\"text\":\"Два\"}]");
    read_json_document(array, origin("/d/a.json", "a.json"), FieldMap(), c.sink(), c.reject());
    REQUIRE(c.articles.size() == 2);
    CHECK(c.rejected == std::vector<std::string>{"0: record 2: not a JSON object"});
    MemorySource single("{\n  \"id\": \"3\",\n  \"title\": \"Три\"\n}\n");
    read_json_document(single, origin("/d/b.json", "b.json"), FieldMap(), c.sink(), c.reject());
    MemorySource lines("{\"id\":\"4\",\"title\":\"Четыре\"}\n{\"id\":\"5\",\"title\":\"Пять\"}\n");
    read_json_document(lines, origin("/d/c.json", "c.json"), FieldMap(), c.sink(), c.reject());
    CHECK(c.articles.size() == 5);
    MemorySource broken("[{\"id\":");
    CHECK_THROWS_WITH(read_json_document(broken, origin("/d/x.json", "x.json"), FieldMap(), c.sink(), c.reject()),
                      "invalid JSON");
}

TEST_CASE("CSV: quoted fields with newlines, bad records rejected, unterminated quote", "[readers]") {
    MemorySource in(
        "id;title;text;date\n"
        "1;\"Заголовок; с точкой с запятой\";\"Первый абзац.\nВторой \"\"абзац\"\".\";24.11.2025\n"
        "2;;;\n"
        "3;Третья;Текст;\n"
        "4;\"Незакрытая;Текст\n"
        "5;Пятая;Текст;\n",
        7);
    Collected c;
    read_csv(in, 0, origin("/d/f.csv", "f.csv"), FieldMap(), c.sink(), c.reject());
    REQUIRE(c.articles.size() == 2);
    CHECK(c.articles[0].title == "Заголовок; с точкой с запятой");
    CHECK(c.articles[0].text == "Первый абзац.\nВторой \"абзац\".");
    CHECK(c.articles[0].date == "2025-11-24");
    CHECK(c.articles[0].line == 2);
    CHECK(c.articles[1].id == "3");
    CHECK(c.articles[1].line == 5);
    REQUIRE(c.rejected.size() == 2);
    CHECK(c.rejected[0] == "4: no title and no text");
    CHECK(c.rejected[1] == "6: unterminated quoted field");
}

TEST_CASE("CSV: a stray quote loses only its own record", "[readers]") {
    MemorySource in("id,title,text\n1,Он сказал \"да\",Текст\n2,Вторая,Текст\n\"3,Третья,Текст\n", 7);
    Collected c;
    read_csv(in, 0, origin("/d/f.csv", "f.csv"), FieldMap(), c.sink(), c.reject());
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].id == "2");
    CHECK(c.rejected == std::vector<std::string>{"2: malformed quoting", "4: unterminated quoted field"});
}

TEST_CASE("TSV with tab delimiter", "[readers]") {
    MemorySource in("title\ttext\nЗаголовок\tТекст статьи\n");
    Collected c;
    read_csv(in, '\t', origin("/d/f.tsv", "f.tsv"), FieldMap(), c.sink(), c.reject());
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].id == "f.tsv:2");
}

TEST_CASE("line reader skips lines over the limit without keeping them", "[readers]") {
    const std::string text = "short\n" + std::string(1000, 'x') + "\nafter\nlast";
    MemorySource in(text, 64);
    LineReader lines(in, 100);
    std::string line;
    bool too_long = false;
    REQUIRE(lines.next(line, too_long));
    CHECK(line == "short");
    REQUIRE(lines.next(line, too_long));
    CHECK(too_long);
    CHECK(line.empty());
    REQUIRE(lines.next(line, too_long));
    CHECK(line == "after");
    CHECK(lines.line_number() == 3);
    REQUIRE(lines.next(line, too_long));
    CHECK(line == "last");
    CHECK_FALSE(lines.next(line, too_long));
}

TEST_CASE("formats are told from content, with the name as a hint", "[readers]") {
    CHECK(sniff_format(format_from_name("a.txt"), "Заголовок\nТекст") == Format::Text);
    CHECK(sniff_format(format_from_name("a.txt"), "<!DOCTYPE html><html>") == Format::Html);
    CHECK(sniff_format(format_from_name("feed.jsonl.xz"), "{\"id\":1}") == Format::JsonLines);
    CHECK(sniff_format(format_from_name("noext"), "  {\"id\":1}") == Format::JsonLines);
    CHECK(sniff_format(format_from_name("noext"), "[{\"id\":1}]") == Format::Json);
    CHECK(sniff_format(format_from_name("page"), "<html><head><title>x") == Format::Html);
    CHECK(sniff_format(format_from_name("x.csv.gz"), "id,title") == Format::Csv);
    CHECK(worth_reading("news.tar.gz"));
    CHECK(worth_reading("news.zip"));
    CHECK(worth_reading("README"));
    CHECK_FALSE(worth_reading("photo.jpg"));
}

TEST_CASE("file names are read as std::filesystem reads extensions", "[readers]") {
    CHECK(format_from_name("NEWS.TXT.GZ") == Format::Text);
    CHECK(format_from_name("2024/03/feed.json.bz2.zst") == Format::Json);
    CHECK(format_from_name("a.tar.gz") == std::nullopt);
    CHECK(format_from_name("dir.csv/file") == std::nullopt);
    CHECK(format_from_name(".txt") == std::nullopt);  // a hidden file named ".txt", not a .txt file
    CHECK(worth_reading("NEWS.TGZ"));
    CHECK(worth_reading("dir.jpg/file"));
    CHECK(worth_reading("archive.7z"));
    CHECK_FALSE(worth_reading("photo.JPG.gz"));
    CHECK_FALSE(worth_reading("style.css"));
}

TEST_CASE("url hosts name sources", "[readers]") {
    CHECK(url_host("https://www.ria.ru/2023/x.html") == "ria.ru");
    CHECK(url_host("http://user@Lenta.RU:8080/news") == "lenta.ru");
    CHECK(url_host("not a url").empty());
}
