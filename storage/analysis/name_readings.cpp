#include "analysis/name_readings.h"

#include "analysis/latin_letters.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <utility>

namespace newsdex {
namespace {

// A spelling's reading by one language's rules: at each letter the longest
// rule that applies, else the letter as it is.
enum class Where : unsigned char {
    anywhere,
    start,                 // at the word's start
    start_before_vowel,    // at the start, a vowel next
    before_front_vowel,    // e, i or y next
    after_vowel_alone,     // after a vowel, no vowel next (a lengthening h)
    before_consonant,      // a consonant next (ö as oe in Schroeder, not in Boeing)
    nasal,                 // a consonant or the end next (French en, in: Melenchon)
    end,                   // at the word's end
    inside,                // not at the start
    between_vowels,        // a vowel on each side (French s: Loiseau)
    before_vowel,          // a vowel next (Italian gi, ci: Giovanni, Ciampi)
    open,                  // a vowel ending its syllable, after a consonant: one consonant (or
                           // th, ch, sh, ph) and a vowel next (English a in Haley, Gates, Davis)
    closed,                // after a consonant, a consonant and then another or the end next
                           // (English a in Mattis, u in Trump; not the a of Ryan)
    before_final_e,        // one consonant, then an e that ends the word, or -es (English a in
                           // Jake, Gates: always ей, as Jack is Джек)
    closed_syllable,       // a consonant, then another or the end, next, whatever comes before
                           // (Ukrainian i in Kyiv, Kharkiv, Hlib)
    before_silent_e,       // one consonant, then an e that ends the word or comes before a
                           // consonant (English i in Biden, Mike, Price)
    end_after_consonant,   // at the end, after a consonant that follows a vowel (English
                           // silent e: Pence, Gates)
    consonant_then_vowel,  // after a consonant, a vowel next (English y in Ryan, Myers)
};

struct ReadingRule {
    std::string_view from;
    std::string_view to;
    Where where = Where::anywhere;
};

// Whether the letters from `next` close a syllable: a consonant, then
// another or the word's end.
bool closes_syllable(std::string_view word, std::size_t next) {
    return next < word.size() && is_consonant(word[next]) && (next + 1 == word.size() || is_consonant(word[next + 1]));
}

// Two letters English writes for one consonant.
bool is_consonant_digraph(std::string_view letters) {
    return letters == "th" || letters == "ch" || letters == "sh" || letters == "ph";
}

bool applies(const ReadingRule& rule, std::string_view word, std::size_t i) {
    if (word.substr(i, rule.from.size()) != rule.from) return false;
    const std::size_t next = i + rule.from.size();
    const bool vowel_next = next < word.size() && (is_vowel(word[next]) || word[next] == 'y');
    switch (rule.where) {
        case Where::anywhere: return true;
        case Where::start: return i == 0;
        case Where::start_before_vowel: return i == 0 && vowel_next;
        case Where::before_front_vowel:
            return next < word.size() && (word[next] == 'e' || word[next] == 'i' || word[next] == 'y');
        case Where::after_vowel_alone: return i > 0 && is_vowel(word[i - 1]) && !vowel_next;
        case Where::before_consonant: return next < word.size() && !vowel_next;
        case Where::nasal: return !vowel_next;
        case Where::end: return next == word.size();
        case Where::inside: return i > 0;
        case Where::between_vowels: return i > 0 && is_vowel(word[i - 1]) && vowel_next;
        case Where::before_vowel: return vowel_next;
        case Where::open: {
            const std::size_t digraph = is_consonant_digraph(word.substr(next, 2)) ? 2 : 1;
            return i > 0 && is_consonant(word[i - 1]) && next + digraph < word.size() && is_consonant(word[next]) &&
                   (is_vowel(word[next + digraph]) || word[next + digraph] == 'y');
        }
        case Where::closed: return i > 0 && is_consonant(word[i - 1]) && closes_syllable(word, next);
        case Where::closed_syllable: return closes_syllable(word, next);
        case Where::before_final_e: {
            const std::string_view rest = word.substr(std::min(next + 1, word.size()));
            return next + 1 < word.size() && is_consonant(word[next]) && (rest == "e" || rest == "es");
        }
        case Where::before_silent_e:
            return next + 1 < word.size() && is_consonant(word[next]) && word[next + 1] == 'e' &&
                   (next + 2 == word.size() || is_consonant(word[next + 2]));
        case Where::consonant_then_vowel:
            return i > 0 && is_consonant(word[i - 1]) && next < word.size() && is_vowel(word[next]);
        case Where::end_after_consonant:
            return next == word.size() && i > 1 && is_consonant(word[i - 1]) &&
                   std::any_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(i - 1), is_vowel);
    }
    return false;
}

// `tables`: read as one, the earlier's rule winning over a later's as long.
std::string read_by(std::string_view word, std::initializer_list<std::span<const ReadingRule>> tables) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        const ReadingRule* best = nullptr;
        for (const std::span<const ReadingRule> rules : tables)
            for (const ReadingRule& rule : rules)
                if ((!best || rule.from.size() > best->from.size()) && applies(rule, word, i)) best = &rule;
        if (best) {
            out += best->to;
            i += best->from.size();
        } else {
            out += word[i++];
        }
    }
    return out;
}

// German (Шольц, Штайнмайер, Шрёдер for Schroeder, Мюллер for Mueller,
// Шойбле for Schaeuble, Цукерберг). Not ie → и: Daniel would read as Данил.
constexpr std::array<ReadingRule, 24> kGerman{{
    {"tsch", "ch"}, {"sch", "sh"}, {"chs", "ks"}, {"ch", "kh"}, {"ck", "k"}, {"tz", "ts"}, {"z", "ts"},
    {"qu", "kv"}, {"aeu", "oi"}, {"eu", "oi"}, {"ei", "ai"}, {"ey", "ai"},
    {"ae", "e", Where::before_consonant}, {"oe", "e", Where::before_consonant}, {"ue", "iu", Where::before_consonant},
    {"st", "sht", Where::start}, {"sp", "shp", Where::start}, {"s", "z", Where::start_before_vowel},
    {"v", "f"}, {"w", "v"}, {"h", "", Where::after_vowel_alone}, {"c", "ts", Where::before_front_vowel},
    {"c", "k"}, {"y", "i"},
}};

// Polish (Качиньский, Моравецкий, Бжезинский, Збигнев); w, j and h are
// name_key's own.
constexpr std::array<ReadingRule, 7> kPolish{{
    {"szcz", "shch"}, {"sz", "sh"}, {"cz", "ch"}, {"rz", "zh"}, {"ch", "kh"}, {"c", "ts"}, {"ie", "e"},
}};

// Spanish (Санчес, Рахой, Эрнандес, Родригес, Кастильо); ch stays ч
// (Sanchez), not c and a mute h.
constexpr std::array<ReadingRule, 10> kSpanish{{
    {"ll", "l"}, {"j", "kh"}, {"g", "kh", Where::before_front_vowel}, {"gue", "ge"}, {"gui", "gi"},
    {"qu", "k"}, {"z", "s"}, {"c", "s", Where::before_front_vowel}, {"h", ""}, {"ch", "ch"},
}};

// French (Олланд, Фийон, Ширак, Меланшон, Жан, Жак, Франсуа, Барнье,
// Лагард, Пежо, Депардье, Луазо, Рено, Гийом): silent h and final
// letters, ch, j, g before a front vowel and gu (its u silent), ou, oi,
// au, eau, eu, ai, the nasal vowels, ill, gn; -cois for -çois typed
// without its cedilla.
constexpr std::array<ReadingRule, 41> kFrench{{
    {"eaux", "o", Where::end}, {"eau", "o"}, {"aux", "o", Where::end}, {"ault", "o", Where::end}, {"au", "o"},
    {"oui", "ui"}, {"ou", "u"}, {"oi", "ua"}, {"cois", "sua", Where::end}, {"ill", "ii", Where::inside},
    {"gn", "ni"}, {"ch", "sh"}, {"ph", "f"}, {"qu", "k"}, {"gu", "g", Where::before_front_vowel},
    {"j", "zh"}, {"geo", "zho"}, {"gea", "zha"},
    {"g", "zh", Where::before_front_vowel}, {"eu", "e"}, {"ai", "e"}, {"ei", "e"}, {"ean", "an"},
    {"en", "an", Where::nasal}, {"em", "am", Where::nasal}, {"ain", "en", Where::nasal},
    {"ein", "en", Where::nasal}, {"in", "en", Where::nasal}, {"un", "en", Where::nasal}, {"u", "iu"},
    {"h", ""}, {"s", "z", Where::between_vowels}, {"c", "s", Where::before_front_vowel},
    {"ier", "ie", Where::end}, {"er", "e", Where::end},
    {"es", "", Where::end}, {"e", "", Where::end}, {"s", "", Where::end}, {"t", "", Where::end},
    {"d", "", Where::end}, {"x", "", Where::end},
}};

// Italian (Джентилони, Джузеппе, Луиджи, Чампи, Марчелло, Анчелотти,
// Ренци, Бонуччи): c and g before a front vowel (cc as чч), ci and gi
// before another vowel (the i only softens), ch and gh, sc, gn, gli, z, s
// between vowels.
constexpr std::array<ReadingRule, 19> kItalian{{
    {"cch", "kk"}, {"ch", "k"}, {"cc", "chch", Where::before_front_vowel}, {"cci", "chch", Where::before_vowel},
    {"gh", "g"}, {"ggi", "dzh", Where::before_vowel}, {"gi", "dzh", Where::before_vowel},
    {"ci", "ch", Where::before_vowel}, {"sci", "sh", Where::before_vowel}, {"sc", "sh", Where::before_front_vowel},
    {"g", "dzh", Where::before_front_vowel}, {"c", "ch", Where::before_front_vowel}, {"gli", "li"}, {"gn", "ni"},
    {"zz", "ts"}, {"z", "ts"}, {"s", "z", Where::between_vowels}, {"h", ""}, {"j", "i"},
}};

// English, as Russian practical transcription writes English names (Трамп,
// Байден, Хейли, Пенс, Гейтс, Блэр, Маккейн, Уилсон, Остин, Браун, Тэтчер):
// j, a silent h after a vowel, w before a vowel at the start, Mc, the vowel
// digraphs, a closed u (Trump, Hunter), an i or a lengthened by a silent e
// (Biden, Price; Gates, Haley), a final silent e, -ey, -dge. Russian writes
// English a two ways, and the spelling does not tell which: an open a as ей
// (Бейкер) or э (Дэвис, Кэмерон), a closed one as а (Харрис) or э (Мэттис,
// Джексон); only before a final e is it always ей (Гейтс, Джейк: Jake is
// not Джек). So the rules every reading shares, and then a table for each
// reading of a. An a after a vowel or y is read as spelt, and y between a
// consonant and a vowel as ай (Ryan: Райан, Myers: Майерс).
constexpr std::array<ReadingRule, 36> kEnglish{{
    {"j", "dzh"}, {"h", "", Where::after_vowel_alone}, {"wr", "r", Where::start}, {"wh", "u", Where::start},
    {"wa", "uo", Where::start}, {"w", "u", Where::start_before_vowel}, {"mcc", "mak", Where::start},
    {"mc", "mak", Where::start}, {"qu", "kv"}, {"ck", "k"},
    // т and ч, which name_key reads "tch" as one of (ч): a doubled t
    // stays т before it (Mitchell: Митчелл, Thatcher: Тэтчер).
    {"tch", "ttch"}, {"dge", "dzh"}, {"ge", "dzh", Where::end}, {"igh", "ai"}, {"ee", "i"}, {"ea", "i"},
    {"oo", "u"}, {"ow", "au"}, {"aw", "o"}, {"au", "o"}, {"air", "er"}, {"ai", "ei"}, {"ay", "ei"},
    {"ey", "i", Where::end}, {"ie", "i", Where::end}, {"oe", "o", Where::end}, {"ar", "ar"},
    {"y", "ai", Where::consonant_then_vowel},
    {"i", "ai", Where::before_silent_e}, {"u", "a", Where::closed}, {"ce", "s", Where::end},
    {"es", "s", Where::end_after_consonant}, {"e", "", Where::end_after_consonant},
    // c as the spelling reads it, before the a it precedes is read as e
    // (Cameron: kemeron, not semeron).
    {"ch", "ch"}, {"c", "s", Where::before_front_vowel}, {"c", "k"},
}};
constexpr std::array<ReadingRule, 1> kEnglishLongA{{{"a", "ei", Where::open}}};
constexpr std::array<ReadingRule, 3> kEnglishFlatA{{
    {"a", "ei", Where::before_final_e}, {"a", "e", Where::open}, {"a", "e", Where::closed}}};
// Nor does it tell how English s between vowels sounds: as с (Pelosi:
// Пелоси, Mason: Мейсон) or voiced, as з (Theresa: Тереза, Rosa: Роза,
// Susan: Сьюзен), which Russian transcription follows. So each reading of
// a comes with s read as spelt, and with s between vowels read as z.
constexpr std::array<ReadingRule, 0> kEnglishPlainS{};
constexpr std::array<ReadingRule, 1> kEnglishVoicedS{{{"s", "z", Where::between_vowels}}};

// Ukrainian, spelt by Ukraine's official romanization (2010), as Russian
// writes the same names (Киев, Харьков, Львов, Луганск, Глеб, Сергей):
// h is Ukrainian г, y is и, and where Ukrainian has і in a closed syllable
// Russian mostly has о or е (Київ: Киев, Харків: Харьков, Львів: Львов,
// Гліб: Глеб), as it has -ий or -ей for Ukrainian -ій (Григорій: Григорий,
// Сергій: Сергей): so a table every reading shares, and one for each
// vowel Russian may have there.
// After a vowel, before a consonant, i is й (Hroisman: Гройсман), not a
// closed syllable's і.
constexpr std::array<ReadingRule, 8> kUkrainian{{
    {"shch", "shch"}, {"kh", "kh"}, {"zh", "zh"}, {"sh", "sh"}, {"ch", "ch"}, {"h", "g"}, {"y", "i"},
    {"i", "i", Where::after_vowel_alone},
}};
constexpr std::array<ReadingRule, 2> kUkrainianO{{{"i", "o", Where::closed_syllable}, {"iy", "ii", Where::end}}};
constexpr std::array<ReadingRule, 2> kUkrainianE{{{"i", "e", Where::closed_syllable}, {"iy", "ei", Where::end}}};

// A Ukrainian spelling's mark: ї or й beside і or и (yi, iy, yy), a final
// -iv (-ів, the Russian -ов, -ев), or an h that is neither part of kh, zh,
// sh, ch nor an English one starting the word before a vowel (Harris).
bool looks_ukrainian(std::string_view word) {
    if (word.find("yi") != word.npos || word.find("iy") != word.npos || word.find("yy") != word.npos ||
        word.ends_with("iv"))
        return true;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] != 'h') continue;
        const bool digraph = i > 0 && (word[i - 1] == 'k' || word[i - 1] == 'z' || word[i - 1] == 's' || word[i - 1] == 'c');
        const bool english_start = i == 0 && word.size() > 1 && (is_vowel(word[1]) || word[1] == 'y');
        if (!digraph && !english_start) return true;
    }
    return false;
}


// Chinese names in pinyin, as Russian writes them by Palladius's system
// (Си Цзиньпин, Ли Кэцян, Синьцзян, Ухань, Хуавэй, Гуанчжоу): a syllable
// is an initial and a final, each written its own way, in name keys'
// letters (Цзиньпин: tszinpin). The syllables are pinyin's own: j, q and x
// only before i and ü (written u), g, k and h never before i, zh, ch, sh,
// r, z, c and s before no i but their own (чжи, цзы), so few English words
// read as pinyin. (Japanese kana below are written with the same parts.)
struct SyllablePart {
    std::string_view latin;  // as pinyin or Hepburn spells it
    std::string_view russian;
};

constexpr std::array<SyllablePart, 21> kPinyinInitials{{
    {"zh", "chzh"}, {"ch", "ch"}, {"sh", "sh"}, {"b", "b"}, {"p", "p"}, {"m", "m"}, {"f", "f"},
    {"d", "d"}, {"t", "t"}, {"n", "n"}, {"l", "l"}, {"g", "g"}, {"k", "k"}, {"h", "kh"},
    {"j", "tsz"}, {"q", "ts"}, {"x", "s"}, {"r", "zh"}, {"z", "tsz"}, {"c", "ts"}, {"s", "s"},
}};

// After an initial; i-finals and ü-finals are told apart below.
constexpr std::array<SyllablePart, 32> kPinyinFinals{{
    {"a", "a"}, {"o", "o"}, {"e", "e"}, {"ai", "ai"}, {"ei", "ei"}, {"ao", "ao"}, {"ou", "ou"},
    {"an", "an"}, {"en", "en"}, {"ang", "an"}, {"eng", "en"}, {"ong", "un"},
    {"i", "i"}, {"ia", "ia"}, {"iao", "iao"}, {"ie", "e"}, {"iu", "iu"}, {"ian", "ian"}, {"in", "in"},
    {"iang", "ian"}, {"ing", "in"}, {"iong", "iun"},
    {"u", "u"}, {"ua", "ua"}, {"uo", "o"}, {"uai", "uai"}, {"ui", "ui"}, {"uan", "uan"}, {"un", "un"},
    {"uang", "uan"}, {"ue", "iue"}, {"v", "iui"},
}};

// Syllables without an initial.
constexpr std::array<SyllablePart, 35> kPinyinBare{{
    {"a", "a"}, {"o", "o"}, {"e", "e"}, {"ai", "ai"}, {"ei", "ei"}, {"ao", "ao"}, {"ou", "ou"}, {"an", "an"},
    {"en", "en"}, {"ang", "an"}, {"eng", "en"}, {"er", "er"}, {"yi", "i"}, {"ya", "ia"}, {"yao", "iao"},
    {"ye", "e"}, {"you", "iu"}, {"yan", "ian"}, {"yin", "in"}, {"yang", "ian"}, {"ying", "in"},
    {"yong", "iun"}, {"yu", "iui"}, {"yue", "iue"}, {"yuan", "iuan"}, {"yun", "iun"}, {"wu", "u"},
    {"wa", "va"}, {"wo", "vo"}, {"wai", "vai"}, {"wei", "vei"}, {"wan", "van"}, {"wen", "ven"},
    {"wang", "van"}, {"weng", "ven"},
}};

// How Palladius writes `final` after `initial`, or nullopt where pinyin
// has no such syllable.
std::optional<std::string> pinyin_final(std::string_view initial, const SyllablePart& final) {
    const std::string_view f = final.latin;
    const bool i_final = f.front() == 'i';
    const bool u_final = f.front() == 'u' || f == "v";
    if (initial == "j" || initial == "q" || initial == "x") {
        if (!i_final && !u_final) return std::nullopt;
        // Their u is ü: xu сюй, xuan сюань, jun цзюнь, xue сюэ.
        if (f == "u") return std::string("iui");
        if (f == "uan" || f == "un") return "i" + std::string(final.russian);
        if (f == "ua" || f == "uo" || f == "uai" || f == "ui" || f == "uang") return std::nullopt;
        return std::string(final.russian);
    }
    const bool sibilant = initial == "zh" || initial == "ch" || initial == "sh" || initial == "r" ||
                          initial == "z" || initial == "c" || initial == "s";
    if (i_final && (initial == "g" || initial == "k" || initial == "h")) return std::nullopt;
    if (i_final && sibilant) {
        if (f != "i") return std::nullopt;
        // цзы, цы, сы; чжи, чи, ши, жи.
        return std::string(initial == "z" || initial == "c" || initial == "s" ? "y" : "i");
    }
    if ((f == "ue" || f == "v") && initial != "n" && initial != "l") return std::nullopt;
    return std::string(final.russian);
}

// The syllables of a pinyin spelling, read from `at`, as Palladius writes
// them; the longest first, and nullopt when the rest is not pinyin.
// `unreadable`: the places from which the rest was found not to be pinyin,
// so each is tried once (xianxian… splits three ways at every xian: a long
// word that fails at its end would be tried in 3ⁿ ways).
std::optional<std::string> read_pinyin(std::string_view word, std::size_t at, std::size_t& syllables,
                                       std::vector<bool>& unreadable) {
    if (at == word.size()) return std::string();
    if (unreadable[at]) return std::nullopt;
    std::vector<std::pair<std::size_t, std::string>> options;  // letters, Russian
    for (const SyllablePart& bare : kPinyinBare)
        if (word.substr(at, bare.latin.size()) == bare.latin) options.emplace_back(bare.latin.size(), bare.russian);
    for (const SyllablePart& initial : kPinyinInitials) {
        if (word.substr(at, initial.latin.size()) != initial.latin) continue;
        const std::size_t after = at + initial.latin.size();
        for (const SyllablePart& final : kPinyinFinals)
            if (word.substr(after, final.latin.size()) == final.latin)
                if (const std::optional<std::string> written = pinyin_final(initial.latin, final))
                    options.emplace_back(initial.latin.size() + final.latin.size(),
                                         std::string(initial.russian) + *written);
    }
    std::sort(options.begin(), options.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [letters, russian] : options)
        if (std::optional<std::string> rest = read_pinyin(word, at + letters, syllables, unreadable)) {
            ++syllables;
            return russian + *rest;
        }
    unreadable[at] = true;
    return std::nullopt;
}


// Japanese names in Hepburn romanization, as Russian writes them by
// Polivanov's system (Синдзо Абэ, Хиросима, Фукусима, Кисида, Ёсихидэ):
// the same kana, written shi си, chi ти, tsu цу, ji and z дз, sh, ch and j
// before a, u, o ся, тя, дзя…; the rest as spelt (e is э, which keys as e).
// In name keys' letters, y before a vowel for я, ю, ё.
constexpr std::array<SyllablePart, 40> kKana{{
    {"shi", "si"}, {"chi", "ti"}, {"tsu", "tsu"}, {"ji", "dzi"}, {"sha", "sya"}, {"shu", "syu"}, {"sho", "syo"},
    {"cha", "tya"}, {"chu", "tyu"}, {"cho", "tyo"}, {"ja", "dzya"}, {"ju", "dzyu"}, {"jo", "dzyo"},
    {"za", "dza"}, {"zu", "dzu"}, {"ze", "dze"}, {"zo", "dzo"}, {"fu", "fu"}, {"wa", "va"}, {"wo", "o"},
    {"ya", "ya"}, {"yu", "yu"}, {"yo", "yo"}, {"a", "a"}, {"i", "i"}, {"u", "u"}, {"e", "e"}, {"o", "o"},
    // Consonants before a vowel (which the loop reads next), ky, gy…
    // before a, u, o, and the syllabic n.
    {"k", "k"}, {"s", "s"}, {"t", "t"}, {"n", "n"}, {"h", "h"}, {"m", "m"}, {"r", "r"}, {"g", "g"},
    {"d", "d"}, {"b", "b"}, {"p", "p"}, {"y", "y"},
}};

// Hepburn's syllables throughout: each consonant (or ky, sh…) before a
// vowel, but n, which may end a syllable, and a doubled consonant (Hokkaido).
std::optional<std::string> read_hepburn(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        const auto part = std::find_if(kKana.begin(), kKana.end(),
                                       [&](const SyllablePart& k) { return word.substr(i, k.latin.size()) == k.latin; });
        if (part == kKana.end()) return std::nullopt;
        const std::size_t next = i + part->latin.size();
        const char last = part->latin.back();
        const auto at = [&](std::size_t k) { return k < word.size() ? word[k] : '\0'; };
        const bool before_vowel = is_vowel(at(next));
        // ky, gy, ny… before a, u or o; a doubled consonant (sokuon).
        const bool glide = last != 'y' && at(next) == 'y' && (at(next + 1) == 'a' || at(next + 1) == 'u' || at(next + 1) == 'o');
        const bool doubled = at(next) == last && last != 'n' && last != 'y';
        if (!is_vowel(last) && last != 'n' && !before_vowel && !glide && !doubled) return std::nullopt;
        out += part->russian;
        i = next;
    }
    return out;
}

}  // namespace

std::vector<std::string> english_readings(std::string_view word) {
    if (word.empty() || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
    std::vector<std::string> out;
    for (const std::span<const ReadingRule> a : {std::span<const ReadingRule>(kEnglishLongA),
                                                 std::span<const ReadingRule>(kEnglishFlatA)})
        for (const std::span<const ReadingRule> s : {std::span<const ReadingRule>(kEnglishPlainS),
                                                     std::span<const ReadingRule>(kEnglishVoicedS)})
            if (std::string reading = read_by(word, {kEnglish, a, s});
                reading != word && std::find(out.begin(), out.end(), reading) == out.end())
                out.push_back(std::move(reading));
    return out;
}

std::vector<std::string> european_readings(std::string_view word) {
    if (word.empty() || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
    const auto has = [&](std::initializer_list<std::string_view> parts) {
        return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return word.find(p) != word.npos; });
    };
    const auto ends = [&](std::initializer_list<std::string_view> parts) {
        return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return word.ends_with(p); });
    };
    // A language's rules only for a spelling that has a mark of it, and
    // none of the letters it does not write: read the Polish way, Merz
    // would be Меж; the Spanish way, Kurz курс.
    const bool german = has({"sch", "tz", "z", "ei", "eu", "ae", "oe", "ue"}) || word.starts_with("st") ||
                        word.starts_with("sp");
    const bool polish = has({"cz", "sz", "rza", "rze", "rzi", "rzo", "rzu", "rzy"}) ||
                        ends({"ski", "cki", "ska", "cka", "wicz"});
    // Spanish writes no k, w, sh or th (so Jack is not Хак).
    const bool spanish = !has({"k", "w", "sh", "th"}) && (ends({"ez"}) || has({"ll", "j", "qu", "gue", "gui"}));
    // French seldom writes k or w (so Jack is not Жак, nor Mike Мик); its
    // j is no mark of it (Jane is not Жан), but Jean's is.
    const std::size_t n = word.size();
    const bool french = !has({"k", "w"}) &&
                        (has({"eau", "au", "oi", "ou", "eu", "ill", "gn", "qu", "ch", "jea", "ier"}) ||
                         ends({"ac", "ot"}) ||
                         (n >= 3 && word[n - 1] == 'e' && is_consonant(word[n - 2]) && is_consonant(word[n - 3])));
    // Italian ends in a vowel and writes no k, w, x, y or j, nor th or sh
    // (so Jackie is not read so; Alice is, as Аличе, her Italian name).
    const bool italian = n >= 3 && is_vowel(word[n - 1]) && !has({"k", "w", "x", "y", "j", "th", "sh"}) &&
                         has({"gi", "ge", "ci", "ce", "gn", "gli", "sc", "zz", "z", "cch", "gh"});
    std::vector<std::string> out;
    const auto add = [&](std::string reading) {
        if (reading != word && std::find(out.begin(), out.end(), reading) == out.end()) out.push_back(std::move(reading));
    };
    if (looks_ukrainian(word))
        for (const std::span<const ReadingRule> vowel : {std::span<const ReadingRule>(kUkrainianO),
                                                         std::span<const ReadingRule>(kUkrainianE)})
            add(read_by(word, {kUkrainian, vowel}));
    for (const auto& [marked, rules] : {std::pair{german, std::span<const ReadingRule>(kGerman)},
                                        std::pair{polish, std::span<const ReadingRule>(kPolish)},
                                        std::pair{spanish, std::span<const ReadingRule>(kSpanish)},
                                        std::pair{french, std::span<const ReadingRule>(kFrench)},
                                        std::pair{italian, std::span<const ReadingRule>(kItalian)}})
        if (marked) add(read_by(word, {rules}));
    return out;
}

std::string chinese_reading(std::string_view word) {
    if (word.empty() || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
    std::size_t syllables = 0;
    std::vector<bool> unreadable(word.size(), false);
    const std::optional<std::string> reading = read_pinyin(word, 0, syllables, unreadable);
    if (!reading) return {};
    // One syllable is pinyin only with a letter English seldom begins one
    // with so: x, q, z, j or a c that is no ch (Zhang, Qin, Xiong, Cai; not
    // Long, King, Song or Chen).
    bool marked = syllables > 1 || word.find_first_of("xqzj") != word.npos;
    for (std::size_t c = word.find('c'); !marked && c != word.npos; c = word.find('c', c + 1))
        marked = c + 1 == word.size() || word[c + 1] != 'h';
    return marked && *reading != word ? *reading : std::string();
}

std::string japanese_reading(std::string_view word) {
    if (word.empty() || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
    const std::optional<std::string> reading = read_hepburn(word);
    return reading && *reading != word ? *reading : std::string();
}

std::vector<std::string> name_readings(std::string_view latin_word) {
    std::vector<std::string> out = european_readings(latin_word);
    for (std::string& reading : english_readings(latin_word)) out.push_back(std::move(reading));
    for (std::string reading : {chinese_reading(latin_word), japanese_reading(latin_word)})
        if (!reading.empty()) out.push_back(std::move(reading));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace newsdex
