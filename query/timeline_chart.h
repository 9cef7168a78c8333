// One or more timelines on a common axis, ready to draw: as text for a
// terminal, JSON Lines or CSV for scripts, SVG for reports.
#pragma once

#include "timeline.h"

#include <ostream>
#include <string>
#include <vector>

namespace newsdex {

struct ChartSeries {
    std::string name;                       // what was searched, as typed
    std::vector<Xapian::doccount> counts;   // per period of the axis
    std::vector<double> shares;             // per period: counts over all articles (when compared)
    Xapian::doccount undated = 0;
    Xapian::doccount total = 0;
};

struct Chart {
    Period period = Period::Month;
    std::vector<std::chrono::year_month_day> axis;  // each period's first day, without gaps
    std::vector<ChartSeries> series;
    // Compared series are drawn as shares of all articles in each period,
    // so that a small topic's rise shows beside a large one's.
    bool shares = false;
    bool stories = false;  // the counts are story threads, not articles (--stories)

    // What is counted, for labels: "article(s)" or "story"/"stories".
    const char* unit(Xapian::doccount n) const {
        return stories ? (n == 1 ? "story" : "stories") : (n == 1 ? "article" : "articles");
    }

    double value(const ChartSeries& s, std::size_t i) const { return shares ? s.shares[i] : s.counts[i]; }
    // The largest value of any series (0 when nothing dated matched).
    double top() const;
    // The period where the first series peaks (the earliest of equals);
    // axis.size() when it has none.
    std::size_t peak() const;
};

// A value as the chart labels it: a count, or a share as a percentage.
std::string value_label(const Chart& chart, double value);

struct NamedTimeline {
    std::string name;
    Timeline timeline;
};

// The series on the axis that spans them all. With `all_articles` (the
// timeline of the whole archive, same period) each series also gets its
// shares, and the chart draws those.
Chart make_chart(const std::vector<NamedTimeline>& series, const Timeline* all_articles);

// People's chart: a row a period, bars of Unicode eighth blocks (or '#'
// when `unicode` is false), the axis labelled, the peak named, undated
// matches said apart; `width` columns at most.
void print_chart_text(std::ostream& out, const Chart& chart, unsigned width, bool unicode);

// {"type":"period","start":"2025-07-01","count":N} a period, then
// {"type":"undated","count":N}; compared series add "series" and "share".
void print_chart_json(std::ostream& out, const Chart& chart);

// start,count (compared: start,series,count,share) rows, "undated" last.
void print_chart_csv(std::ostream& out, const Chart& chart);

// A self-contained SVG picture: axes, ticks, a legend, bars for one series,
// lines for several.
void write_chart_svg(std::ostream& out, const Chart& chart);

}  // namespace newsdex
