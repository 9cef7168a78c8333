// newsdex-query --batch: many queries in one process. Queries come from a
// stream, one a line: plain query text, or a JSON object with the query and
// its own options ({"query": "...", "limit": 5, "topic": ["sanctions"]});
// the command line's options are every line's defaults. Answers are JSON
// Lines, each line carrying "query": N (N: the input line, from 1): the
// hits as --json prints them, then {"type":"done",...}, or one
// {"type":"error",...} for a line that cannot be answered, and the batch
// goes on. Lines are answered several at a time (--threads, one a core),
// and each answer is written, in the order of the lines, as soon as those
// before it are, so a script can read answers as they come. README ("Many
// queries at once") documents the format.
#pragma once

#include "query_options.h"
#include "time_limit.h"

#include <cstdio>
#include <ostream>
#include <string>

namespace newsdex {

// The options for one input line: `defaults` with the line's own on top.
// Throws QueryError saying what is wrong with the line (not a JSON object,
// an unknown key, a value of the wrong kind).
QueryOptions line_options(const std::string& line, const QueryOptions& defaults);

// Answers every line of `in` on `out`. Exit status: 0 when some query had
// hits, 1 when none had, 2 when `in` could not be read or the index could
// not be searched (the answers so far are written; the message is on
// stderr). `time_limit` is the command line's (disarmed here): each query
// has its own --time-limit.
int run_batch(const QueryOptions& defaults, std::FILE* in, std::ostream& out, TimeLimit& time_limit);

}  // namespace newsdex
