// Document data: every article reads back as it was written, in format 2
// and in the formats earlier versions wrote (format 1 and JSON), and each
// format takes less room than the one before it as glass stores it (glass
// deflates each document's data).
#include "docdata/doc_data.h"
#include "docdata/docdata_dictionary.h"
#include "docdata/scsu.h"
#include "shared_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unicode/unistr.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

using namespace newsdex;

namespace {

// What newsdex wrote before the SCSU format: indexes full of it exist.
std::string legacy_json(const Article& a) {
    nlohmann::json j{{"id", a.id},         {"path", a.path},         {"member", a.member}, {"line", a.line},
                     {"author", a.author}, {"encoding", a.encoding}, {"url", a.url},       {"title", a.title},
                     {"date", a.date},     {"source", a.source},     {"topic", a.topic},   {"tags", a.tags},
                     {"text", a.text}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Format 1, written before format 2: indexes full of it exist.
std::string format1(const Article& a) {
    nlohmann::json j{{"id", a.id},         {"path", a.path},         {"member", a.member}, {"line", a.line},
                     {"author", a.author}, {"encoding", a.encoding}, {"url", a.url},       {"title", a.title},
                     {"date", a.date},     {"source", a.source},     {"topic", a.topic},   {"tags", a.tags}};
    std::string data = "\x01" + j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    data += '\0';
    append_scsu(a.text, data);
    return data;
}

// Size after zlib at its default level, as glass stores document data.
std::size_t deflated_size(const std::string& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()), Z_DEFAULT_COMPRESSION) == Z_OK);
    return size;
}

Article sample(std::string text) {
    Article a;
    a.id = "ria-000002";
    a.path = "/data/news/Ёлки/ria.jsonl";
    a.member = "2023/10/ria.jsonl";
    a.line = 42;
    a.url = "https://ria.ru/20231020/sng-1903995997.html";
    a.title = "Страны СНГ заняли треть мирового рынка АПК";
    a.date = "2023-10-20T09:15:00Z";
    a.source = "РИА Новости";
    a.author = "Иван Петров";
    a.encoding = "windows-1251";
    a.topic = "economy";
    a.tags = {"Экономика", "Казахстан", "СНГ"};
    a.text = std::move(text);
    return a;
}

void check_same(const Article& got, const Article& want) {
    CHECK(got.id == want.id);
    CHECK(got.path == want.path);
    CHECK(got.member == want.member);
    CHECK(got.line == want.line);
    CHECK(got.url == want.url);
    CHECK(got.title == want.title);
    CHECK(got.date == want.date);
    CHECK(got.source == want.source);
    CHECK(got.author == want.author);
    CHECK(got.encoding == want.encoding);
    CHECK(got.topic == want.topic);
    CHECK(got.tags == want.tags);
    CHECK(got.text == want.text);
}

std::string read_corpus(const std::string& name) {
    std::ifstream in(std::string(NEWSDEX_CORPUS) + "/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("document data reads back every field and character", "[doc_data]") {
    const std::string texts[] = {
        "",
        "\ufeffBOM first, as some files start",
        "Доля стран СНГ в мировом производстве продовольствия.\nВторой абзац.",
        "Ёлка, ёж и всё-таки «Ё»",
        "Заме\u0301тки о стра\u0301нном ударе\u0301нии",                    // stress marks, U+0301
        "Смайлик 😀, флаг 🇰🇿 и иероглиф 𠀀 за пределами BMP",  // astral characters
        "Plain Latin text, 100% ASCII: {\"json\": [1, 2]} \\ / \t tab",
        "Ελληνικά, العربية, 中文, 日本語のテキスト, עברית",
        std::string("NUL\0inside\0\0text", 16) + std::string(1, '\0'),
        "\x01\x02\x0b\x0c\x0e\x0f\x10\x1f\x7f control bytes that are SCSU tags",
        "Tокаев (латинская T), мягкий\u00ad перенос, неразрывный\u00a0пробел — тире … «ёлочки» „лапки“",
        "\ufffd\ufeff\uffff\U0010ffff private \ue000 and noncharacters",
    };
    for (const std::string& text : texts) {
        INFO("text: " << text);
        const Article article = sample(text);
        check_same(decode_doc_data(encode_doc_data(article)), article);
        check_same(decode_doc_data(format1(article)), article);
    }
}

TEST_CASE("document data reads back long text across alphabets", "[doc_data]") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += i % 7 ? "слово word λέξη 単語 😀 " : "\n";
    const Article article = sample(text);
    check_same(decode_doc_data(encode_doc_data(article)), article);
}

TEST_CASE("invalid UTF-8 is replaced as the JSON format replaced it, never thrown", "[doc_data]") {
    const std::pair<std::string, std::string> cases[] = {
        {"a\xff" "b", "a\ufffd" "b"},
        {"конец\xd0", "конец\ufffd"},                  // cut in the middle of a letter
        {"\xd0" "a", "\ufffd" "a"},                    // lead byte without its continuation
        {"x\x80\x80y", "x\ufffd\ufffdy"},              // stray continuation bytes
        {"\xe2\x82" "z", "\ufffd" "z"},                // truncated three-byte sequence
        {"\xc0\xaf", "\ufffd\ufffd"},                  // overlong
        {"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},        // a surrogate
        {"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},  // beyond U+10FFFF
        {"\xf0\x9f\x98", "\ufffd"},                    // emoji cut short at the end
    };
    for (const auto& [bad, replaced] : cases) {
        INFO("bytes: " << bad);
        Article article = sample(bad);
        article.title = "Заголовок " + bad;
        Article decoded;
        REQUIRE_NOTHROW(decoded = decode_doc_data(encode_doc_data(article)));
        CHECK(decoded.text == replaced);
        check_same(decoded, decode_doc_data(legacy_json(article)));
    }
}

TEST_CASE("invalid UTF-8 anywhere in a long text is replaced as the JSON format replaced it", "[doc_data]") {
    // The text is converted in slices of a few kilobytes: each kind of bad
    // sequence at every offset around the first slice's end, then a run of
    // stray continuation bytes longer than a slice.
    const std::string bad[] = {"\xe2\x82\x82\x82\x82", "\xf0\x9f\x98", "\xd0", "\x80\x80\x80\x80\x80\x80"};
    for (const std::string& sequence : bad) {
        for (std::size_t offset = 4080; offset < 4100; ++offset) {
            // Latin, or Russian (two bytes a letter) right up to the bad bytes.
            for (const bool russian : {false, true}) {
                std::string text(russian ? offset % 2 : offset, 'x');
                while (text.size() < offset) text += "ы";
                text += sequence + "ёж" + std::string(5000, '\x80') + "конец";
                INFO("offset " << offset << ", sequence " << sequence << (russian ? ", after Russian" : ""));
                const Article article = sample(text);
                CHECK(decode_doc_data(encode_doc_data(article)).text == decode_doc_data(legacy_json(article)).text);
            }
        }
    }
}

TEST_CASE("document data written by earlier versions (JSON) still reads", "[doc_data]") {
    const std::string old =
        R"({"author":"","date":"2025-11-24","encoding":"utf-8","id":"a1","line":3,"member":"",)"
        R"("path":"/src/a.jsonl","source":"Wire","tags":["Спорт","хоккей"],)"
        R"("text":"Сборная \u00abЁлки\u00bb\nвыиграла \ud83d\ude00 \"матч\"","title":"Матч","topic":"sport","url":"https://x.ru/1"})";
    const Article a = decode_doc_data(old);
    CHECK(a.id == "a1");
    CHECK(a.path == "/src/a.jsonl");
    CHECK(a.line == 3);
    CHECK(a.date == "2025-11-24");
    CHECK(a.encoding == "utf-8");
    CHECK(a.source == "Wire");
    CHECK(a.tags == std::vector<std::string>{"Спорт", "хоккей"});
    CHECK(a.title == "Матч");
    CHECK(a.topic == "sport");
    CHECK(a.url == "https://x.ru/1");
    CHECK(a.text == "Сборная «Ёлки»\nвыиграла 😀 \"матч\"");

    const Article article = sample(read_corpus("000_8ab6e0c7e61d57f3.txt"));
    check_same(decode_doc_data(legacy_json(article)), decode_doc_data(encode_doc_data(article)));
}

TEST_CASE("damaged document data reads as an empty article", "[doc_data]") {
    const std::string encoded = encode_doc_data(sample("текст, который сжимается: текст, текст, текст"));
    const std::string old = format1(sample("текст"));
    std::string flipped = encoded;
    for (std::size_t i = 1; i < flipped.size(); i += 3) flipped[i] = static_cast<char>(~flipped[i]);
    // A frame header claiming more than any article holds (2^38 bytes).
    const std::string huge = "\x02" + std::string("\x28\xb5\x2f\xfd\xe0\x00\x00\x00\x00\x40\x00\x00\x00", 13);
    for (const std::string& damaged :
         {std::string(), std::string("not json"), std::string("{\"id\":"), std::string("\x02"), encoded.substr(0, 5),
          encoded.substr(0, encoded.size() / 2), encoded.substr(0, encoded.size() - 1), flipped, huge,
          encoded + "trailing", old.substr(0, old.find('\0')), old.substr(0, 5)}) {
        INFO("data: " << damaged);
        Article a;
        REQUIRE_NOTHROW(a = decode_doc_data(damaged));
        CHECK(a.id.empty());
        CHECK(a.text.empty());
    }
}

TEST_CASE("one decoder reads document after document, whatever came before", "[doc_data]") {
    // A scan keeps one decoder: a damaged frame must not spoil the next.
    DocDataDecoder decoder;
    const Article first = sample("первый текст о тарифах");
    const Article second = sample(std::string(20000, 'x') + " второй текст, длиннее первого");
    const std::string encoded = encode_doc_data(first);
    const std::string cut = encoded.substr(0, encoded.size() / 2);
    check_same(decoder.decode(encoded), first);
    CHECK(decoder.decode(cut).id.empty());
    check_same(decoder.decode(encode_doc_data(second)), second);
    check_same(decoder.decode(format1(first)), first);
    check_same(decoder.decode(legacy_json(second)), second);
    check_same(decoder.decode(encoded), first);
}

TEST_CASE("a decoder asked to skip the text reads every other field", "[doc_data]") {
    DocDataDecoder decoder;
    const Article a = sample("текст, который выводу без текста не нужен");
    Article without_text = a;
    without_text.text.clear();
    for (const std::string& data : {encode_doc_data(a), format1(a)})
        check_same(decoder.decode(data, DocDataDecoder::Text::Skip), without_text);
    check_same(decoder.decode(encode_doc_data(a)), a);  // and the next document whole again
}

TEST_CASE("damaged SCSU text reads as replacement characters, never thrown", "[doc_data]") {
    const std::string encoded = format1(sample("текст"));
    const std::string metadata = encoded.substr(0, encoded.find('\0') + 1);
    for (const std::string& bad : {std::string("\x0b"), std::string("\x0f\xd8"), std::string("\x0f\xdc\x00ab")}) {
        INFO("text bytes: " << bad);
        Article a;
        REQUIRE_NOTHROW(a = decode_doc_data(metadata + bad));
        CHECK(a.id == "ria-000002");
        CHECK(a.text.find("\ufffd") != std::string::npos);
    }
}

// The snippet reads the UTF-16 the decoder hands over instead of converting
// the UTF-8 text again (DocDataDecoder::decode with utf16): it must be what
// that conversion would give, in every format and for damaged text.
TEST_CASE("the text as UTF-16 is what converting the UTF-8 text gives", "[doc_data]") {
    auto utf16_of = [](const std::string& utf8) {
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
        return std::u16string(text.getBuffer(), static_cast<std::size_t>(text.length()));
    };
    const Article article = sample("Керчь — «мост» 25% \xF0\x9F\x98\x80 日本 bad\xD0 end");
    const std::string encoded = format1(sample("текст"));
    const std::string metadata = encoded.substr(0, encoded.find('\0') + 1);
    std::vector<std::string> data = {encode_doc_data(article), format1(article), legacy_json(article),
                                     encode_doc_data(sample("")), std::string(), std::string("\x02garbage")};
    // A lone high surrogate quoted in SCSU (SQU), a pair (U+1F600), and damage.
    for (const std::string& bad : {std::string("\x0e\xd8\x00ab"), std::string("\x0e\xd8\x3d\x0e\xde\x00ab"),
                                   std::string("abcdefg\x0e\xdc\x00" "abcdefgh"), std::string("abcdefgh\x0e\xd8\x00" "abcdefgh"), std::string("\x0b"), std::string("\x0f\xdc\x00ab")})
        data.push_back(metadata + bad);
    DocDataDecoder decoder;
    for (const std::string& d : data) {
        INFO("data: " << d);
        std::u16string utf16 = u"left over";
        const Article a = decoder.decode(d, utf16);
        CHECK(a.text == decoder.decode(d).text);
        CHECK(utf16 == utf16_of(a.text));
        // Only the UTF-16: the same units, every other field as it was.
        std::u16string only = u"left over";
        const Article b = decoder.decode(d, only, DocDataDecoder::Text::Utf16Only);
        CHECK(only == utf16);
        CHECK(b.text.empty());
        CHECK(b.id == a.id);
        CHECK(b.title == a.title);
    }
}

constexpr std::size_t kDictionaryBytes = 258201;
constexpr std::uint64_t kDictionaryFnv1a = 0x17571369c87e008full;

TEST_CASE("the format 2 dictionary is the one indexes were written with", "[doc_data]") {
    // Changing a byte makes every format 2 document ever written unreadable:
    // a new dictionary needs a new format byte (doc_data.h).
    const std::string_view dictionary = docdata_dictionary();
    std::uint64_t fnv = 14695981039346656037ull;
    for (unsigned char c : dictionary) fnv = (fnv ^ c) * 1099511628211ull;
    CHECK(dictionary.size() == kDictionaryBytes);
    CHECK(fnv == kDictionaryFnv1a);
}

TEST_CASE("the build makes the dictionary's bytes as the dictionary tool does", "[doc_data]") {
    const std::string storage = std::string(NEWSDEX_CORPUS) + "/../storage/docdata/";
    std::ifstream words_file(storage + "docdata_dictionary.txt", std::ios::binary), tables_file(storage + "docdata_dictionary_tables.hex");
    REQUIRE(words_file);
    REQUIRE(tables_file);
    std::ostringstream words;
    words << words_file.rdbuf();
    std::string tables, line;
    while (std::getline(tables_file, line))
        for (std::size_t i = 0; i + 1 < line.size(); i += 2) tables += static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16));
    CHECK(docdata_dictionary() == tables + docdata_dictionary_content(words.str()));
    CHECK(docdata_dictionary_content("Ёж и ёлка\nабвгдеёжзийклмнопрстуфхцчшщъыьэюя") ==
          "\x81\xb6 \xb8 \xd1\xbb\xba\xb0 \xb0\xb1\xb2\xb3\xb4\xb5\xd1\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe"
          "\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf");
    CHECK_THROWS_AS(docdata_dictionary_content("Ελληνικά"), std::invalid_argument);
}

TEST_CASE("Russian text takes less room in each format than in the one before", "[doc_data]") {
    const Article article = sample(read_corpus("000_8ab6e0c7e61d57f3.txt"));
    const std::string json = legacy_json(article), scsu = format1(article), zstd = encode_doc_data(article);
    CHECK(scsu.size() < json.size() * 6 / 10);
    CHECK(deflated_size(scsu) < deflated_size(json) * 9 / 10);
    // Glass tries to deflate format 2 as well; it does not shrink.
    CHECK(deflated_size(zstd) >= zstd.size());
    CHECK(zstd.size() < deflated_size(scsu) * 9 / 10);
}

TEST_CASE("real news reads back as from the formats before, and takes less room", "[doc_data][shared-data]") {
    auto file = testing::shared_data_file("news-dev.jsonl.xz");
    if (!file) {
        WARN("skipped: ../shared/data/news-dev.jsonl.xz is not present");
        return;
    }
    // The dictionary was made from the even-numbered articles: sizes are
    // counted on the odd ones.
    std::size_t line_number = 0, articles = 0, zstd_bytes = 0, scsu_bytes = 0, json_bytes = 0;
    testing::for_each_line(*file, [&](const std::string& line) {
        if (articles == 2000 || line_number++ % 2 == 0) return;  // enough for the sizes, and quick
        const auto j = nlohmann::json::parse(line);
        Article a;
        a.id = j.value("id", "");
        a.url = j.value("url", "");
        a.title = j.value("title", "");
        a.date = j.value("date", "");
        a.topic = j.value("topic", "");
        a.source = j.value("source", "");
        a.tags = j.value("tags", std::vector<std::string>{});
        a.text = j.value("text", "");
        const std::string zstd = encode_doc_data(a), scsu = format1(a), json = legacy_json(a);
        const Article back = decode_doc_data(zstd);
        INFO("article " << a.id);
        check_same(back, a);
        check_same(back, decode_doc_data(scsu));
        check_same(back, decode_doc_data(json));
        zstd_bytes += zstd.size();
        scsu_bytes += deflated_size(scsu);
        json_bytes += deflated_size(json);
        ++articles;
    });
    WARN("document data of " << articles << " articles as glass stores it: " << zstd_bytes << " bytes (format 2), "
                             << scsu_bytes << " (format 1, deflated), " << json_bytes << " (JSON, deflated)");
    CHECK(articles == 2000);
    CHECK(scsu_bytes < json_bytes * 9 / 10);
    CHECK(zstd_bytes < scsu_bytes * 80 / 100);
}
