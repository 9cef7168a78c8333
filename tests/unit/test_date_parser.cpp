#include "base/dates.h"
#include "readers/date_parser.h"

#include <catch2/catch.hpp>

#include <string>

using namespace newsdex;

namespace {

// Catch prints strings but not optionals; "<none>" keeps failures readable.
std::string norm(std::string_view text, int offset = 180) { return normalize_date(text, offset).value_or("<none>"); }
std::string from_path(std::string_view path) { return date_from_path(path).value_or("<none>"); }

}  // namespace

TEST_CASE("ISO 8601 dates and timestamps", "[dates]") {
    CHECK(norm("2025-11-24") == "2025-11-24");
    CHECK(norm("  2025-11-24\n") == "2025-11-24");
    CHECK(norm("2025-11-24T14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("2025-11-24T14:05:30") == "2025-11-24T11:05:30Z");
    CHECK(norm("2025-11-24 14:05:30") == "2025-11-24T11:05:30Z");
    CHECK(norm("2025-11-24t14:05:30z") == "2025-11-24T14:05:30Z");
}

TEST_CASE("ISO 8601 zones and fractional seconds", "[dates]") {
    CHECK(norm("2025-11-24T14:05:00Z") == "2025-11-24T14:05:00Z");
    CHECK(norm("2025-11-24T14:05:30.123Z") == "2025-11-24T14:05:30Z");
    CHECK(norm("2025-11-24T14:05:30.123456+03:00") == "2025-11-24T11:05:30Z");
    CHECK(norm("2025-11-24T14:05:30+03:00") == "2025-11-24T11:05:30Z");
    CHECK(norm("2025-11-24T14:05:30+0300") == "2025-11-24T11:05:30Z");
    CHECK(norm("2025-11-24T14:05:30-05:00") == "2025-11-24T19:05:30Z");
    CHECK(norm("2025-11-24T14:05:30+05:30") == "2025-11-24T08:35:30Z");
    CHECK(norm("2025-11-24 14:05:30 UTC") == "2025-11-24T14:05:30Z");
}

TEST_CASE("RFC 2822 and RFC 822 dates", "[dates]") {
    CHECK(norm("Mon, 24 Nov 2025 14:05:00 +0300") == "2025-11-24T11:05:00Z");
    CHECK(norm("24 Nov 2025 14:05:00 +0300") == "2025-11-24T11:05:00Z");
    CHECK(norm("Mon, 24 Nov 2025 14:05:00 GMT") == "2025-11-24T14:05:00Z");
    CHECK(norm("Mon, 24 Nov 2025 14:05:00 UTC") == "2025-11-24T14:05:00Z");
    CHECK(norm("Mon, 24 Nov 2025 14:05:00 MSK") == "2025-11-24T11:05:00Z");
    CHECK(norm("Mon, 24 Nov 2025 14:05 GMT") == "2025-11-24T14:05:00Z");
    CHECK(norm("Mon, 24 Nov 2025 14:05:00 -0500") == "2025-11-24T19:05:00Z");
    CHECK(norm("Mon, 24 Nov 2025 14:05:00 EST") == "2025-11-24T19:05:00Z");
    CHECK(norm("Mon, 24 Nov 25 14:05:00 GMT") == "2025-11-24T14:05:00Z");
    CHECK(norm("Wed, 1 Dec 99 09:00:00 GMT") == "1999-12-01T09:00:00Z");
}

TEST_CASE("Russian dates with genitive month names", "[dates]") {
    CHECK(norm("24 ноября 2025") == "2025-11-24");
    CHECK(norm("24 ноября 2025 г.") == "2025-11-24");
    CHECK(norm("24 ноября 2025 года") == "2025-11-24");
    CHECK(norm("24\xC2\xA0ноября 2025\xC2\xA0г.") == "2025-11-24");
    CHECK(norm("  24 НОЯБРЯ 2025  ") == "2025-11-24");
    CHECK(norm("1 января 2025") == "2025-01-01");
    CHECK(norm("2 февраля 2025") == "2025-02-02");
    CHECK(norm("3 марта 2025") == "2025-03-03");
    CHECK(norm("4 апреля 2025") == "2025-04-04");
    CHECK(norm("5 мая 2025") == "2025-05-05");
    CHECK(norm("6 июня 2025") == "2025-06-06");
    CHECK(norm("7 июля 2025") == "2025-07-07");
    CHECK(norm("8 августа 2025") == "2025-08-08");
    CHECK(norm("9 сентября 2025") == "2025-09-09");
    CHECK(norm("10 октября 2025") == "2025-10-10");
    CHECK(norm("11 ноября 2025") == "2025-11-11");
    CHECK(norm("12 декабря 2025") == "2025-12-12");
}

TEST_CASE("Russian dates with times", "[dates]") {
    CHECK(norm("24 ноября 2025 г., 14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("24 ноября 2025, 14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("14:05 24 ноября 2025") == "2025-11-24T11:05:00Z");
    CHECK(norm("24 ноября 2025 года в 14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("24 ноября 2025, 14:05 МСК") == "2025-11-24T11:05:00Z");
    CHECK(norm("24 ноября 2025, 14:05:59") == "2025-11-24T11:05:59Z");
}

TEST_CASE("Russian abbreviated and nominative month names", "[dates]") {
    CHECK(norm("24 нояб. 2025") == "2025-11-24");
    CHECK(norm("24 Ноя 2025") == "2025-11-24");
    CHECK(norm("24 ноябрь 2025") == "2025-11-24");
    CHECK(norm("1 янв 2025") == "2025-01-01");
    CHECK(norm("1 фев 2025") == "2025-02-01");
    CHECK(norm("1 февр. 2025") == "2025-02-01");
    CHECK(norm("1 мар 2025") == "2025-03-01");
    CHECK(norm("1 апр. 2025") == "2025-04-01");
    CHECK(norm("1 май 2025") == "2025-05-01");
    CHECK(norm("1 июн 2025") == "2025-06-01");
    CHECK(norm("1 июл 2025") == "2025-07-01");
    CHECK(norm("1 авг. 2025") == "2025-08-01");
    CHECK(norm("1 сен 2025") == "2025-09-01");
    CHECK(norm("1 сент. 2025") == "2025-09-01");
    CHECK(norm("1 окт 2025") == "2025-10-01");
    CHECK(norm("1 дек 2025") == "2025-12-01");
    CHECK(norm("1 сентябрь 2025") == "2025-09-01");
}

TEST_CASE("Letter case does not matter and weekdays in front are ignored", "[dates]") {
    CHECK(norm("понедельник, 24 ноября 2025") == "2025-11-24");
    CHECK(norm("Понедельник 24 ноября 2025") == "2025-11-24");
    CHECK(norm("пн, 24 ноября 2025, 14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("ВТОРНИК, 25 НОЯБРЯ 2025 Г.") == "2025-11-25");
    CHECK(norm("1 сентЯбря 2025") == "2025-09-01");
    CHECK(norm("воскресенье, 23 ноября 2025") == "2025-11-23");
    // A weekday only leads; elsewhere it is an unexplained word.
    CHECK(norm("24 ноября 2025, понедельник") == "<none>");
}

TEST_CASE("Day-first numeric dates and year-first slashes", "[dates]") {
    CHECK(norm("24.11.2025") == "2025-11-24");
    CHECK(norm("24.11.2025 14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("24.11.2025, 14:05") == "2025-11-24T11:05:00Z");
    CHECK(norm("1.2.2025") == "2025-02-01");
    CHECK(norm("24/11/2025") == "2025-11-24");
    CHECK(norm("2025/11/24") == "2025-11-24");
    CHECK(norm("24.11.2025 г.") == "2025-11-24");
    // Day first is the Russian convention; an American order is not guessed.
    CHECK(norm("11/24/2025") == "<none>");
}

TEST_CASE("English month names", "[dates]") {
    CHECK(norm("November 24, 2025") == "2025-11-24");
    CHECK(norm("24 November 2025") == "2025-11-24");
    CHECK(norm("Nov. 24th, 2025") == "2025-11-24");
    CHECK(norm("Monday, November 24, 2025 at 14:05 GMT") == "2025-11-24T14:05:00Z");
}

TEST_CASE("Converting to UTC can cross midnight", "[dates]") {
    CHECK(norm("24 ноября 2025 г., 01:30") == "2025-11-23T22:30:00Z");
    CHECK(norm("2025-11-24T14:05:00Z") == "2025-11-24T14:05:00Z");
    CHECK(norm("2025-11-24T22:30:00-05:00") == "2025-11-25T03:30:00Z");
    CHECK(norm("1 января 2025, 00:10") == "2024-12-31T21:10:00Z");
    CHECK(norm("31.12.2024 23:30 -0100") == "2025-01-01T00:30:00Z");
    CHECK(norm("1 марта 2024, 02:00") == "2024-02-29T23:00:00Z");
}

TEST_CASE("The caller chooses the zone of unzoned times", "[dates]") {
    CHECK(norm("24.11.2025 14:05", 0) == "2025-11-24T14:05:00Z");
    CHECK(norm("24.11.2025 14:05", -300) == "2025-11-24T19:05:00Z");
    CHECK(norm("24.11.2025 14:05 +0300", 0) == "2025-11-24T11:05:00Z");
    // A date alone has no zone to convert.
    CHECK(norm("24.11.2025", 600) == "2025-11-24");
}

TEST_CASE("Leap years", "[dates]") {
    CHECK(norm("2024-02-29") == "2024-02-29");
    CHECK(norm("29 февраля 2024") == "2024-02-29");
    CHECK(norm("2000-02-29") == "2000-02-29");
    CHECK(norm("2025-02-29") == "<none>");
    CHECK(norm("29.02.2025") == "<none>");
    CHECK(norm("1900-02-29") == "<none>");
}

TEST_CASE("Impossible dates and times are rejected", "[dates]") {
    CHECK(norm("2025-02-30") == "<none>");
    CHECK(norm("2025-13-01") == "<none>");
    CHECK(norm("2025-00-10") == "<none>");
    CHECK(norm("2025-11-00") == "<none>");
    CHECK(norm("31 апреля 2025") == "<none>");
    CHECK(norm("2025-11-24T25:00") == "<none>");
    CHECK(norm("2025-11-24T14:60") == "<none>");
    CHECK(norm("2025-11-24T14:05:61") == "<none>");
    CHECK(norm("2025-11-24T14:05+25:00") == "<none>");
}

TEST_CASE("Years outside 1900..2100 are rejected", "[dates]") {
    CHECK(norm("1899-12-31") == "<none>");
    CHECK(norm("2101-01-01") == "<none>");
    CHECK(norm("1900-01-01") == "1900-01-01");
    CHECK(norm("2100-12-31") == "2100-12-31");
    CHECK(norm("24 ноября 0025") == "<none>");
    // Shifting to UTC must not leave the range either.
    CHECK(norm("1900-01-01T01:00") == "<none>");
}

TEST_CASE("Text that is not a confident date is rejected", "[dates]") {
    for (const char* text : {"", "   ", "вчера", "сегодня, 14:05", "14:05", "ноябрь 2025", "2025-11", "2025",
                             "24 ноября", "24 ноября 14:05", "24.11.25", "20251124", "24 ноября 2025 (архив)",
                             "около 24 ноября 2025", "24 ноября 2025,", "24 ноября 2025 г., 14:05 и ещё",
                             "2025-11-24T", "2025-11-24 T14:05", "2025-11-24T14:05:30+", "24-11/2025",
                             "2025-11-24 2025-11-25", "24 ноября 2025 14:05 15:06", "ноябрь 24, 2025"}) {
        CAPTURE(text);
        CHECK(norm(text) == "<none>");
    }
}

TEST_CASE("Junk input never throws and is rejected quickly", "[dates]") {
    CHECK(norm(std::string_view("\0\0\0", 3)) == "<none>");
    CHECK(norm("\xFF\xFE\xD0\xD1\x80\xE2\x80") == "<none>");
    CHECK(norm("\xD0") == "<none>");
    CHECK(norm(std::string(1 << 20, '7')) == "<none>");
    CHECK(norm(std::string(1 << 20, ' ') + "2025-11-24" + std::string(1 << 20, '\n')) == "2025-11-24");
    CHECK(norm("2025-11-24T14:05:30." + std::string(150, '9') + "Z") == "2025-11-24T14:05:30Z");
    CHECK(norm("24 ноября 2025 " + std::string(300, 'x')) == "<none>");
    std::string binary;
    for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
    CHECK_NOTHROW(normalize_date(binary));
    CHECK_NOTHROW(date_from_path(binary));
}

TEST_CASE("Dates in paths and URLs", "[dates]") {
    CHECK(from_path("/a/2025/11/24/x.html") == "2025-11-24");
    CHECK(from_path("/a/2025-11-24-budget.html") == "2025-11-24");
    CHECK(from_path("/a/20251124/x.html") == "2025-11-24");
    CHECK(from_path("/a/news_20251124_1.json") == "2025-11-24");
    CHECK(from_path("https://ria.ru/20231020/sng-1903995997.html") == "2023-10-20");
    CHECK(from_path("https://lenta.ru/news/2025/11/24/budget/") == "2025-11-24");
    CHECK(from_path("20251124.txt") == "2025-11-24");
    CHECK(from_path("/a/2024/02/29/x") == "2024-02-29");
}

TEST_CASE("The innermost date in a path wins", "[dates]") {
    CHECK(from_path("/dumps/2024-01-05/ria/2023/10/20/x.html") == "2023-10-20");
    // Query strings carry tracking timestamps, not the article's date.
    CHECK(from_path("https://ria.ru/20231020/x.html?from=20240101") == "2023-10-20");
}

TEST_CASE("Paths without a confident date", "[dates]") {
    for (const char* path : {"/a/2025/11/x.html", "/a/2025/13/01/", "/a/12345678/", "/a/2025/02/30/x",
                             "/a/1899/12/31/x", "/a/2101/01/01/x", "/a/2025/11/245/x", "/a/12025/11/24/x",
                             "/a/2025/1/5/x.html", "/a/2025/11-24/x", "https://ria.ru/sng-1903995997.html",
                             "/a/id20251124/x", "/a/202511241/x", "", "/"}) {
        CAPTURE(path);
        CHECK(from_path(path) == "<none>");
    }
}

TEST_CASE("a stored date's key is its digits; anything else has none", "[dates]") {
    CHECK(newsdex::date_key("2025-11-24") == std::optional<std::string>("20251124"));
    CHECK(newsdex::date_key("2025-11-24T14:05:00Z") == std::optional<std::string>("20251124"));
    CHECK_FALSE(newsdex::date_key("20251124"));
    CHECK_FALSE(newsdex::date_key("2025-11-24x"));
    CHECK_FALSE(newsdex::date_key("2025/11/24"));
    CHECK_FALSE(newsdex::date_key(""));
}
