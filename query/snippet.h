// A short passage of an article around the words that matched, found with
// the same analyzer the index uses, so every inflection that matched by stem
// is highlighted too.
#pragma once

#include "analysis/analyzer.h"

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct SnippetPart {
    std::string text;
    bool highlighted = false;
};

struct Snippet {
    std::vector<SnippetPart> parts;
    std::string plain() const;
    std::vector<std::string> highlighted_words() const;
};

// How many words of an article's text (its body) have each exact form the
// snippet looks for, and at least how many have each stem, as the index
// counted them: it keeps a stem term only for the words no dictionary
// knows, compounds and numbers (schema.h), so a text's other words with
// the stem are not counted; the snippet also analyzes every word spelt
// otherwise than it is read, where its letter search could miss them.
struct MatchCounts {
    std::map<std::string, Xapian::termcount> exact;  // by exact term
    std::map<std::string, Xapian::termcount> stems;  // by stem (no prefix): at least
    // A word beginning before this offset of the text counts
    // schema::kLeadWeight times, as the index counted the lead (0: no lead).
    int32_t lead_end = 0;
};

// The body's counts from a document's wdf of the exact terms and of "Z" +
// each stem (`wdf`, by index term; a term not there has none): the title's
// words (schema::kTitleWeight each) taken off. `wdf` holding
// schema::kLeadMarker says the index counted the lead's words more.
// Nullopt when the title has more of an exact form than the document (an
// index that counted otherwise).
std::optional<MatchCounts> body_match_counts(Analyzer& analyzer, std::string_view title,
                                             const std::map<std::string, Xapian::termcount>& wdf,
                                             const std::set<std::string>& exact_terms,
                                             const std::set<std::string>& stems);

// `counts`, when given, lets the snippet analyze only the stretches of the
// text around places where a query word's letters appear (most of an
// article's words are never analyzed); the result is used only when it
// found as many matches of each exact form as `counts` says the whole text
// has, and at least as many of each stem, else the whole text is analyzed.
// Either way the snippet is the same.
Snippet make_snippet(Analyzer& analyzer, std::string_view text, const std::set<std::string>& exact_terms,
                     const std::set<std::string>& stems, std::size_t max_chars = 200,
                     const MatchCounts* counts = nullptr);
// The same for text in UTF-16 (as DocDataDecoder gives it beside the UTF-8).
Snippet make_snippet_utf16(Analyzer& analyzer, const icu::UnicodeString& text, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, std::size_t max_chars = 200,
                           const MatchCounts* counts = nullptr);

// The matches make_snippet found, for tests: begin and end (UTF-16 offsets)
// of each highlighted span. `counts` as for make_snippet; `bounded` says
// whether the stretches sufficed.
struct MatchSpans {
    std::vector<std::pair<int32_t, int32_t>> spans;
    std::vector<std::string> keys;
    bool bounded = false;
};
MatchSpans snippet_matches(Analyzer& analyzer, std::string_view text, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, const MatchCounts* counts);

}  // namespace newsdex
