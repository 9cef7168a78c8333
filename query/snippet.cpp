#include "snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/schema.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <optional>

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

// Finds the query's words in a text: each token whose exact form is wanted,
// or whose stem is; counting them by term when asked.
class Matcher {
public:
    Matcher(Analyzer& analyzer, const std::set<std::string>& exact_terms, const std::set<std::string>& stems)
        : analyzer_(analyzer), exact_terms_(exact_terms), stems_(stems) {
        // The Snowball stemmers only take endings off a word, so a word whose
        // first letter begins no wanted stem cannot have one: most words of an
        // article need no stemming (stemming them all was a sixth of a query
        // that prints snippets).
        for (const std::string& stem : stems) stem_letters_.insert(first_letter(stem));
    }

    // The matches of `text`, which begins at `offset` of the article; each
    // counted in `found` as the index counts it (found->lead_end).
    void scan(const icu::UnicodeString& text, int32_t offset, std::vector<Match>& out, MatchCounts* found) {
        analyzer_.tokenize(text, [&](const Token& t) {
            const bool exact = exact_terms_.count(t.text) > 0;
            if (!exact && !stem_letters_.count(first_letter(t.text))) return;
            std::string stem = analyzer_.stemmer()(t.text);
            const bool stemmed = stems_.count(stem) > 0;
            if (!exact && !stemmed) return;
            if (found) {
                const Xapian::termcount times = t.begin + offset < found->lead_end ? schema::kLeadWeight : 1;
                if (exact) found->exact[t.text] += times;
                if (stemmed) found->stems[stem] += times;
            }
            out.push_back({t.begin + offset, t.end + offset, std::move(stem)});
        });
    }

private:
    Analyzer& analyzer_;
    const std::set<std::string>& exact_terms_;
    const std::set<std::string>& stems_;
    std::set<UChar32> stem_letters_;
};

// A compound and its parts overlap: keep the widest span starting first.
std::vector<Match> merged(std::vector<Match> matches) {
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Match> out;
    for (Match& m : matches)
        if (out.empty() || m.begin >= out.back().end) out.push_back(std::move(m));
    return out;
}

std::vector<Match> find_matches(Analyzer& analyzer, const icu::UnicodeString& text,
                                const std::set<std::string>& exact_terms, const std::set<std::string>& stems) {
    std::vector<Match> matches;
    Matcher(analyzer, exact_terms, stems).scan(text, 0, matches, nullptr);
    return merged(std::move(matches));
}

// Letters as a query term spells them: the case folding and ё→е of
// normalize_word for Russian and English letters, one UTF-16 unit for one,
// so offsets stay. Other characters stay as they are: a word spelled with
// them is not found here, and then the counts tell (see find_matches_near).
constexpr char16_t folded_unit(char16_t c) {
    if (c >= u'A' && c <= u'Z') return c + 32;
    if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
    if (c == 0x0401 || c == 0x0451) return 0x0435;
    if (c == 0x2010 || c == 0x2011) return u'-';
    return c;
}

// The units of a text that folded_unit turns into a wanted form's first
// unit: the search tests each unit of the text against these as it is,
// folding only where one may begin a wanted form (folding every unit first
// was a tenth of a --batch run of headlines, callgrind). A folded unit f
// comes from f itself, its capital (0x20 below, for a–z and а–я), Ё or ё
// (е), or a Unicode hyphen (-): each candidate is kept if it folds to f.
std::bitset<0x10000> units_folding_to_first(const std::vector<std::u16string>& wanted) {
    std::bitset<0x10000> out;
    for (const std::u16string& w : wanted) {
        const char16_t f = w.front();
        for (char16_t c : {f, static_cast<char16_t>(f - 0x20), char16_t{0x0401}, char16_t{0x0451}, char16_t{0x2010},
                           char16_t{0x2011}})
            if (folded_unit(c) == f) out.set(c);
    }
    return out;
}

// Letters and digits as folded_unit leaves them: what continues a word.
constexpr bool is_word_unit(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || (c >= 0x0430 && c <= 0x044F);
}

bool is_plain_space(UChar32 c) { return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r'; }

// Whether text before `at` and text from `at` are tokenized apart exactly
// as within the whole text: a space or line break, then a character that
// no word break rule (UAX #29, ICU's word.txt) joins to it. Before a space
// (WB3d joins spaces), a line feed (WB3 joins CR LF) or a mark or format
// character (WB4: it belongs to what precedes it) it is not; every other
// rule that keeps characters together has a letter, digit or joiner on its
// left, and looks back no further than one character across what it
// joins, never across a space. The tokenizer then groups nothing across a
// space either: a compound's parts and a number's % or $ touch.
bool is_piece_edge(const icu::UnicodeString& text, int32_t at) {
    if (at <= 0 || at >= text.length()) return true;
    if (!is_plain_space(text.charAt(at - 1))) return false;
    const UChar32 c = text.char32At(at);
    if (is_plain_space(c)) return false;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_EXTEND: case U_WB_FORMAT: case U_WB_ZWJ: case U_WB_WSEGSPACE:
        case U_WB_NEWLINE: case U_WB_CR: case U_WB_LF:
            return false;
        default:
            return true;
    }
}

constexpr bool is_russian_letter(UChar32 c) { return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451; }
constexpr bool is_english_letter(UChar32 c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }

// What the two loops over every unit of a text (the letter search of
// find_matches_near, irregular_spellings) ask of each unit, looked up for
// the units of ASCII, Latin-1 and Cyrillic, nearly all of a Russian text.
// Computed with a branch for each test it was a third of the letter
// search's instructions, and a mispredicted branch at every word's end
// (callgrind and perf, a --batch of headlines).
enum UnitClass : uint8_t {
    kContinuesWord = 1,  // is_word_unit(folded_unit(c)): a letter of either alphabet or a digit
    kPlain = 2,          // a Russian letter А..я, or ASCII but an English letter: read as it is spelt
};
constexpr char16_t kClassifiedUnits = 0x0500;
constexpr std::array<uint8_t, kClassifiedUnits> kUnitClasses = [] {
    std::array<uint8_t, kClassifiedUnits> out{};
    for (char16_t c = 0; c < kClassifiedUnits; ++c) {
        if (is_word_unit(folded_unit(c))) out[c] |= kContinuesWord;
        if ((c >= 0x0410 && c <= 0x044F) || (c < 0x80 && !is_english_letter(c))) out[c] |= kPlain;
    }
    return out;
}();

bool has_class(char16_t c, UnitClass wanted) { return c < kClassifiedUnits && (kUnitClasses[c] & wanted); }

// Signs of Russian text no word holds: no-break space, « », dashes, …, „ “ ”.
bool is_common_sign(char16_t u) {
    switch (u) {
        case 0x00A0: case 0x00AB: case 0x00BB: case 0x2013: case 0x2014: case 0x2026: case 0x201C: case 0x201D:
        case 0x201E:
            return true;
        default:
            return false;
    }
}

// Whether a character outside the Russian and English alphabets and ASCII
// may be part of a word (UAX #29's word breaks, which the tokenizer
// follows): letters and digits of other scripts, the signs kept between
// letters or digits (’), and, after a letter or digit, the marks and
// format characters joined to it (a stress mark, a soft hyphen) and the
// zero-width characters the tokenizer glues a word's halves across.
bool may_be_in_a_word(UChar32 c, bool after_word_unit) {
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_ALETTER: case U_WB_HEBREW_LETTER: case U_WB_NUMERIC: case U_WB_KATAKANA:
        case U_WB_EXTENDNUMLET: case U_WB_MIDLETTER: case U_WB_MIDNUM: case U_WB_MIDNUMLET:
        case U_WB_SINGLE_QUOTE: case U_WB_DOUBLE_QUOTE:
            return true;
        case U_WB_EXTEND: case U_WB_FORMAT: case U_WB_ZWJ:
            return after_word_unit;
        default:
            return after_word_unit && (c == 0x200B || c == 0x2060 || c == 0xFEFF);
    }
}

// Where `text` may spell a word otherwise than normalize_word reads it,
// one folded_unit a letter: each character outside the Russian and English
// alphabets and ASCII that may be in a word, and each run of letters of
// both alphabets (which normalize_word repairs). The letter search of
// find_matches_near may miss a wanted stem there (the index keeps no stem
// term for a word a dictionary knows, schema.h, so it cannot count them):
// these places are analyzed too. Elsewhere a word whose normalized form
// begins with a stem has the stem's letters, folded, where it begins.
std::vector<std::pair<int32_t, int32_t>> irregular_spellings(const icu::UnicodeString& text) {
    std::vector<std::pair<int32_t, int32_t>> out;
    const char16_t* units = text.getBuffer();
    const int32_t length = text.length();
    // Letters, digits and the ASCII signs kept inside a word: a word's run.
    const auto in_run = [](char16_t u) {
        return is_russian_letter(u) || is_english_letter(u) || (u >= u'0' && u <= u'9') || u == u'.' || u == u'\'' ||
               u == u':' || u == u'_';
    };
    for (int32_t i = 0; i < length; ++i) {
        const char16_t u = units[i];
        // Russian letters and ASCII signs, most of a text, pass at once (a
        // loop that classified every character was 5% of a --batch run).
        if (has_class(u, kPlain)) continue;
        if (u >= 0x80 && (is_common_sign(u) || u == 0x0401 || u == 0x0451)) continue;
        if (u < 0x80) {  // an English letter: is its run of both alphabets?
            int32_t begin = i, end = i;
            while (begin > 0 && in_run(units[begin - 1])) --begin;
            while (end < length && in_run(units[end])) ++end;
            if (std::any_of(units + begin, units + end, [](char16_t r) { return is_russian_letter(r); }))
                out.emplace_back(begin, end);
            i = end - 1;  // the run is read whole
            continue;
        }
        const int32_t at = i;
        const bool after_word_unit = at > 0 && is_word_unit(folded_unit(units[at - 1]));
        UChar32 c;
        U16_NEXT(units, i, length, c);
        if (may_be_in_a_word(c, after_word_unit)) out.emplace_back(at, i);
        --i;  // the loop steps past the character
    }
    return out;
}

bool same_counts(const std::map<std::string, Xapian::termcount>& found,
                 const std::map<std::string, Xapian::termcount>& expected, const std::set<std::string>& terms) {
    for (const std::string& term : terms) {
        const auto f = found.find(term);
        const auto e = expected.find(term);
        if ((f == found.end() ? 0 : f->second) != (e == expected.end() ? 0 : e->second)) return false;
    }
    return true;
}

// The matches of the whole text, from only the stretches around where a
// wanted form's letters appear: each stretch runs between piece edges, so
// its tokens are the whole text's there. Every match of the whole text is
// among them when they hold as many matches of each exact term as
// `expected` says the whole text has and at least as many of each stem
// (wherever a word is spelt otherwise than it is read, it is analyzed too:
// irregular_spellings); else (an exact form written with accents,
// look-alike Latin letters or other characters folding cannot see, or
// counts from an index analyzed otherwise) nullopt.
std::optional<std::vector<Match>> find_matches_near(Analyzer& analyzer, const icu::UnicodeString& text,
                                                    const std::set<std::string>& exact_terms,
                                                    const std::set<std::string>& stems, const MatchCounts& expected) {
    // Where a wanted form's letters begin a word (a token begins a word or
    // follows a hyphen, % or $ sign), in one pass over the text.
    std::vector<std::u16string> wanted;
    auto add = [&](const std::string& term) {
        const icu::UnicodeString utf16 = utf16_from_utf8(term);
        std::u16string w(utf16.getBuffer(), static_cast<std::size_t>(utf16.length()));
        for (char16_t& c : w) c = folded_unit(c);
        if (!w.empty()) wanted.push_back(std::move(w));
    };
    for (const std::string& term : exact_terms) add(term);
    // A compound's stem joins its parts' stems («нормативн-правов» of
    // «нормативно-правовой»): its first part's begins the compound.
    for (const std::string& stem : stems) add(stem.substr(0, stem.find('-', 1)));
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    const std::bitset<0x10000> first_units = units_folding_to_first(wanted);

    const char16_t* units = text.getBuffer();
    const int32_t length = text.length();
    std::vector<std::pair<int32_t, int32_t>> spots;
    bool after_word = false;  // whether the unit before `at` continues a word
    for (int32_t at = 0; at < length; ++at) {
        // Whether a word begins here first: the test of the wanted letters
        // passes for about half of all units, unpredictably, and asked
        // first it was most of this function's time (perf, a --batch of
        // headlines).
        const bool begins = !after_word;
        after_word = has_class(units[at], kContinuesWord);
        if (!begins || !first_units.test(units[at])) continue;
        const char16_t first = folded_unit(units[at]);
        // The wanted forms that begin with this unit: a run of the sorted list.
        auto w = std::lower_bound(wanted.begin(), wanted.end(), std::u16string(1, first));
        for (; w != wanted.end() && w->front() == first; ++w) {
            const int32_t size = static_cast<int32_t>(w->size());
            if (size > length - at) continue;
            int32_t k = 1;
            while (k < size && folded_unit(units[at + k]) == (*w)[k]) ++k;
            if (k == size) spots.emplace_back(at, at + size);
        }
    }
    if (!stems.empty()) {
        const std::vector<std::pair<int32_t, int32_t>> irregular = irregular_spellings(text);
        spots.insert(spots.end(), irregular.begin(), irregular.end());
        std::sort(spots.begin(), spots.end());
    }

    std::vector<std::pair<int32_t, int32_t>> pieces;
    int32_t covered = 0;
    for (auto [begin, end] : spots) {
        if (!pieces.empty() && begin < pieces.back().second) {
            if (end <= pieces.back().second) continue;
            begin = pieces.back().second;
        }
        while (!is_piece_edge(text, begin)) --begin;
        while (!is_piece_edge(text, end)) ++end;
        if (!pieces.empty() && begin <= pieces.back().second) {
            covered += end - pieces.back().second;
            pieces.back().second = end;
        } else {
            covered += end - begin;
            pieces.emplace_back(begin, end);
        }
        // Most of the text after all: analyzing it whole costs no more.
        if (covered > text.length() / 2) return std::nullopt;
    }

    Matcher matcher(analyzer, exact_terms, stems);
    std::vector<Match> matches;
    MatchCounts found;
    found.lead_end = expected.lead_end;
    for (const auto& [begin, end] : pieces)
        matcher.scan(icu::UnicodeString(text, begin, end - begin), begin, matches, &found);
    if (!same_counts(found.exact, expected.exact, exact_terms)) return std::nullopt;
    for (const auto& [stem, at_least] : expected.stems)
        if (const auto f = found.stems.find(stem); (f == found.stems.end() ? 0 : f->second) < at_least)
            return std::nullopt;
    return merged(std::move(matches));
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

namespace {

std::vector<Match> all_matches(Analyzer& analyzer, const icu::UnicodeString& text,
                               const std::set<std::string>& exact_terms, const std::set<std::string>& stems,
                               const MatchCounts* counts, bool* bounded = nullptr) {
    if (counts)
        if (std::optional<std::vector<Match>> near = find_matches_near(analyzer, text, exact_terms, stems, *counts)) {
            if (bounded) *bounded = true;
            return std::move(*near);
        }
    if (bounded) *bounded = false;
    return find_matches(analyzer, text, exact_terms, stems);
}

}  // namespace

std::optional<MatchCounts> body_match_counts(Analyzer& analyzer, std::string_view title,
                                             const std::map<std::string, Xapian::termcount>& wdf,
                                             const std::set<std::string>& exact_terms,
                                             const std::set<std::string>& stems) {
    auto wdf_of = [&](const std::string& term) -> Xapian::termcount {
        const auto it = wdf.find(term);
        return it == wdf.end() ? 0 : it->second;
    };
    MatchCounts out;
    if (wdf.count(std::string(schema::kLeadMarker))) out.lead_end = schema::kLeadUnits;
    for (const std::string& term : exact_terms) out.exact[term] = wdf_of(term);
    for (const std::string& stem : stems) out.stems[stem] = wdf_of(std::string(schema::kStemPrefix) + stem);
    // Each title word counts schema::kTitleWeight times in the general field
    // (Analyzer::index_article); a title word a dictionary knows has no
    // stem term to take its share from. The title's matches are counted as
    // a text's are (Matcher, which stems only the words that may have a
    // wanted stem: 104 M -> 91 M instructions over 150 --batch queries).
    if (title.empty()) return out;
    std::vector<Match> ignored;
    MatchCounts in_title;
    Matcher(analyzer, exact_terms, stems).scan(utf16_from_utf8(title), 0, ignored, &in_title);
    for (const auto& [term, times] : in_title.exact) {
        Xapian::termcount& left = out.exact[term];
        if (left < times * schema::kTitleWeight) return std::nullopt;
        left -= times * schema::kTitleWeight;
    }
    for (const auto& [stem, times] : in_title.stems) {
        Xapian::termcount& left = out.stems[stem];
        left -= std::min(left, times * schema::kTitleWeight);
    }
    return out;
}

MatchSpans snippet_matches(Analyzer& analyzer, std::string_view utf8_text, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, const MatchCounts* counts) {
    MatchSpans out;
    for (Match& m : all_matches(analyzer, utf16_from_utf8(utf8_text), exact_terms, stems, counts, &out.bounded)) {
        out.spans.emplace_back(m.begin, m.end);
        out.keys.push_back(std::move(m.key));
    }
    return out;
}

Snippet make_snippet(Analyzer& analyzer, std::string_view utf8_text, const std::set<std::string>& exact_terms,
                     const std::set<std::string>& stems, std::size_t max_chars, const MatchCounts* counts) {
    return make_snippet_utf16(analyzer, utf16_from_utf8(utf8_text), exact_terms, stems, max_chars, counts);
}

Snippet make_snippet_utf16(Analyzer& analyzer, const icu::UnicodeString& text, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, std::size_t max_chars, const MatchCounts* counts) {
    const int32_t window = static_cast<int32_t>(max_chars);
    const std::vector<Match> matches = all_matches(analyzer, text, exact_terms, stems, counts);

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
