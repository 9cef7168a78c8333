// --timeline's counting and drawing: periods, gaps, undated matches,
// shares, and charts that fit their width.
#include "timeline.h"
#include "timeline_chart.h"

#include <catch2/catch.hpp>

#include <numeric>
#include <sstream>

using namespace newsdex;
using namespace std::chrono;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

TEST_CASE("periods start where people count them from", "[timeline]") {
    CHECK(period_start(2025y / July / 17, Period::Week) == 2025y / July / 14);  // a Thursday: its Monday
    CHECK(period_start(2025y / July / 14, Period::Week) == 2025y / July / 14);
    CHECK(period_start(2025y / January / 1, Period::Week) == 2024y / December / 30);  // weeks cross years
    CHECK(period_start(2025y / July / 17, Period::Month) == 2025y / July / 1);
    CHECK(period_start(2025y / July / 17, Period::Year) == 2025y / January / 1);
    CHECK(next_period(2025y / December / 1, Period::Month) == 2026y / January / 1);
    CHECK(next_period(2024y / December / 30, Period::Week) == 2025y / January / 6);
    CHECK(next_period(2024y / February / 28, Period::Day) == 2024y / February / 29);
    CHECK(period_label(2025y / July / 1, Period::Month) == "2025-07");
    CHECK(period_label(2025y / July / 14, Period::Week) == "2025-07-14");
    CHECK(period_named("fortnight") == std::nullopt);
    CHECK(period_named("week") == Period::Week);
}

TEST_CASE("a timeline has every period from first to last, and the undated apart", "[timeline]") {
    const Timeline t = make_timeline({{"20250105", 2}, {"20250320", 3}, {"20250301", 1}, {"garbage", 4}}, 12,
                                     Period::Month);
    REQUIRE(t.periods.size() == 3);  // January, February (empty), March
    CHECK(t.periods[0].count == 2);
    CHECK(t.periods[1].count == 0);
    CHECK(t.periods[2].count == 4);
    CHECK(t.undated == 6);  // 12 matches, 6 on real days
    const Xapian::doccount dated = std::accumulate(t.periods.begin(), t.periods.end(), Xapian::doccount{0},
                                                   [](Xapian::doccount n, const PeriodCount& p) { return n + p.count; });
    CHECK(dated + t.undated == t.total);
    const Chart chart = make_chart({{"q", t}}, nullptr);
    REQUIRE(chart.peak() < chart.axis.size());
    CHECK(chart.axis[chart.peak()] == 2025y / March / 1);
    const Chart undated_only = make_chart({{"q", make_timeline({}, 5, Period::Year)}}, nullptr);
    CHECK_FALSE(undated_only.peak() < undated_only.axis.size());
    CHECK(make_timeline({}, 5, Period::Year).undated == 5);
}

TEST_CASE("compared series share one axis and are drawn as shares", "[timeline]") {
    const Timeline a = make_timeline({{"20250101", 10}}, 10, Period::Year);
    const Timeline b = make_timeline({{"20270101", 5}}, 5, Period::Year);
    const Timeline all = make_timeline({{"20250101", 100}, {"20260101", 50}, {"20270101", 10}}, 160, Period::Year);
    const Chart chart = make_chart({{"a", a}, {"b", b}}, &all);
    REQUIRE(chart.axis.size() == 3);
    CHECK(chart.shares);
    CHECK(chart.series[0].shares[0] == Approx(0.1));
    CHECK(chart.series[1].shares[2] == Approx(0.5));
    CHECK(chart.peak() == 0);  // the first series' peak
    CHECK(chart.top() == Approx(0.5));
}

TEST_CASE("the text chart fits its width, names the peak, and says what is undated", "[timeline]") {
    const Timeline t = make_timeline({{"20250105", 200}, {"20250320", 3}, {"20251201", 17}}, 230, Period::Month);
    const Chart chart = make_chart({{"пошлины", t}}, nullptr);
    for (const bool unicode : {true, false}) {
        for (const unsigned width : {40u, 80u, 200u}) {
            std::ostringstream out;
            print_chart_text(out, chart, width, unicode);
            const std::vector<std::string> lines = lines_of(out.str());
            CHECK(lines.front().find("peak 2025-01 (200)") != std::string::npos);
            CHECK(lines.back() == "undated: 10 articles (not in the chart)");
            for (const std::string& line : lines)
                if (line.starts_with("2025-")) CHECK(columns(line) <= width);
            // The drawing is ASCII; the query's own words are as typed.
            if (!unicode)
                for (const std::string& line : lines)
                    if (line.find("пошлины") == std::string::npos)
                        for (const char c : line) CHECK(static_cast<unsigned char>(c) < 0x80);
        }
    }
}

TEST_CASE("JSON Lines and CSV carry the same counts", "[timeline]") {
    const Timeline t = make_timeline({{"20250105", 2}, {"20250320", 3}}, 9, Period::Month);
    const Chart chart = make_chart({{"q", t}}, nullptr);
    std::ostringstream json, csv;
    print_chart_json(json, chart);
    print_chart_csv(csv, chart);
    CHECK(json.str() ==
          "{\"type\":\"period\",\"start\":\"2025-01-01\",\"count\":2}\n"
          "{\"type\":\"period\",\"start\":\"2025-02-01\",\"count\":0}\n"
          "{\"type\":\"period\",\"start\":\"2025-03-01\",\"count\":3}\n"
          "{\"type\":\"undated\",\"count\":4}\n");
    CHECK(csv.str() == "start,count\n2025-01-01,2\n2025-02-01,0\n2025-03-01,3\nundated,4\n");
}

TEST_CASE("the SVG picture has its axes, labels and a bar for each period with matches", "[timeline]") {
    const Timeline t = make_timeline({{"20250105", 2}, {"20250320", 3}}, 5, Period::Month);
    std::ostringstream svg;
    write_chart_svg(svg, make_chart({{"санкции <ЕС>", t}}, nullptr));
    const std::string s = svg.str();
    CHECK(s.starts_with("<?xml"));
    CHECK(s.find("санкции &lt;ЕС&gt; (5)") != std::string::npos);  // the legend, escaped
    CHECK(s.find(">2025-01<") != std::string::npos);
    CHECK(s.find("peak 2025-03") != std::string::npos);
    std::size_t bars = 0;
    for (std::size_t at = s.find("<title>"); at != std::string::npos; at = s.find("<title>", at + 1)) ++bars;
    CHECK(bars == 2);  // February had none
}
