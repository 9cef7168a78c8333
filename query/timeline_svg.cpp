// write_chart_svg (timeline_chart.h): the chart as a picture for reports,
// plain SVG 1.1 that any browser opens, no scripts or outside files.
#include "timeline_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace newsdex {
namespace {

constexpr double kWidth = 900, kHeight = 440;
constexpr double kLeft = 80, kRight = 20, kTop = 70, kBottom = 60;
constexpr std::size_t kMostXLabels = 10;
// Colours told apart by most people, colour-blind ones included (Okabe-Ito).
constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

void write_chart_svg(std::ostream& out, const Chart& chart) {
    const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
    const std::size_t n = std::max<std::size_t>(1, chart.axis.size());
    const double step = plot_w / static_cast<double>(n);
    // Counts get whole-number ticks: the scale's top is rounded up to a
    // multiple of the four steps.
    const double top = chart.top() <= 0 ? 1 : chart.shares ? chart.top() : std::ceil(chart.top() / 4) * 4;
    const auto x_of = [&](std::size_t i) { return kLeft + step * (static_cast<double>(i) + 0.5); };
    const auto y_of = [&](double v) { return kTop + plot_h * (1 - v / top); };

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << kHeight
        << "\" viewBox=\"0 0 " << kWidth << ' ' << kHeight << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    std::string title = std::string(chart.stories ? "Stories" : "Articles") + " per " + period_name(chart.period);
    if (chart.shares) title += " (share of all " + std::string(chart.unit(2)) + " in the " + period_name(chart.period) + ")";
    out << "<text x=\"" << kLeft << "\" y=\"24\" font-size=\"16\" font-weight=\"bold\">" << escaped(title)
        << "</text>\n";
    // Legend: one line per series, with its colour and its undated count.
    double legend_x = kLeft;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& series = chart.series[s];
        std::string text = series.name + " (" + std::to_string(series.total) + ")";
        if (series.undated) text += ", " + std::to_string(series.undated) + " undated";
        out << "<rect x=\"" << number(legend_x) << "\" y=\"38\" width=\"12\" height=\"12\" fill=\""
            << kColours[s % std::size(kColours)] << "\"/>\n"
            << "<text x=\"" << number(legend_x + 18) << "\" y=\"49\">" << escaped(text) << "</text>\n";
        legend_x += 30 + 7.0 * static_cast<double>(text.size() / 2 + 4);
    }
    // Axes, value ticks and grid lines.
    for (int t = 0; t <= 4; ++t) {
        const double v = top * t / 4, y = y_of(v);
        out << "<line x1=\"" << kLeft << "\" y1=\"" << number(y) << "\" x2=\"" << kWidth - kRight << "\" y2=\""
            << number(y) << "\" stroke=\"" << (t ? "#dddddd" : "#000000") << "\"/>\n"
            << "<text x=\"" << kLeft - 6 << "\" y=\"" << number(y + 4) << "\" text-anchor=\"end\">"
            << value_label(chart, v) << "</text>\n";
    }
    out << "<line x1=\"" << kLeft << "\" y1=\"" << kTop << "\" x2=\"" << kLeft << "\" y2=\"" << kTop + plot_h
        << "\" stroke=\"#000000\"/>\n";
    const std::size_t every = (n + kMostXLabels - 1) / kMostXLabels;
    for (std::size_t i = 0; i < chart.axis.size(); i += every)
        out << "<text x=\"" << number(x_of(i)) << "\" y=\"" << kTop + plot_h + 18 << "\" text-anchor=\"middle\">"
            << period_label(chart.axis[i], chart.period) << "</text>\n";
    // One series: a bar a period; several: a line each.
    if (chart.series.size() == 1) {
        const ChartSeries& s = chart.series.front();
        for (std::size_t i = 0; i < chart.axis.size(); ++i) {
            const double v = chart.value(s, i);
            if (v <= 0) continue;
            out << "<rect x=\"" << number(x_of(i) - step * 0.4) << "\" y=\"" << number(y_of(v)) << "\" width=\""
                << number(step * 0.8) << "\" height=\"" << number(kTop + plot_h - y_of(v)) << "\" fill=\""
                << kColours[0] << "\"><title>" << period_label(chart.axis[i], chart.period) << ": "
                << value_label(chart, v) << "</title></rect>\n";
        }
    } else {
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            out << "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" << kColours[s % std::size(kColours)]
                << "\" points=\"";
            for (std::size_t i = 0; i < chart.axis.size(); ++i)
                out << (i ? " " : "") << number(x_of(i)) << ',' << number(y_of(chart.value(chart.series[s], i)));
            out << "\"/>\n";
        }
    }
    if (const std::size_t p = chart.peak(); p < chart.axis.size())
        out << "<text x=\"" << number(x_of(p)) << "\" y=\"" << number(y_of(chart.value(chart.series.front(), p)) - 6)
            << "\" text-anchor=\"middle\" font-weight=\"bold\">peak " << period_label(chart.axis[p], chart.period)
            << "</text>\n";
    out << "</svg>\n";
}

}  // namespace newsdex
