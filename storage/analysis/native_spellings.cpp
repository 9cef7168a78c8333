#include "analysis/native_spellings.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <span>

namespace newsdex {
namespace {

// One Latin letter group and the native letters it may stand for,
// likeliest first.
struct Unit {
    std::string_view latin;
    std::array<std::string_view, 3> native;  // empty ones unused
    bool at_end_only = false;
};

// A romanization read backwards.
struct Romanization {
    // Consonant digraphs: each is its one letter, never its letters apart
    // (kh is х, not кг).
    std::span<const Unit> digraphs;
    // Vowel groups, also read letter by letter: ia is я after a consonant
    // but ія too (Mariia, Maria: Марія).
    std::span<const Unit> vowel_groups;
    std::span<const Unit> letters;
    // Consonants written without the ь after them where a consonant or the
    // word's end follows (Vasyl: Василь, Anatol: Анатоль).
    std::array<std::string_view, 7> soft;  // empty ones unused
    // Letters that take an apostrophe before an iotated vowel (В'ячеслав),
    // which the romanization drops.
    std::array<std::string_view, 6> apostrophe_before;
    std::array<std::string_view, 5> iotated;
    std::string_view unwritten;  // Latin letters the romanization never writes
};

// Ukrainian: y before a vowel is the word-initial form of я, ю, є, ї and
// the older spelling inside a word (Vyacheslav); -iy, -ii, -yy end names
// in -ій, -ий (Oleksiy, Oleksii: Олексій); i is і, or ї and й, which the
// system writes alike inside a word; y is и, or й (Mykhaylo); g is ґ, or г
// as English spells it.
constexpr std::array<Unit, 7> kUkrainianDigraphs{{
    {"shch", {"щ"}}, {"zgh", {"зг"}}, {"kh", {"х"}}, {"zh", {"ж"}}, {"ts", {"ц"}}, {"ch", {"ч"}}, {"sh", {"ш"}},
}};
constexpr std::array<Unit, 10> kUkrainianVowelGroups{{
    {"ya", {"я"}}, {"yu", {"ю"}}, {"ye", {"є"}}, {"yi", {"ї"}}, {"ia", {"я", "ія"}}, {"iu", {"ю", "ію"}},
    {"ie", {"є", "іє"}}, {"iy", {"ій"}, true}, {"ii", {"ій"}, true}, {"yy", {"ий"}, true},
}};
constexpr std::array<Unit, 23> kUkrainianLetters{{
    {"a", {"а"}}, {"b", {"б"}}, {"c", {"ц"}}, {"d", {"д"}},      {"e", {"е", "є"}}, {"f", {"ф"}},
    {"g", {"ґ", "г"}}, {"h", {"г"}}, {"i", {"і", "ї", "й"}}, {"j", {"й"}}, {"k", {"к"}}, {"l", {"л"}},
    {"m", {"м"}}, {"n", {"н"}}, {"o", {"о"}}, {"p", {"п"}},      {"r", {"р"}},      {"s", {"с"}},
    {"t", {"т"}}, {"u", {"у"}}, {"v", {"в"}}, {"y", {"и", "й"}}, {"z", {"з"}},
}};
constexpr Romanization kUkrainian{kUkrainianDigraphs,
                                  kUkrainianVowelGroups,
                                  kUkrainianLetters,
                                  {"д", "т", "з", "с", "ц", "л", "н"},
                                  {"б", "п", "в", "м", "ф", "р"},
                                  {"я", "ю", "є", "ї"},
                                  "qwx"};

// Belarusian: y is ы (Belarusian has no и), or й; u is у, or ў, which the
// national system writes alike (Stanislau: Станіслаў); e is е, or э
// (Andrei: Андрэй); ch is ч, or х as Łacinka writes it; ie, ye, je are е
// after a consonant or at the start (Aliaksiej), io, yo, jo ё; a final -y,
// -yy or -yj is -ый (Dzmitry: Дзмітрый).
constexpr std::array<Unit, 8> kBelarusianDigraphs{{
    {"dzh", {"дж"}}, {"shch", {"шч"}}, {"dz", {"дз"}}, {"kh", {"х"}}, {"zh", {"ж"}}, {"ts", {"ц"}},
    {"ch", {"ч", "х"}}, {"sh", {"ш"}},
}};
constexpr std::array<Unit, 15> kBelarusianVowelGroups{{
    {"ya", {"я"}}, {"yu", {"ю"}}, {"ye", {"е"}}, {"yo", {"ё"}}, {"ja", {"я"}}, {"ju", {"ю"}},
    {"je", {"е"}}, {"jo", {"ё"}}, {"ia", {"я", "ія"}}, {"iu", {"ю", "ію"}}, {"ie", {"е", "іе"}}, {"io", {"ё", "іё"}},
    {"yy", {"ый"}, true}, {"yj", {"ый"}, true}, {"y", {"ый"}, true},
}};
constexpr std::array<Unit, 24> kBelarusianLetters{{
    {"a", {"а"}}, {"b", {"б"}}, {"c", {"ц"}}, {"d", {"д"}},      {"e", {"е", "э"}}, {"f", {"ф"}},
    {"g", {"г", "ґ"}}, {"h", {"г"}}, {"i", {"і", "й"}}, {"j", {"й"}}, {"k", {"к"}}, {"l", {"л"}},
    {"m", {"м"}}, {"n", {"н"}}, {"o", {"о"}}, {"p", {"п"}},      {"r", {"р"}},      {"s", {"с"}},
    {"t", {"т"}}, {"u", {"у", "ў"}}, {"v", {"в"}}, {"w", {"ў"}}, {"y", {"ы", "й"}}, {"z", {"з"}},
}};
constexpr Romanization kBelarusian{kBelarusianDigraphs,
                                   kBelarusianVowelGroups,
                                   kBelarusianLetters,
                                   {"дз", "з", "с", "ц", "л", "н"},
                                   {"б", "п", "в", "м", "ф", "р"},
                                   {"я", "ю", "е", "ё", "і"},
                                   "qx"};

bool is_latin_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

template <std::size_t N>
bool is_one_of(std::string_view letters, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), letters) != set.end();
}

template <std::size_t N>
bool begins_with_one_of(std::string_view letters, const std::array<std::string_view, N>& set) {
    return std::any_of(set.begin(), set.end(),
                       [&](std::string_view s) { return !s.empty() && letters.starts_with(s); });
}

class Speller {
public:
    Speller(std::string_view word, const Romanization& rules) : word_(word), rules_(rules) {}

    std::vector<std::string> spellings() {
        spell(0, "", "");
        return std::move(out_);
    }

private:
    // Spells word_ from `at` on after `spelt`, whose last letter came from
    // the native letters `last`.
    void spell(std::size_t at, const std::string& spelt, std::string_view last) {
        if (out_.size() >= kMaxNativeSpellings) return;
        if (at == word_.size()) {
            out_.push_back(spelt);
            return;
        }
        if (const Unit* digraph = match(rules_.digraphs, at)) {
            follow(*digraph, at, spelt, last);
            return;
        }
        // A vowel group, then its letters one by one.
        for (const std::span<const Unit> table : {rules_.vowel_groups, rules_.letters})
            if (const Unit* unit = match(table, at)) follow(*unit, at, spelt, last);
    }

    const Unit* match(std::span<const Unit> table, std::size_t at) const {
        for (const Unit& unit : table) {
            if (word_.substr(at, unit.latin.size()) != unit.latin) continue;
            if (unit.at_end_only && at + unit.latin.size() != word_.size()) continue;
            return &unit;
        }
        return nullptr;
    }

    void follow(const Unit& unit, std::size_t at, const std::string& spelt, std::string_view last) {
        const std::size_t next = at + unit.latin.size();
        const bool consonant_or_end_next = next == word_.size() || !is_latin_vowel(word_[next]);
        for (std::string_view letters : unit.native) {
            if (letters.empty()) continue;
            // The first letters capitalized once, not each spelling.
            const std::string written = spelt.empty() ? capitalized(letters) : std::string(letters);
            if (is_one_of(last, rules_.apostrophe_before) && begins_with_one_of(letters, rules_.iotated))
                spell(next, spelt + "'" + written, letters);
            spell(next, spelt + written, letters);
            if (is_one_of(letters, rules_.soft) && consonant_or_end_next) spell(next, spelt + written + "ь", "ь");
        }
    }

    static std::string capitalized(std::string_view letters) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(std::string(letters));
        if (!text.isEmpty()) text.replace(0, 1, static_cast<UChar32>(u_toupper(text.char32At(0))));
        std::string out;
        return text.toUTF8String(out);
    }

    std::string_view word_;
    const Romanization& rules_;
    std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> native_spellings(std::string_view latin_word, Romanized language) {
    const Romanization& rules = language == Romanized::ukrainian ? kUkrainian : kBelarusian;
    if (latin_word.empty()) return {};
    for (char c : latin_word)
        if (c < 'a' || c > 'z' || rules.unwritten.find(c) != std::string_view::npos) return {};
    return Speller(latin_word, rules).spellings();
}

}  // namespace newsdex
