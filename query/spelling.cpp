#include "spelling.h"

#include "base/schema.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace newsdex {
namespace {

// Words this short are never corrected: a single letter is a word in both
// layouts (в/d, с/c, я/z) with nothing to tell which one was meant.
constexpr std::size_t kMinLettersToSwitch = 2;
// Every one- or two-letter string is one edit away from dozens of words, so
// an edit there is a guess, not a correction.
constexpr std::size_t kMinLettersToEdit = 3;
// Up to this length only one edit is allowed: two edits turn a short word
// into an unrelated one ("кот" → "рок").
constexpr std::size_t kMaxShortWord = 4;

unsigned allowed_distance(std::size_t letters) { return letters <= kMaxShortWord ? 1 : 2; }

// The keys that give Russian letters in ЙЦУКЕН and what they give in QWERTY.
// Punctuation keys count: "hf,jnf" is "работа" typed in the wrong layout.
struct KeyTwin {
    char32_t russian;
    char latin;
};

constexpr std::array<KeyTwin, 33> kKeys{{
    {U'й', 'q'}, {U'ц', 'w'}, {U'у', 'e'}, {U'к', 'r'}, {U'е', 't'}, {U'н', 'y'}, {U'г', 'u'},
    {U'ш', 'i'}, {U'щ', 'o'}, {U'з', 'p'}, {U'х', '['}, {U'ъ', ']'}, {U'ф', 'a'}, {U'ы', 's'},
    {U'в', 'd'}, {U'а', 'f'}, {U'п', 'g'}, {U'р', 'h'}, {U'о', 'j'}, {U'л', 'k'}, {U'д', 'l'},
    {U'ж', ';'}, {U'э', '\''}, {U'я', 'z'}, {U'ч', 'x'}, {U'с', 'c'}, {U'м', 'v'}, {U'и', 'b'},
    {U'т', 'n'}, {U'ь', 'm'}, {U'б', ','}, {U'ю', '.'}, {U'ё', '`'},
}};

const KeyTwin* key_of_russian(char32_t c) {
    auto it = std::find_if(kKeys.begin(), kKeys.end(), [c](const KeyTwin& k) { return k.russian == c; });
    return it == kKeys.end() ? nullptr : &*it;
}

const KeyTwin* key_of_latin(char32_t c) {
    auto it = std::find_if(kKeys.begin(), kKeys.end(), [c](const KeyTwin& k) { return char32_t(k.latin) == c; });
    return it == kKeys.end() ? nullptr : &*it;
}

// A word as code points, with the byte offset just past each one, so that a
// prefix of letters can be cut from the UTF-8 bytes again.
struct Decoded {
    std::u32string chars;
    std::vector<std::size_t> ends;
};

Decoded decode(std::string_view text) {
    Decoded d;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::size_t length = text.size();
    for (std::size_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        d.chars.push_back(c < 0 ? char32_t(0xFFFD) : char32_t(c));
        d.ends.push_back(i);
    }
    return d;
}

void append_utf8(std::string& out, char32_t c) {
    std::uint8_t buffer[U8_MAX_LENGTH];
    std::size_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    out.append(reinterpret_cast<const char*>(buffer), length);
}

// What makes two spellings the same word to a reader: case and ё/е.
std::u32string fold(const std::u32string& chars) {
    std::u32string out;
    out.reserve(chars.size());
    for (char32_t c : chars) {
        const auto folded = char32_t(u_foldCase(UChar32(c), U_FOLD_CASE_DEFAULT));
        out.push_back(folded == U'ё' ? U'е' : folded);
    }
    return out;
}

std::string fold_yo(std::string word) {
    static constexpr std::string_view kYo = "ё", kYe = "е";
    for (std::size_t at = word.find(kYo); at != std::string::npos; at = word.find(kYo, at + kYe.size()))
        word.replace(at, kYo.size(), kYe);
    return word;
}

bool is_ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }

// Prefixed terms ("Zпошлин", "Q…") start with an upper-case ASCII letter;
// numbers and codes are never corrected, nor offered as corrections.
bool is_word(const std::u32string& chars) {
    if (chars.empty() || is_ascii_upper(chars.front())) return false;
    return std::none_of(chars.begin(), chars.end(), [](char32_t c) { return u_isdigit(UChar32(c)); });
}

std::optional<std::string> layout_twin(const Xapian::Database& db, const std::string& word,
                                       const std::u32string& chars, Xapian::doccount word_freq) {
    const std::string twin = fold_yo(switch_keyboard_layout(word));
    if (twin == word || twin.size() > schema::kMaxTermBytes) return std::nullopt;
    const std::u32string twin_chars = decode(twin).chars;
    if (!is_word(twin_chars) || fold(twin_chars) == fold(chars)) return std::nullopt;
    if (db.get_termfreq(twin) <= word_freq) return std::nullopt;
    return twin;
}

struct Candidate {
    std::string term;
    unsigned distance;
    Xapian::doccount freq;
};

// The nearest more frequent words of the vocabulary, by Damerau–Levenshtein
// distance (optimal string alignment: a swap of neighbours is one edit).
//
// Terms come sorted, so each shares its first letters with the one before:
// the distance table rows of the shared letters are kept, which walks the
// vocabulary like a trie. Once a row is wholly above the bound no longer term
// can come back under it (a row's minimum never drops, swaps included), so
// every term starting with those letters is skipped with one skip_to. The
// bound shrinks to the best distance found, so a one-edit match found early
// cuts the rest of the scan to one edit.
class NearestWords {
public:
    NearestWords(std::u32string word, Xapian::doccount word_freq)
        : word_(std::move(word)),
          folded_word_(fold(word_)),
          word_freq_(word_freq),
          bound_(allowed_distance(word_.size())),
          rows_(1, std::vector<unsigned>(word_.size() + 1)),
          row_min_(1, 0) {
        for (std::size_t j = 0; j <= word_.size(); ++j) rows_[0][j] = unsigned(j);
    }

    // Considers every term starting with `prefix`.
    void scan(const Xapian::Database& db, const std::string& prefix) {
        std::u32string previous;  // letters whose rows are in rows_
        const auto end = db.allterms_end(prefix);
        for (auto it = db.allterms_begin(prefix); it != end;) {
            const std::string term = *it;
            const Decoded t = decode(term);
            const std::size_t depth = fill_rows(t.chars, shared_length(previous, t.chars));
            previous.assign(t.chars, 0, depth);
            if (row_min_[depth] > bound_) {
                // '\xff' never occurs in UTF-8, so this passes every term
                // that starts with the first `depth` letters (unless the
                // term is ill-formed and already past it).
                const std::string past = term.substr(0, t.ends[depth - 1]) + '\xff';
                if (past > term)
                    it.skip_to(past);
                else
                    ++it;
                continue;
            }
            const unsigned distance = rows_[depth][word_.size()];
            if (distance <= bound_) consider(term, t.chars, distance, it.get_termfreq());
            ++it;
        }
    }

    std::optional<std::string> best() const {
        return best_ ? std::optional<std::string>(best_->term) : std::nullopt;
    }

private:
    static std::size_t shared_length(const std::u32string& a, const std::u32string& b) {
        return std::size_t(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
    }

    // Fills rows for `term` past the `shared` rows already there; returns the
    // first row over the bound, or the last row if none is.
    std::size_t fill_rows(const std::u32string& term, std::size_t shared) {
        for (std::size_t k = 1; k <= term.size(); ++k) {
            if (k > shared) compute_row(term, k);
            if (row_min_[k] > bound_) return k;
        }
        return term.size();
    }

    void compute_row(const std::u32string& term, std::size_t k) {
        const std::size_t n = word_.size();
        if (rows_.size() <= k) {
            rows_.resize(k + 1, std::vector<unsigned>(n + 1));
            row_min_.resize(k + 1);
        }
        const std::vector<unsigned>& above = rows_[k - 1];
        std::vector<unsigned>& row = rows_[k];
        const char32_t letter = term[k - 1];
        row[0] = unsigned(k);
        unsigned lowest = row[0];
        for (std::size_t j = 1; j <= n; ++j) {
            unsigned d = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + (letter == word_[j - 1] ? 0u : 1u)});
            if (k > 1 && j > 1 && letter == word_[j - 2] && term[k - 2] == word_[j - 1])
                d = std::min(d, rows_[k - 2][j - 2] + 1);
            row[j] = d;
            lowest = std::min(lowest, d);
        }
        row_min_[k] = lowest;
    }

    void consider(const std::string& term, const std::u32string& chars, unsigned distance, Xapian::doccount freq) {
        if (distance > allowed_distance(std::min(chars.size(), word_.size()))) return;
        if (freq <= word_freq_ || !is_word(chars) || fold(chars) == folded_word_) return;
        if (best_ && (distance > best_->distance || (distance == best_->distance && freq <= best_->freq))) return;
        best_ = Candidate{term, distance, freq};
        bound_ = distance;
    }

    const std::u32string word_;
    const std::u32string folded_word_;
    const Xapian::doccount word_freq_;
    unsigned bound_;
    std::vector<std::vector<unsigned>> rows_;  // rows_[k]: distances from the term's first k letters
    std::vector<unsigned> row_min_;
    std::optional<Candidate> best_;
};

}  // namespace

std::string switch_keyboard_layout(std::string_view word) {
    const Decoded d = decode(word);
    // Punctuation keys give letters only in the Russian layout, so the
    // direction is decided once per word: any Russian letter means it was
    // typed in the Russian layout.
    const bool typed_in_russian =
        std::any_of(d.chars.begin(), d.chars.end(), [](char32_t c) { return key_of_russian(c) != nullptr; });
    std::string out;
    out.reserve(word.size() * 2);
    std::size_t start = 0;
    for (std::size_t i = 0; i < d.chars.size(); ++i) {
        const KeyTwin* key = typed_in_russian ? key_of_russian(d.chars[i]) : key_of_latin(d.chars[i]);
        if (!key)
            out.append(word.substr(start, d.ends[i] - start));  // kept byte for byte, ill-formed ones too
        else if (typed_in_russian)
            out += key->latin;
        else
            append_utf8(out, key->russian);
        start = d.ends[i];
    }
    return out;
}

std::optional<std::string> suggest_word(const Xapian::Database& db, const std::string& word) {
    // An empty term would ask Xapian for the document count.
    if (word.empty() || word.size() > schema::kMaxTermBytes) return std::nullopt;
    const Decoded w = decode(word);
    if (!is_word(w.chars) || w.chars.size() < kMinLettersToSwitch) return std::nullopt;

    const Xapian::doccount word_freq = db.get_termfreq(word);
    if (auto twin = layout_twin(db, word, w.chars, word_freq)) return twin;
    if (w.chars.size() < kMinLettersToEdit) return std::nullopt;

    // Only terms sharing the first letter are scanned: the vocabulary of a
    // large index is too big to measure whole. A mistyped first letter is
    // left to the layout rule, but two swapped first letters are common
    // enough to look under the second letter too.
    NearestWords nearest(w.chars, word_freq);
    nearest.scan(db, word.substr(0, w.ends[0]));
    if (w.chars[1] != w.chars[0] && !is_ascii_upper(w.chars[1]))
        nearest.scan(db, word.substr(w.ends[0], w.ends[1] - w.ends[0]));
    return nearest.best();
}

}  // namespace newsdex
