// --timeline: how many articles a search (or several, compared) matched per
// day, week, month or year, drawn for people, listed for scripts, plotted
// to SVG, with the peak period's top hits beneath.
#pragma once

#include "query_options.h"
#include "time_limit.h"

namespace newsdex {

// Prints what opt.timeline asks for; the exit status (0: something
// matched, 1: nothing did). Throws QueryError for a bad request or a plot
// file that cannot be written.
int run_timeline(const QueryOptions& opt, bool color, TimeLimit& time_limit);

}  // namespace newsdex
