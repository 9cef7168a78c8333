#include "timeline_chart.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace newsdex {

double Chart::top() const {
    double most = 0;
    for (const ChartSeries& s : series)
        for (std::size_t i = 0; i < axis.size(); ++i) most = std::max(most, value(s, i));
    return most;
}

std::size_t Chart::peak() const {
    if (series.empty()) return axis.size();
    std::size_t best = axis.size();
    for (std::size_t i = 0; i < axis.size(); ++i)
        if (value(series.front(), i) > 0 && (best == axis.size() || value(series.front(), i) > value(series.front(), best)))
            best = i;
    return best;
}

std::string value_label(const Chart& chart, double value) {
    char buf[32];
    if (chart.shares) std::snprintf(buf, sizeof buf, "%.2f%%", value * 100);
    else std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
}

Chart make_chart(const std::vector<NamedTimeline>& series, const Timeline* all_articles) {
    Chart chart;
    chart.period = series.empty() ? Period::Month : series.front().timeline.period;
    chart.shares = all_articles != nullptr;
    std::optional<std::chrono::sys_days> first, last;
    for (const NamedTimeline& s : series) {
        if (s.timeline.periods.empty()) continue;
        const std::chrono::sys_days a{s.timeline.periods.front().start}, b{s.timeline.periods.back().start};
        first = first ? std::min(*first, a) : a;
        last = last ? std::max(*last, b) : b;
    }
    if (first)
        for (std::chrono::year_month_day p{*first}; std::chrono::sys_days{p} <= *last; p = next_period(p, chart.period))
            chart.axis.push_back(p);
    std::map<std::chrono::sys_days, Xapian::doccount> everything;
    if (all_articles)
        for (const PeriodCount& p : all_articles->periods) everything[std::chrono::sys_days{p.start}] = p.count;
    for (const NamedTimeline& s : series) {
        ChartSeries out{s.name, std::vector<Xapian::doccount>(chart.axis.size(), 0),
                        std::vector<double>(chart.axis.size(), 0.0), s.timeline.undated, s.timeline.total};
        for (const PeriodCount& p : s.timeline.periods) {
            const auto at = std::lower_bound(chart.axis.begin(), chart.axis.end(), p.start);
            const std::size_t i = static_cast<std::size_t>(at - chart.axis.begin());
            out.counts[i] = p.count;
            const auto all = everything.find(std::chrono::sys_days{p.start});
            if (all != everything.end() && all->second) out.shares[i] = static_cast<double>(p.count) / all->second;
        }
        chart.series.push_back(std::move(out));
    }
    return chart;
}

}  // namespace newsdex
