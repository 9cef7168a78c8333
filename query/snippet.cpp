#include "snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace newsdex {
namespace {

struct Match {
    int32_t begin, end;
    std::string key;  // what counts as "the same word" for variety
};

UChar32 first_letter(const std::string& utf8) {
    if (utf8.empty()) return U_SENTINEL;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), c);
    return c;
}

std::vector<Match> find_matches(Analyzer& analyzer, const icu::UnicodeString& text,
                                const std::set<std::string>& exact_terms, const std::set<std::string>& stems) {
    // The Snowball stemmers only take endings off a word, so a word whose
    // first letter begins no wanted stem cannot have one: most words of an
    // article need no stemming (stemming them all was a sixth of a query
    // that prints snippets).
    std::set<UChar32> stem_letters;
    for (const std::string& stem : stems) stem_letters.insert(first_letter(stem));
    std::vector<Match> matches;
    analyzer.tokenize(text, [&](const Token& t) {
        const bool exact = exact_terms.count(t.text) > 0;
        if (!exact && !stem_letters.count(first_letter(t.text))) return;
        std::string stem = analyzer.stemmer()(t.text);
        if (exact || stems.count(stem)) matches.push_back({t.begin, t.end, std::move(stem)});
    });
    // A compound and its parts overlap: keep the widest span starting first.
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Match> merged;
    for (const Match& m : matches)
        if (merged.empty() || m.begin >= merged.back().end) merged.push_back(m);
    return merged;
}

// Start of the window with the most distinct matched words (then the most
// matches, then the earliest).
int32_t best_window_start(const std::vector<Match>& matches, int32_t window) {
    if (matches.empty()) return 0;
    std::size_t best = 0, best_distinct = 0, best_count = 0;
    const std::size_t limit = std::min<std::size_t>(matches.size(), 2000);
    for (std::size_t i = 0; i < limit; ++i) {
        std::set<std::string> distinct;
        std::size_t count = 0;
        for (std::size_t j = i; j < limit && matches[j].end - matches[i].begin <= window; ++j, ++count)
            distinct.insert(matches[j].key);
        if (distinct.size() > best_distinct || (distinct.size() == best_distinct && count > best_count)) {
            best = i;
            best_distinct = distinct.size();
            best_count = count;
        }
    }
    return matches[best].begin;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x00A0; }

// Collapses runs of white space (newlines included) to one space.
void append_collapsed(std::vector<SnippetPart>& parts, const icu::UnicodeString& text, int32_t begin, int32_t end,
                      bool highlighted) {
    icu::UnicodeString piece;
    bool in_space = false;
    for (int32_t i = begin; i < end;) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (is_space(c)) {
            if (!in_space) piece.append(u' ');
            in_space = true;
        } else {
            piece.append(c);
            in_space = false;
        }
    }
    if (piece.isEmpty()) return;
    std::string s;
    piece.toUTF8String(s);
    if (!parts.empty() && parts.back().highlighted == highlighted)
        parts.back().text += s;
    else
        parts.push_back({std::move(s), highlighted});
}

}  // namespace

std::string Snippet::plain() const {
    std::string out;
    for (const SnippetPart& p : parts) out += p.text;
    return out;
}

std::vector<std::string> Snippet::highlighted_words() const {
    std::vector<std::string> out;
    for (const SnippetPart& p : parts)
        if (p.highlighted && std::find(out.begin(), out.end(), p.text) == out.end()) out.push_back(p.text);
    return out;
}

Snippet make_snippet(Analyzer& analyzer, std::string_view utf8_text, const std::set<std::string>& exact_terms,
                     const std::set<std::string>& stems, std::size_t max_chars) {
    const icu::UnicodeString text = utf16_from_utf8(utf8_text);
    const int32_t window = static_cast<int32_t>(max_chars);
    const std::vector<Match> matches = find_matches(analyzer, text, exact_terms, stems);

    // Some words of context before the first match, starting at a word.
    int32_t start = std::max(0, best_window_start(matches, window) - window / 5);
    if (start > 0) {
        while (start < text.length() && !is_space(text.char32At(start))) ++start;
        while (start < text.length() && is_space(text.char32At(start))) ++start;
    }
    int32_t end = std::min(text.length(), start + window);
    if (end < text.length()) {
        int32_t cut = end;
        while (cut > start && !is_space(text.char32At(cut))) --cut;
        if (cut > start) end = cut;
    }

    Snippet snippet;
    if (start > 0) snippet.parts.push_back({"…", false});
    int32_t at = start;
    for (const Match& m : matches) {
        if (m.end <= start || m.begin < at) continue;
        if (m.end > end) break;
        append_collapsed(snippet.parts, text, at, m.begin, false);
        append_collapsed(snippet.parts, text, m.begin, m.end, true);
        at = m.end;
    }
    append_collapsed(snippet.parts, text, at, end, false);
    while (!snippet.parts.empty() && !snippet.parts.back().highlighted &&
           snippet.parts.back().text.find_last_not_of(' ') == std::string::npos)
        snippet.parts.pop_back();
    if (!snippet.parts.empty() && !snippet.parts.back().highlighted) {
        std::string& last = snippet.parts.back().text;
        last.erase(last.find_last_not_of(' ') + 1);
    }
    if (end < text.length()) snippet.parts.push_back({"…", false});
    return snippet;
}

}  // namespace newsdex
