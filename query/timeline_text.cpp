// print_chart_text (timeline_chart.h): the chart as a terminal shows it.
#include "timeline_chart.h"

#include <algorithm>
#include <cmath>

namespace newsdex {
namespace {

// Columns a UTF-8 string takes: one per code point (the labels are dates,
// digits and Cyrillic words; no wide characters).
std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string padded(const std::string& s, std::size_t width) {
    const std::size_t used = columns(s);
    return used >= width ? s : s + std::string(width - used, ' ');
}

std::string value_text(const Chart& chart, const ChartSeries& s, std::size_t i) {
    return value_label(chart, chart.value(s, i));
}

struct Glyphs {
    const char* axis;    // left of the bars
    const char* corner;  // where the axes meet
    const char* rule;    // the value axis
    bool eighths;        // partial blocks
};

constexpr Glyphs kUnicode{"│", "└", "─", true};
constexpr Glyphs kAscii{"|", "+", "-", false};

// `cells` cells, `fraction` of them filled: eighth blocks where the
// terminal can show them, whole '#' cells where it cannot.
std::string bar(double fraction, std::size_t cells, const Glyphs& g) {
    static const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    std::string out;
    if (!g.eighths) {
        const auto filled = static_cast<std::size_t>(std::lround(fraction * cells));
        return std::string(std::min(filled, cells), '#');
    }
    const auto eighths = static_cast<std::size_t>(std::lround(fraction * cells * 8));
    for (std::size_t i = 0; i < eighths / 8 && i < cells; ++i) out += "█";
    if (eighths % 8 && eighths / 8 < cells) out += kEighths[eighths % 8];
    return out;
}

std::string series_mark(std::size_t i) { return std::string(1, static_cast<char>('A' + i % 26)); }

std::string heading(const Chart& chart) {
    std::string what = chart.unit(2) + std::string(" per ") + period_name(chart.period);
    if (chart.shares) what += ", as a share of all " + std::string(chart.unit(2)) + " in the " + period_name(chart.period);
    if (chart.axis.empty()) return what + ": none dated";
    what += ", " + period_label(chart.axis.front(), chart.period) + " to " +
            period_label(chart.axis.back(), chart.period);
    if (const std::size_t p = chart.peak(); p < chart.axis.size()) {
        const ChartSeries& first = chart.series.front();
        what += "; peak " + period_label(chart.axis[p], chart.period) + " (" + value_text(chart, first, p) +
                (chart.series.size() > 1 ? " of " + series_mark(0) : "") + ")";
    }
    return what;
}

}  // namespace

void print_chart_text(std::ostream& out, const Chart& chart, unsigned width, bool unicode) {
    const Glyphs& g = unicode ? kUnicode : kAscii;
    const bool several = chart.series.size() > 1;
    out << heading(chart) << '\n';
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& series = chart.series[s];
        out << "  " << (several ? series_mark(s) + "  " : "") << series.name << ": " << series.total
            << ' ' << chart.unit(series.total) << '\n';
    }
    std::size_t label_width = 0, value_width = 1;
    for (const auto& start : chart.axis) label_width = std::max(label_width, period_label(start, chart.period).size());
    for (const ChartSeries& series : chart.series)
        for (std::size_t i = 0; i < chart.axis.size(); ++i)
            value_width = std::max(value_width, value_text(chart, series, i).size());
    const std::size_t mark_width = several ? 2 : 0;
    const std::size_t fixed = label_width + 1 + mark_width + columns(g.axis) + 1 + value_width;
    const std::size_t cells = width > fixed + 10 ? width - fixed - 1 : 10;
    const double top = chart.top();
    for (std::size_t i = 0; i < chart.axis.size(); ++i) {
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const ChartSeries& series = chart.series[s];
            const std::string label = s == 0 ? period_label(chart.axis[i], chart.period) : "";
            const double v = chart.value(series, i);
            out << padded(label, label_width) << ' ' << (several ? series_mark(s) + " " : "") << g.axis
                << padded(bar(top > 0 ? v / top : 0, cells, g), cells) << ' ' << value_text(chart, series, i) << '\n';
        }
    }
    if (!chart.axis.empty()) {
        std::string rule;
        for (std::size_t i = 0; i < cells; ++i) rule += g.rule;
        const std::string indent(label_width + 1 + mark_width, ' ');
        out << indent << g.corner << rule << '\n';
        const std::string top_text = value_label(chart, top);
        const std::size_t gap = cells > top_text.size() ? cells - top_text.size() : 1;
        out << indent << ' ' << '0' << std::string(gap > 0 ? gap - 1 : 0, ' ') << top_text << '\n';
    }
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& series = chart.series[s];
        if (!series.undated) continue;
        out << "undated: " << series.undated << ' ' << chart.unit(series.undated)
            << (several ? " of " + series_mark(s) : "") << " (not in the chart)\n";
    }
}

}  // namespace newsdex
