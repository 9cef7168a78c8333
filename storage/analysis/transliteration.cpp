#include "analysis/transliteration.h"

#include "analysis/latin_letters.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace newsdex {
namespace {

// A word is first spelt in symbols: Latin letters, plus one upper-case symbol
// for each sound Latin writes with several letters, so that no rule below
// mistakes the "sh" of ш for с + х. emit() spells the symbols out again.
constexpr char kZh = 'Z', kKh = 'H', kCh = 'X', kSh = 'S';

// а…я (U+0430…U+044F). щ shares ш's symbol: the press writes Khrushchev,
// Khruschev and Khrushev for one man, and names that differ only by ш/щ are
// rare. ь and ъ vanish: passports drop them and the press mostly does too
// (Rosneft, Navalny); the glide they cause before a vowel is handled as й.
constexpr std::array<std::string_view, 32> kCyrillic{
    "a", "b", "v", "g", "d", "e", "Z", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "H", "ts", "X", "S", "S", "", "y", "", "e", "yu", "ya"};

constexpr std::string_view kLatin = "abcdefghijklmnopqrstuvwxyz";

bool is_husher(char c) { return c == kZh || c == kCh || c == kSh; }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_ascii_letter(char c) { c = ascii_lower(c); return c >= 'a' && c <= 'z'; }

// The symbols for the Cyrillic letter `cp`; false if it is not one. Besides
// Russian, і ї є ґ so that Ukrainian spellings quoted in the news get keys.
bool cyrillic_symbols(char32_t cp, std::string_view& symbols) {
    if (cp >= 0x410 && cp < 0x430) cp += 0x20;  // upper case
    if (cp >= 0x400 && cp < 0x410) cp += 0x50;
    if (cp == 0x490) cp = 0x491;
    if (cp >= 0x430 && cp < 0x450) { symbols = kCyrillic[cp - 0x430]; return true; }
    switch (cp) {
        case 0x451: symbols = "e"; return true;   // ё, should the analyzer not fold it
        case 0x454: symbols = "ye"; return true;  // є
        case 0x456: symbols = "i"; return true;   // і
        case 0x457: symbols = "yi"; return true;  // ї
        case 0x491: symbols = "g"; return true;   // ґ
        default: return false;
    }
}

constexpr std::size_t kNotAName = static_cast<std::size_t>(-1);

// Spells a purely Cyrillic word in symbols at `out`; returns how many, or
// kNotAName if a character is not a Cyrillic letter. Cyrillic letters are
// all two bytes in UTF-8 and give at most two symbols.

std::size_t spell_cyrillic(std::string_view word, char* out, std::size_t& letters) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < word.size(); i += 2, ++letters) {
        auto lead = static_cast<unsigned char>(word[i]);
        if (lead < 0xD0 || lead > 0xD2 || i + 1 >= word.size()) return kNotAName;
        auto trail = static_cast<unsigned char>(word[i + 1]);
        if ((trail & 0xC0) != 0x80) return kNotAName;
        auto cp = static_cast<char32_t>((lead & 0x1F) << 6 | (trail & 0x3F));
        std::string_view symbols;
        if (!cyrillic_symbols(cp, symbols)) return kNotAName;
        for (char c : symbols) out[n++] = c;
    }
    return n;
}

struct Sound {
    std::string_view symbols;
    std::size_t letters;
};

// The sound spelt at word[i]. Longest spellings win: "shch" over "sch" over
// "sh". The spellings are the union of BGN/PCGN, passports, ISO-like (j for
// й) and German (tsch, w) conventions; lone h is х, as in Hamas → Хамас.
// Lone c follows English (Clinton → Клинтон, Cecil → Сесил), so the c = ц
// of ISO 9 and Czech (Kudrjavcev) is not understood.
Sound latin_sound(std::string_view word, std::size_t i) {
    auto spelt = [&](std::string_view s) {
        if (word.size() - i < s.size()) return false;
        for (std::size_t k = 0; k < s.size(); ++k)
            if (ascii_lower(word[i + k]) != s[k]) return false;
        return true;
    };
    char c = ascii_lower(word[i]);
    switch (c) {
        case 's':
            if (spelt("shch")) return {"S", 4};
            if (spelt("sch")) return {"S", 3};
            if (spelt("sh")) return {"S", 2};
            return {"s", 1};
        case 't':
            if (spelt("tsch")) return {"X", 4};
            if (spelt("tch")) return {"X", 3};
            if (spelt("th")) return {"t", 2};
            if (spelt("tc")) return {"ts", 2};  // ц in Russian passports of 1997-2010
            return {"t", 1};
        case 'c':
            if (spelt("ch")) return {"X", 2};
            if (spelt("ck")) return {"k", 2};
            if (spelt("ce") || spelt("ci") || spelt("cy")) return {"s", 1};
            return {"k", 1};
        case 'z': return spelt("zh") ? Sound{"Z", 2} : Sound{"z", 1};
        case 'k': return spelt("kh") ? Sound{"H", 2} : Sound{"k", 1};
        case 'p': return spelt("ph") ? Sound{"f", 2} : Sound{"p", 1};
        case 'g': return {"g", spelt("gh") ? 2u : 1u};
        case 'h': return {"H", 1};
        case 'x': return {"ks", 1};
        case 'w': return {"v", 1};
        case 'q': return {"k", 1};
        case 'j': return {"y", 1};
        default: return {kLatin.substr(static_cast<std::size_t>(c - 'a'), 1), 1};
    }
}

// As spell_cyrillic, for a purely Latin word: at most two symbols a letter.
std::size_t spell_latin(std::string_view word, char* out, std::size_t& letters) {
    for (char c : word)
        if (!is_ascii_letter(c)) return kNotAName;
    letters = word.size();
    std::size_t n = 0;
    for (std::size_t i = 0; i < word.size();) {
        Sound sound = latin_sound(word, i);
        for (char c : sound.symbols) out[n++] = c;
        i += sound.letters;
    }
    return n;
}

// The rules below run in this order, each over the symbols s[0, n) in place,
// returning the new count; none lengthens the word.

// ё, folded to е in our Cyrillic, is "yo" in the press at the start and
// after a consonant: Fyodor, Pyotr, Semyon, Solovyov, Gorbachyov.
std::size_t fold_yo(char* s, std::size_t n) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
        bool yo = s[r] == 'y' && r + 1 < n && s[r + 1] == 'o' && (w == 0 || is_consonant(s[w - 1]));
        s[w++] = yo ? 'e' : s[r];
        if (yo) ++r;
    }
    return w;
}

// After ж ч ш щ it is even plain "o" (Gorbachov, Khrushchov). Only before
// v, the surname suffix -ёв: folding every "sho" would make Шолохов and
// Шелехов one name.
std::size_t fold_husher_ov(char* s, std::size_t n) {
    for (std::size_t i = 1; i + 1 < n; ++i)
        if (s[i] == 'o' && s[i + 1] == 'v' && is_husher(s[i - 1])) s[i] = 'e';
    return n;
}

// й, ы and the glide of я ю е are y, i or j by whim (Sergey/Sergei,
// Mariya/Maria, Zelenskyy/Zelenskiy/Zelensky, Yuri/Iurii): one letter here,
// and a run of them is one.
std::size_t merge_i(char* s, std::size_t n) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
        char c = s[r] == 'y' ? 'i' : s[r];
        if (c == 'i' && w > 0 && s[w - 1] == 'i') continue;
        s[w++] = c;
    }
    return w;
}

// е is "ye" at the start and after ь in BGN/PCGN (Yeltsin, Solovyev), "e"
// in passports (Eltsin, Solovev), "ie" in between (Soloviev): keep the e.
std::size_t drop_i_before_e(char* s, std::size_t n) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
        bool glide = s[r] == 'i' && r + 1 < n && s[r + 1] == 'e' && (w == 0 || !is_vowel(s[w - 1]));
        if (!glide) s[w++] = s[r];
    }
    return w;
}

// Between vowels the glide is written or not (Tokayev/Tokaev, Alekseyev/
// Alekseev, Mayakovsky/Maiakovskii) while Cyrillic hides it in the vowel
// letter (Токаев): drop it everywhere.
std::size_t drop_glide_between_vowels(char* s, std::size_t n) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
        bool glide = s[r] == 'i' && w > 0 && is_vowel(s[w - 1]) && r + 1 < n && is_vowel(s[r + 1]);
        if (!glide) s[w++] = s[r];
    }
    return w;
}

// English writes Alexander for Александр.
std::size_t fold_final_nder(char* s, std::size_t n) {
    if (std::string_view(s, n).ends_with("nder")) {
        s[n - 2] = 'r';
        return n - 1;
    }
    return n;
}

// Doubled consonants come and go (Kassym/Касым, Nabiullina/Набиулина).
// Doubled vowels stay: Алексеев must not shrink towards Алексей.
std::size_t collapse_double_consonants(char* s, std::size_t n) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r)
        if (w == 0 || s[r] != s[w - 1] || is_vowel(s[r])) s[w++] = s[r];
    return w;
}

// Symbols are the only upper-case letters a key is worked in.
bool is_symbol(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view spelling(char symbol) {
    switch (symbol) {
        case kZh: return "zh";
        case kKh: return "kh";
        case kCh: return "ch";
        case kSh: return "sh";
        default: return "??";  // no other symbol is ever made
    }
}

std::string emit(const char* s, std::size_t n) {
    std::size_t size = n;
    for (std::size_t i = 0; i < n; ++i) size += is_symbol(s[i]);
    std::string key(size, '\0');
    for (std::size_t i = 0, w = 0; i < n; ++i) {
        if (is_symbol(s[i])) {
            std::string_view digraph = spelling(s[i]);
            key[w++] = digraph[0];
            key[w++] = digraph[1];
        } else {
            key[w++] = s[i];
        }
    }
    return key;
}


}  // namespace

std::string name_key(std::string_view word) {
    // Symbols are worked on in a stack buffer, so a call allocates at most
    // its result; no name is near 64 bytes, but longer words still get keys.
    char local[128];
    std::string spill;
    char* s = local;
    if (2 * word.size() > sizeof local) {
        spill.resize(2 * word.size());
        s = spill.data();
    }
    std::size_t letters = 0;
    bool ascii = !word.empty() && static_cast<unsigned char>(word[0]) < 0x80;
    std::size_t n = ascii ? spell_latin(word, s, letters) : spell_cyrillic(word, s, letters);
    if (n == kNotAName || letters < 3) return {};
    n = fold_yo(s, n);
    n = fold_husher_ov(s, n);
    n = merge_i(s, n);
    n = drop_i_before_e(s, n);
    n = drop_glide_between_vowels(s, n);
    n = fold_final_nder(s, n);
    n = collapse_double_consonants(s, n);
    return emit(s, n);
}

std::string ascii_spelling(std::string_view word) {
    // Letters with a diacritic other than the acute, in UTF-8, as the
    // language writes them without it (German ä ö ü ß; Polish ł ą ę ś ć ń ź
    // ż ó; Czech and Slovak š č ž ř ě ů ý; Spanish ñ; French è ê à ô;
    // Turkish ç ğ ş ı (ç is Turkish ч: Çavuşoğlu, Чавушоглу, rather than
    // French с); Scandinavian å ø), and as Russian then reads them where it
    // differs (ę before a consonant: Валенса; ř: Дворжак). Not ICU's
    // Latin-ASCII transliterator: it drops the mark alone (müller → muller,
    // dvořák → dvorak, wałęsa → walesa, çavuşoğlu → cavusoglu, schröder →
    // schroder), and of these six names only erdogan then keys as Russian
    // writes it (uconv -x Latin-ASCII, 2026-12-07).
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 35> kLetters{{
        {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"ł", "l"}, {"ą", "on"}, {"ę", "en"},
        {"ś", "s"}, {"ć", "ch"}, {"ń", "n"}, {"ź", "z"}, {"ż", "zh"}, {"ó", "o"}, {"š", "sh"},
        {"č", "ch"}, {"ž", "zh"}, {"ř", "rzh"}, {"ě", "e"}, {"ů", "u"}, {"ý", "y"}, {"ñ", "ny"},
        {"ç", "ch"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"à", "a"}, {"â", "a"}, {"ô", "o"}, {"î", "i"},
        {"ï", "i"}, {"ğ", "g"}, {"ş", "sh"}, {"ı", "y"}, {"å", "o"}, {"ø", "e"},
    }};
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        if (is_ascii_letter(word[i])) {
            out += ascii_lower(word[i++]);
            continue;
        }
        const auto letter = std::find_if(kLetters.begin(), kLetters.end(),
                                         [&](const auto& l) { return word.substr(i, l.first.size()) == l.first; });
        if (letter == kLetters.end()) return {};
        out += letter->second;
        i += letter->first.size();
    }
    return out;
}

std::string cyrillic_spelling(std::string_view key) {
    // Digraphs first, as name_key emits them; then one letter a letter.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kDigraphs{{
        {"sh", "ш"}, {"ch", "ч"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"}, {"iu", "ю"}, {"ia", "я"}, {"ks", "кс"}}};
    static constexpr std::array<std::string_view, 26> kLetters{
        "а", "б", "к", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м",
        "н", "о", "п", "к", "р", "с", "т", "у", "в", "в", "кс", "й", "з"};
    std::string out;
    for (std::size_t i = 0; i < key.size();) {
        const auto digraph = std::find_if(kDigraphs.begin(), kDigraphs.end(),
                                          [&](const auto& d) { return key.substr(i, 2) == d.first; });
        if (digraph != kDigraphs.end()) {
            out += digraph->second;
            i += 2;
        } else if (key[i] >= 'a' && key[i] <= 'z') {
            out += kLetters[static_cast<std::size_t>(key[i++] - 'a')];
        } else {
            return {};
        }
    }
    return out;
}

}  // namespace newsdex
