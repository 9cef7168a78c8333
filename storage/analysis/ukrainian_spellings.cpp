#include "analysis/ukrainian_spellings.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <span>

namespace newsdex {
namespace {

// One Latin letter group and the Ukrainian letters it may stand for,
// likeliest first.
struct Unit {
    std::string_view latin;
    std::array<std::string_view, 3> ukrainian;  // empty ones unused
    bool at_end_only = false;
};

// The 2010 system's consonant digraphs: each is its one letter, never its
// two letters apart (kh is х, not кг).
constexpr std::array<Unit, 7> kConsonantDigraphs{{
    {"shch", {"щ"}}, {"zgh", {"зг"}}, {"kh", {"х"}}, {"zh", {"ж"}}, {"ts", {"ц"}}, {"ch", {"ч"}}, {"sh", {"ш"}},
}};

// Vowel groups: ia is я after a consonant (Viacheslav) but ія too (Mariia,
// Maria: Марія), so each group is also read letter by letter. y before a
// vowel is the word-initial form of я, ю, є, ї and the older spelling
// inside a word (Vyacheslav); -iy, -ii, -yy end names in -ій, -ий
// (Oleksiy, Oleksii: Олексій).
constexpr std::array<Unit, 10> kVowelGroups{{
    {"ya", {"я"}},
    {"yu", {"ю"}},
    {"ye", {"є"}},
    {"yi", {"ї"}},
    {"ia", {"я", "ія"}},
    {"iu", {"ю", "ію"}},
    {"ie", {"є", "іє"}},
    {"iy", {"ій"}, true},
    {"ii", {"ій"}, true},
    {"yy", {"ий"}, true},
}};

// Single letters; i is і, or ї and й, which the system writes alike inside
// a word; y is и, or й (Mykhaylo); g is ґ, or г as English spells it.
constexpr std::array<Unit, 23> kLetters{{
    {"a", {"а"}}, {"b", {"б"}}, {"c", {"ц"}}, {"d", {"д"}},      {"e", {"е", "є"}}, {"f", {"ф"}},
    {"g", {"ґ", "г"}}, {"h", {"г"}}, {"i", {"і", "ї", "й"}}, {"j", {"й"}}, {"k", {"к"}}, {"l", {"л"}},
    {"m", {"м"}}, {"n", {"н"}}, {"o", {"о"}}, {"p", {"п"}},      {"r", {"р"}},      {"s", {"с"}},
    {"t", {"т"}}, {"u", {"у"}}, {"v", {"в"}}, {"y", {"и", "й"}}, {"z", {"з"}},
}};

bool is_latin_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Consonants the romanization writes without the ь after them (Vasyl:
// Василь, Ternopil: Тернопіль), where a consonant or the word's end follows.
bool may_be_soft(std::string_view letter) {
    for (std::string_view soft : {"д", "т", "з", "с", "ц", "л", "н"})
        if (letter == soft) return true;
    return false;
}

// Labials and р, which take an apostrophe before я, ю, є, ї (В'ячеслав),
// which the romanization drops.
bool takes_apostrophe(std::string_view letter) {
    for (std::string_view hard : {"б", "п", "в", "м", "ф", "р"})
        if (letter == hard) return true;
    return false;
}

bool is_iotated(std::string_view letters) {
    return letters.starts_with("я") || letters.starts_with("ю") || letters.starts_with("є") ||
           letters.starts_with("ї");
}

class Speller {
public:
    explicit Speller(std::string_view word) : word_(word) {}

    std::vector<std::string> spellings() {
        spell(0, "", "");
        return std::move(out_);
    }

private:
    // Spells word_ from `at` on after `spelt`, whose last letter came from
    // the Ukrainian letters `last`.
    void spell(std::size_t at, const std::string& spelt, std::string_view last) {
        if (out_.size() >= kMaxUkrainianSpellings) return;
        if (at == word_.size()) {
            out_.push_back(capitalized(spelt));
            return;
        }
        if (const Unit* digraph = match(kConsonantDigraphs, at)) {
            follow(*digraph, at, spelt, last);
            return;
        }
        // A vowel group, then its letters one by one.
        for (const auto& table : {std::span<const Unit>(kVowelGroups), std::span<const Unit>(kLetters)})
            if (const Unit* unit = match(table, at)) follow(*unit, at, spelt, last);
    }

    template <typename Table>
    const Unit* match(const Table& table, std::size_t at) const {
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
        for (std::string_view letters : unit.ukrainian) {
            if (letters.empty()) continue;
            if (takes_apostrophe(last) && is_iotated(letters)) spell(next, spelt + "'" + std::string(letters), letters);
            spell(next, spelt + std::string(letters), letters);
            if (may_be_soft(letters) && consonant_or_end_next) spell(next, spelt + std::string(letters) + "ь", "ь");
        }
    }

    static std::string capitalized(const std::string& spelt) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(spelt);
        if (!text.isEmpty()) text.replace(0, 1, static_cast<UChar32>(u_toupper(text.char32At(0))));
        std::string out;
        return text.toUTF8String(out);
    }

    std::string_view word_;
    std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> ukrainian_spellings(std::string_view latin_word) {
    if (latin_word.empty()) return {};
    for (char c : latin_word)
        if (c < 'a' || c > 'z' || c == 'q' || c == 'w' || c == 'x') return {};
    return Speller(latin_word).spellings();
}

}  // namespace newsdex
