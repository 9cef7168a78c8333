#include "query_syntax.h"

#include "base/dates.h"
#include "base/errors.h"
#include "recency.h"

#include <unicode/utf8.h>

#include <string>
#include <vector>

namespace newsdex {
namespace {

struct Char {
    UChar32 c;
    std::size_t byte;  // offset in the query
    int column;        // 1-based, in characters
};

std::vector<Char> characters(std::string_view query) {
    std::vector<Char> out;
    const auto* s = reinterpret_cast<const uint8_t*>(query.data());
    const auto length = static_cast<int32_t>(query.size());
    int column = 0;
    for (int32_t i = 0; i < length;) {
        const std::size_t at = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT(s, i, length, c);
        out.push_back({c, at, ++column});
    }
    return out;
}

bool is_quote(UChar32 c) { return c == u'"' || c == u'«' || c == u'»' || c == u'“' || c == u'”' || c == u'„'; }

[[noreturn]] void fail(std::string_view query, const Char& at, const std::string& what) {
    // Up to a dozen characters from the problem on, cut between characters.
    const std::vector<Char> chars = characters(query);
    std::size_t end = query.size();
    for (const Char& c : chars)
        if (c.column == at.column + 12) end = c.byte;
    const std::string near(query.substr(at.byte, end - at.byte));
    throw QueryError("bad query: " + what + " at column " + std::to_string(at.column) + " (near '" + near + "')");
}

bool good_date(const std::string& s) {
    const std::string ymd = date_key(s).value_or(s);
    return date_of_key(ymd).has_value();
}

void check_dates(std::string_view query, const std::vector<Char>& chars) {
    for (std::size_t pos = query.find("date:"); pos != std::string_view::npos; pos = query.find("date:", pos + 5)) {
        if (pos > 0 && query[pos - 1] != ' ' && query[pos - 1] != '(' && query[pos - 1] != '+' && query[pos - 1] != '-')
            continue;  // part of another word ("update:")
        const std::size_t start = pos + 5;
        const std::size_t end = std::min(query.find_first_of(" )", start), query.size());
        const std::string value(query.substr(start, end - start));
        const std::size_t dots = value.find("..");
        const std::string from = dots == std::string::npos ? value : value.substr(0, dots);
        const std::string to = dots == std::string::npos ? std::string() : value.substr(dots + 2);
        const bool ok = dots == std::string::npos ? good_date(value)
                                                  : (from.empty() || good_date(from)) && (to.empty() || good_date(to)) &&
                                                        !(from.empty() && to.empty());
        if (!ok) {
            const Char* at = &chars.front();
            for (const Char& c : chars)
                if (c.byte == pos) at = &c;
            fail(query, *at, "bad date '" + value + "' (expected date:YYYY-MM-DD..YYYY-MM-DD, either end optional)");
        }
    }
}

}  // namespace

void check_query_syntax(std::string_view query) {
    const std::vector<Char> chars = characters(query);
    const Char* open_quote = nullptr;
    std::vector<const Char*> open_parens;
    for (const Char& c : chars) {
        if (is_quote(c.c)) {
            open_quote = open_quote ? nullptr : &c;
        } else if (open_quote) {
            continue;  // inside a phrase, parentheses are just text
        } else if (c.c == u'(') {
            open_parens.push_back(&c);
        } else if (c.c == u')') {
            if (open_parens.empty()) fail(query, c, "')' without '('");
            open_parens.pop_back();
        }
    }
    if (open_quote) fail(query, *open_quote, "unclosed quote");
    if (!open_parens.empty()) fail(query, *open_parens.back(), "unclosed '('");
    check_dates(query, chars);
}

}  // namespace newsdex
