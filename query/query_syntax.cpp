#include "query_syntax.h"

#include "base/dates.h"
#include "base/errors.h"
#include "recency.h"

#include <unicode/utf8.h>

#include <algorithm>
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

// Whether `close` ends a phrase that `open` began: «…», „…“, „…”, “…”, "…".
bool closes(UChar32 open, UChar32 close) {
    switch (open) {
        case u'«': return close == u'»';
        case u'„': return close == u'“' || close == u'”';
        case u'“': return close == u'”';
        case u'"': return close == u'"';
        default: return false;
    }
}

// Whether every quote opens or closes a phrase, none inside another.
bool quotes_pair_up(const std::vector<Char>& chars) {
    UChar32 open = 0;
    for (const Char& c : chars) {
        if (!is_quote(c.c)) continue;
        if (open) {
            if (!closes(open, c.c)) return false;
            open = 0;
        } else if (c.c == u'»' || c.c == u'”') {
            return false;
        } else {
            open = c.c;
        }
    }
    return open == 0;
}

void blank_out(std::string& text, std::size_t begin, std::size_t length) { text.replace(begin, length, length, ' '); }

// ".." outside a date:FROM..TO range ("Все дома..."): QueryParser would
// take it for a range nobody asked for.
void blank_stray_dots(std::string& text) {
    for (std::size_t at = text.find(".."); at != std::string::npos; at = text.find("..", at)) {
        std::size_t end = text.find_first_not_of('.', at);
        if (end == std::string::npos) end = text.size();
        const std::size_t word = text.find_last_of(" (", at);
        const std::size_t start = word == std::string::npos ? 0 : word + 1;
        if (text.compare(start, 5, "date:") != 0) blank_out(text, at, end - at);
        at = end;
    }
}

bool is_binary_operator(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "XOR", "NEAR", "ADJ"})
        if (word == op || (word.size() > op.size() + 1 && word.starts_with(op) && word[op.size()] == '/')) return true;
    return false;
}

// A word of the query outside quoted phrases (where parentheses and
// operators are just text), with the parentheses glued to it.
struct PlainWord {
    std::size_t begin;      // of the word, parentheses around it aside
    std::string_view core;  // the word without them
    bool opens, closes;     // a '(' before it, a ')' after it
};

std::vector<PlainWord> plain_words(const std::string& text) {
    std::vector<PlainWord> words;
    bool in_phrase = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t begin = text.find_first_not_of(' ', i);
        if (begin == std::string::npos) break;
        std::size_t end = text.find(' ', begin);
        if (end == std::string::npos) end = text.size();
        i = end;
        const std::string_view word(text.data() + begin, end - begin);
        const bool phrase = in_phrase;
        for (std::string_view quote : {"\"", "«", "»", "„", "“", "”"})
            for (std::size_t q = word.find(quote); q != std::string_view::npos; q = word.find(quote, q + 1))
                in_phrase = !in_phrase;
        if (phrase) continue;
        const bool opens = text[begin] == '(', closes = text[end - 1] == ')';
        while (begin < end && text[begin] == '(') ++begin;
        while (end > begin && text[end - 1] == ')') --end;
        words.push_back({begin, std::string_view(text.data() + begin, end - begin), opens, closes});
    }
    return words;
}

bool is_operator(std::string_view word) { return is_binary_operator(word) || word == "NOT"; }

// An operator with nothing on a side it needs ("AND рост", "рост NOT",
// "цены OR OR газ", "(AND газ)") is a word the user did not mean as one.
void blank_lone_operators(std::string& text) {
    const std::vector<PlainWord> words = plain_words(text);
    const auto op = [&](std::size_t i) { return is_operator(words[i].core); };
    // Something for an operator at i to join on its left, and on its right.
    const auto left = [&](std::size_t i) {
        return i > 0 && !words[i].opens && !words[i - 1].core.empty() && !op(i - 1);
    };
    const auto right = [&](std::size_t i) {
        return i + 1 < words.size() && !words[i].closes && !words[i + 1].core.empty() &&
               (!op(i + 1) || words[i + 1].core == "NOT");
    };
    std::vector<std::size_t> lone;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!op(i)) continue;
        const bool meant = words[i].core == "NOT" ? right(i) && words[i + 1].core != "NOT" : left(i) && right(i);
        if (!meant) lone.push_back(i);
    }
    // Beside other words, a lone operator goes: read as an English word it
    // would outrank them («and» is rare in Russian news). Alone, it is
    // what was asked for («OR», the US state's code): a word, not an
    // empty query.
    const bool only_operators =
        std::all_of(words.begin(), words.end(), [&](const PlainWord& w) { return w.core.empty() || is_operator(w.core); });
    for (std::size_t i : lone) {
        if (!only_operators) {
            blank_out(text, words[i].begin, words[i].core.size());
            continue;
        }
        for (std::size_t at = words[i].begin; at < words[i].begin + words[i].core.size(); ++at)
            if (text[at] >= 'A' && text[at] <= 'Z') text[at] = static_cast<char>(text[at] - 'A' + 'a');
    }
}

// Whether parentheses could group anything here: an operator (what
// blank_lone_operators left is meant), or a field, + or - put before a
// '(' (title:(…), -(…)). Without these, words join the same way inside a
// group and outside it.
bool groups_matter(const std::string& text) {
    for (const PlainWord& word : plain_words(text))
        if (is_operator(word.core)) return true;
    for (std::size_t at = text.find('('); at != std::string::npos; at = text.find('(', at + 1))
        if (at > 0 && (text[at - 1] == ':' || text[at - 1] == '+' || text[at - 1] == '-')) return true;
    return false;
}

// Parentheses that do not pair up, where grouping would change nothing
// (groups_matter), were not meant as a group: a pasted fragment cut
// inside a parenthesis («Доходы бюджета (без учета НДС»), a list's «1)».
// They become spaces; those that pair up stay. Where grouping does
// matter, one that does not pair up is structure gone wrong, which
// check_query_syntax reports with its column. Parentheses inside a
// quoted phrase are text (quotes pair up here: as_meant saw to that).
void blank_unpaired_parentheses(std::string& text) {
    std::vector<std::size_t> unpaired, open;
    bool in_phrase = false;
    for (const Char& c : characters(text)) {
        if (is_quote(c.c)) {
            in_phrase = !in_phrase;
        } else if (in_phrase) {
            continue;
        } else if (c.c == u'(') {
            open.push_back(c.byte);
        } else if (c.c == u')') {
            if (open.empty()) unpaired.push_back(c.byte);
            else open.pop_back();
        }
    }
    unpaired.insert(unpaired.end(), open.begin(), open.end());
    if (unpaired.empty() || groups_matter(text)) return;
    for (std::size_t at : unpaired) blank_out(text, at, 1);
}

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

std::string as_meant(std::string_view query) {
    std::string text(query);
    const std::vector<Char> chars = characters(query);
    if (!quotes_pair_up(chars)) {
        // Right to left: a quote replaced by a space shifts what follows it.
        for (auto c = chars.rbegin(); c != chars.rend(); ++c)
            if (is_quote(c->c)) text.replace(c->byte, U8_LENGTH(c->c), " ");
    }
    blank_stray_dots(text);
    blank_lone_operators(text);
    blank_unpaired_parentheses(text);
    return text;
}

void check_query_syntax(std::string_view query) {
    const std::vector<Char> chars = characters(query);
    const Char* open_quote = nullptr;
    std::vector<const Char*> open_parens;
    for (const Char& c : chars) {
        if (is_quote(c.c)) {
            open_quote = open_quote ? nullptr : &c;  // as_meant has paired them
        } else if (open_quote) {
            continue;  // inside a phrase, parentheses are just text
        } else if (c.c == u'(') {
            open_parens.push_back(&c);
        } else if (c.c == u')') {
            if (open_parens.empty()) fail(query, c, "')' without '('");
            open_parens.pop_back();
        }
    }
    if (!open_parens.empty()) fail(query, *open_parens.back(), "unclosed '('");
    check_dates(query, chars);
}

}  // namespace newsdex
