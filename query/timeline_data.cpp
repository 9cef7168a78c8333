// print_chart_json and print_chart_csv (timeline_chart.h): the chart's
// numbers for scripts, one period a line.
#include "timeline_chart.h"

#include "base/dates.h"
#include "json_text.h"

#include <cmath>
#include <cstdio>

namespace newsdex {
namespace {

// Six significant digits are plenty for a share, and keep the output
// stable across platforms' printing of doubles.
double rounded_share(double share) { return std::round(share * 1e6) / 1e6; }

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

void print_chart_json(std::ostream& out, const Chart& chart) {
    const bool several = chart.series.size() > 1;
    for (std::size_t i = 0; i < chart.axis.size(); ++i)
        for (const ChartSeries& s : chart.series) {
            nlohmann::ordered_json line{{"type", "period"}, {"start", iso_date(chart.axis[i])}};
            if (several) line["series"] = s.name;
            line["count"] = s.counts[i];
            if (chart.shares) line["share"] = rounded_share(s.shares[i]);
            out << json_text(line) << '\n';
        }
    for (const ChartSeries& s : chart.series) {
        nlohmann::ordered_json line{{"type", "undated"}};
        if (several) line["series"] = s.name;
        line["count"] = s.undated;
        out << json_text(line) << '\n';
    }
}

void print_chart_csv(std::ostream& out, const Chart& chart) {
    const bool several = chart.series.size() > 1;
    out << (several ? "start,series,count,share\n" : chart.shares ? "start,count,share\n" : "start,count\n");
    const auto row = [&](const std::string& start, const ChartSeries& s, Xapian::doccount count, double share) {
        out << start;
        if (several) out << ',' << csv_field(s.name);
        out << ',' << count;
        if (chart.shares) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.6f", share);
            out << ',' << buf;
        }
        out << '\n';
    };
    for (std::size_t i = 0; i < chart.axis.size(); ++i)
        for (const ChartSeries& s : chart.series) row(iso_date(chart.axis[i]), s, s.counts[i], s.shares[i]);
    // Undated matches have no share of a period: left empty.
    for (const ChartSeries& s : chart.series) {
        out << "undated";
        if (several) out << ',' << csv_field(s.name);
        out << ',' << s.undated << (chart.shares ? ",\n" : "\n");
    }
}

}  // namespace newsdex
