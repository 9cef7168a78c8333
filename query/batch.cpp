#include "batch.h"

#include "base/errors.h"
#include "json_text.h"
#include "ordered_output.h"
#include "output.h"
#include "search.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

namespace newsdex {
namespace {

constexpr int kFound = 0;
constexpr int kNotFound = 1;
constexpr int kError = 2;

constexpr const char* kKeys =
    "query, limit, offset, since, until, sort, topic, exact, all_words, any_words, recent, no_collapse, facet, stories";

std::string key_error(const std::string& key, const std::string& expected) {
    return "\"" + key + "\" must be " + expected;
}

std::string string_value(const nlohmann::json& value, const std::string& key) {
    if (!value.is_string()) throw QueryError(key_error(key, "a string"));
    return value.get<std::string>();
}

bool bool_value(const nlohmann::json& value, const std::string& key) {
    if (!value.is_boolean()) throw QueryError(key_error(key, "true or false"));
    return value.get<bool>();
}

unsigned whole_number(const nlohmann::json& value, const std::string& key, unsigned low, unsigned high) {
    const std::string expected = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    if (!value.is_number_integer()) throw QueryError(key_error(key, expected));
    const long long n = value.get<long long>();
    if (n < low || n > high) throw QueryError(key_error(key, expected));
    return static_cast<unsigned>(n);
}

// A name, or a list of names, each one of `allowed` when that is given.
std::vector<std::string> names(const nlohmann::json& value, const std::string& key,
                               const std::vector<std::string>& allowed = {}) {
    std::vector<std::string> out;
    if (value.is_string()) {
        out.push_back(value.get<std::string>());
    } else if (value.is_array()) {
        for (const nlohmann::json& item : value) {
            if (!item.is_string()) throw QueryError(key_error(key, "a string or a list of strings"));
            out.push_back(item.get<std::string>());
        }
    } else {
        throw QueryError(key_error(key, "a string or a list of strings"));
    }
    for (const std::string& name : out)
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string choices;
            for (const std::string& a : allowed) choices += (choices.empty() ? "" : ", ") + a;
            throw QueryError(key_error(key, choices) + ", not '" + name + "'");
        }
    return out;
}

std::string one_of(const nlohmann::json& value, const std::string& key, const std::vector<std::string>& allowed) {
    if (!value.is_string()) throw QueryError(key_error(key, "a string"));
    return names(value, key, allowed).front();
}

void apply_key(QueryOptions& opt, const std::string& key, const nlohmann::json& value) {
    if (key == "query") opt.words = {string_value(value, key)};
    else if (key == "limit") opt.limit = whole_number(value, key, 1, 100000);
    else if (key == "offset") opt.offset = whole_number(value, key, 0, 4000000000u);
    else if (key == "since") opt.since = string_value(value, key);  // "": no bound, whatever --since says
    else if (key == "until") opt.until = string_value(value, key);
    else if (key == "sort") opt.sort = one_of(value, key, {"relevance", "date", "-date"});
    else if (key == "topic") opt.topics = names(value, key);
    else if (key == "exact") opt.exact = bool_value(value, key);
    else if (key == "all_words") opt.any_words = !(opt.all_words = bool_value(value, key)) && opt.any_words;
    else if (key == "any_words") opt.all_words = !(opt.any_words = bool_value(value, key)) && opt.all_words;
    else if (key == "recent") opt.recent = bool_value(value, key);
    else if (key == "no_collapse") opt.no_collapse = bool_value(value, key);
    else if (key == "facet") opt.facets = names(value, key, {"source", "year", "topic", "story"});
    else if (key == "stories") opt.stories = bool_value(value, key);
    else throw QueryError("unknown key \"" + key + "\" (known: " + kKeys + ")");
}

struct ReadError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The stream's lines, without their line ends (\n, \r\n); a UTF-8 byte
// order mark before the first is dropped. getline(3), not std::getline: a
// read error (EIO, a directory given as stdin) is told apart from the end.
class LineReader {
public:
    explicit LineReader(std::FILE* in) : in_(in) {}
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;
    ~LineReader() { std::free(buffer_); }

    // nullopt at the end; throws ReadError.
    std::optional<std::string> next() {
        errno = 0;
        const ssize_t n = ::getline(&buffer_, &capacity_, in_);
        if (n < 0) {
            if (std::ferror(in_)) throw ReadError(std::string("cannot read the queries: ") + std::strerror(errno));
            return std::nullopt;
        }
        std::string line(buffer_, static_cast<std::size_t>(n));
        if (!line.empty() && line.back() == '\n') line.pop_back();
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (first_ && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        first_ = false;
        return line;
    }

private:
    std::FILE* in_;
    char* buffer_ = nullptr;
    std::size_t capacity_ = 0;
    bool first_ = true;
};

std::string time_limit_message(std::size_t line, double seconds) {
    std::ostringstream out;
    out << "newsdex-query: the query on line " << line << " still running after its time limit of " << seconds
        << " s; stopped (narrow the query, or raise --time-limit)";
    return out.str();
}

std::string error_line(std::size_t line, const std::string& message) {
    return json_text({{"type", "error"}, {"query", line}, {"error", message}}) + '\n';
}

// --threads, else one a core: each thread answers a line at a time with its
// own analyzer (the dictionaries loaded once a thread), so more threads than
// cores only wait for each other.
unsigned batch_threads(const QueryOptions& opt) {
    return opt.threads ? opt.threads : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

// One line's answer, or its error.
OrderedOutput::Answer answer(SearchSession& session, const QueryOptions& base, const std::string& text,
                             std::size_t line, Watchdog& watchdog, std::mutex& writing) {
    OrderedOutput::Answer answer;
    try {
        const QueryOptions opt = line_options(text, base);
        SearchRequest request = search_request(opt);
        request.on_missing = [&](const std::string& shard) {
            answer.err += "newsdex-query: warning: line " + std::to_string(line) + ": shard " + shard +
                          "; results are partial\n";
        };
        TimeLimit time_limit(watchdog, opt.time_limit, time_limit_message(line, opt.time_limit), &writing);
        const SearchResult result = session.search(request);
        time_limit.disarm();
        for (const std::string& note : result.notes)
            answer.err += "newsdex-query: note: line " + std::to_string(line) + ": " + note + '\n';
        std::ostringstream out;
        print_json(out, result, result.sources, line);
        print_partial_json(out, result.missing, line);
        nlohmann::ordered_json done{{"type", "done"},
                                    {"query", line},
                                    {"hits", result.hits.size()},
                                    {"estimated_total", result.estimated_total}};
        if (!result.suggestion.empty()) done["suggestion"] = result.suggestion;
        if (result.relaxed) done["relaxed"] = true;
        out << json_text(done) << '\n';
        answer.out = std::move(out).str();
        answer.hits = !result.hits.empty();
    } catch (const QueryError& e) {
        answer.out = error_line(line, e.what());
    } catch (const std::exception& e) {
        // The index cannot be searched (IndexError), or worse: the same for
        // every line after this one, so the batch stops here.
        answer.out = error_line(line, e.what());
        answer.err = std::string("newsdex-query: ") + e.what() + '\n';
        answer.final = true;
    }
    return answer;
}

// The input's lines, numbered, for several threads; a read error ends the
// lines and is kept for the end of the batch.
class SharedInput {
public:
    explicit SharedInput(std::FILE* in) : reader_(in) {}

    struct Line {
        std::size_t number;
        std::string text;
    };
    std::optional<Line> next() {
        std::lock_guard lock(mutex_);
        if (ended_) return std::nullopt;
        try {
            std::optional<std::string> text = reader_.next();
            if (text) return Line{++count_, std::move(*text)};
        } catch (const ReadError& e) {
            error_ = e.what();
        }
        ended_ = true;
        return std::nullopt;
    }
    const std::string& error() const { return error_; }

private:
    std::mutex mutex_;
    LineReader reader_;
    std::size_t count_ = 0;
    bool ended_ = false;
    std::string error_;
};

}  // namespace

QueryOptions line_options(const std::string& line, const QueryOptions& defaults) {
    QueryOptions opt = defaults;
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] != '{') {
        opt.words = {line};
        return opt;
    }
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        // nlohmann's message names the byte: "parse error at line 1, column 9: ..."
        const std::string what = e.what();
        const std::size_t at = what.find("parse error");
        throw QueryError("not a JSON object: " + (at == std::string::npos ? what : what.substr(at)));
    }
    if (!object.is_object()) throw QueryError("not a JSON object");
    opt.words.clear();
    for (const auto& [key, value] : object.items()) apply_key(opt, key, value);
    return opt;
}

int run_batch(const QueryOptions& defaults, std::FILE* in, std::ostream& out, TimeLimit& time_limit) {
    time_limit.disarm();
    QueryOptions base = defaults;
    base.json = true;  // every hit with its topic scores, as --json prints it
    SharedInput input(in);
    OrderedOutput output(out, std::cerr);
    Watchdog watchdog;  // every line's --time-limit
    // Each thread its own session (analyzer, topic profiles, open index):
    // they share nothing but the input and the output.
    auto work = [&] {
        SearchSession session;
        while (!output.stopped()) {
            std::optional<SharedInput::Line> line = input.next();
            if (!line) return;
            output.put(line->number, answer(session, base, line->text, line->number, watchdog, output.writing()));
        }
    };
    {
        std::vector<std::jthread> threads;
        for (unsigned i = 1; i < batch_threads(defaults); ++i) threads.emplace_back(work);
        work();
    }
    if (output.stopped()) return kError;
    if (!input.error().empty()) {
        std::cerr << "newsdex-query: " << input.error() << '\n';
        return kError;
    }
    return output.any_hits() ? kFound : kNotFound;
}

}  // namespace newsdex
