#include "timeline_command.h"

#include "base/dates.h"
#include "base/errors.h"
#include "output.h"
#include "timeline_chart.h"

#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

namespace newsdex {
namespace {

constexpr unsigned kDefaultWidth = 80;

struct SeriesRequest {
    std::string name;
    SearchRequest request;
};

// What a series is called: the query as typed, its topic, or both.
std::string series_name(const std::string& query, const std::vector<std::string>& topics) {
    std::string topic;
    for (const std::string& t : topics) topic += (topic.empty() ? "topic: " : ", ") + t;
    if (query.empty()) return topic.empty() ? "all articles" : topic;
    return topic.empty() ? query : query + " (" + topic + ")";
}

SearchRequest counting(SearchRequest request) {
    request.facets = {"day"};
    request.count_all = true;
    // The total is what the days add up to (with the undated): articles, or
    // with --stories the stories, which the collapse counts.
    request.collapse = request.facet_stories;
    request.limit = 1;  // the counts are what is wanted; one hit costs nothing
    request.offset = 0;
    request.details = false;
    request.suggest = false;
    request.with_topics = false;
    return request;
}

// The main search (a series per topic when several are given: a timeline
// compares them rather than ranking by them together), then each --compare
// query with the same filters.
std::vector<SeriesRequest> series_requests(const QueryOptions& opt) {
    std::vector<SeriesRequest> out;
    const SearchRequest main = search_request(opt);
    if (opt.topics.size() > 1) {
        for (const std::string& topic : opt.topics) {
            SearchRequest one = main;
            one.topics = {topic};
            out.push_back({series_name(main.query, one.topics), counting(one)});
        }
    } else {
        out.push_back({series_name(main.query, main.topics), counting(main)});
    }
    for (const std::string& query : opt.compare) {
        QueryOptions other = opt;
        other.words = {query};
        other.topics.clear();
        out.push_back({series_name(query, {}), counting(search_request(other))});
    }
    return out;
}

Timeline timeline_of(SearchSession& session, const SearchRequest& request, Period period) {
    const SearchResult result = session.search(request);
    for (const std::string& note : result.notes) std::cerr << "newsdex-query: note: " << note << '\n';
    std::vector<DayCount> days;
    if (const auto found = result.facets.find("day"); found != result.facets.end())
        for (const FacetCount& f : found->second) days.push_back({f.value, f.count});
    return make_timeline(days, result.estimated_total, period);
}

// Every article the filters let through: what compared series are shares of.
Timeline everything(SearchSession& session, const QueryOptions& opt, Period period) {
    QueryOptions all = opt;
    all.words.clear();
    all.topics.clear();
    return timeline_of(session, counting(search_request(all)), period);
}

// The top hits of the period where the first series peaks.
SearchResult peak_hits(SearchSession& session, const QueryOptions& opt, const Chart& chart) {
    const std::chrono::year_month_day start = chart.axis[chart.peak()];
    const std::chrono::year_month_day last{std::chrono::sys_days{next_period(start, chart.period)} -
                                           std::chrono::days{1}};
    QueryOptions peak = opt;
    if (opt.topics.size() > 1) peak.topics = {opt.topics.front()};
    peak.limit = opt.peaks;
    peak.offset = 0;
    peak.count = false;
    SearchRequest request = search_request(peak);
    request.facets.clear();
    request.since = std::max(request.since, date_key(start));
    request.until = request.until.empty() ? date_key(last) : std::min(request.until, date_key(last));
    return session.search(request);
}

// Blocks only where the terminal's character set has them (LC_ALL=C does
// not), and not with --color never, which asks for plain output.
bool unicode_output(const QueryOptions& opt) {
    if (opt.color == "never") return false;
    std::setlocale(LC_CTYPE, "");
    const bool utf8 = std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    std::setlocale(LC_CTYPE, "C");
    return utf8;
}

// $COLUMNS if set, else the terminal's width, else 80.
unsigned output_width() {
    if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
        char* end = nullptr;
        const unsigned long n = std::strtoul(columns, &end, 10);
        if (*end == '\0' && n >= 20 && n <= 1000) return static_cast<unsigned>(n);
    }
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
    return kDefaultWidth;
}

void write_plot(const std::string& path, const Chart& chart) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) write_chart_svg(out, chart);
    if (!out || !out.flush()) throw QueryError(path + ": cannot write the plot: " + std::strerror(errno));
}

}  // namespace

int run_timeline(const QueryOptions& opt, bool color, TimeLimit& time_limit) {
    const Period period = period_named(opt.timeline).value_or(Period::Month);
    SearchSession session;  // one analyzer and one load of the topic profiles for every series
    std::vector<NamedTimeline> timelines;
    for (const SeriesRequest& s : series_requests(opt))
        timelines.push_back({s.name, timeline_of(session, s.request, period)});
    std::optional<Timeline> all;
    if (timelines.size() > 1) all = everything(session, opt, period);
    Chart chart = make_chart(timelines, all ? &*all : nullptr);
    chart.stories = opt.stories;
    std::optional<SearchResult> peak;
    if (opt.peaks && chart.peak() < chart.axis.size()) peak = peak_hits(session, opt, chart);
    time_limit.disarm();

    if (!opt.plot.empty()) write_plot(opt.plot, chart);
    if (opt.json) {
        print_chart_json(std::cout, chart);
        if (peak) print_json(std::cout, *peak, peak->sources);
    } else if (opt.csv) {
        print_chart_csv(std::cout, chart);
    } else {
        print_chart_text(std::cout, chart, output_width(), unicode_output(opt));
        if (peak) {
            std::cout << "\nTop articles of " << period_label(chart.axis[chart.peak()], chart.period) << ":\n";
            print_text(std::cout, *peak, {color, peak->sources});
        }
    }
    for (const ChartSeries& s : chart.series)
        if (s.total) return 0;
    return 1;
}

}  // namespace newsdex
