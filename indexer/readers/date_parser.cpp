#include "readers/date_parser.h"

#include "analysis/word_normalizer.h"
#include "readers/ascii_space.h"
#include "base/dates.h"

#include <chrono>
#include <cstdio>
#include <cstddef>
#include <vector>

namespace newsdex {
namespace {

namespace chr = std::chrono;

// A date field is short; anything longer is prose or junk, and refusing it
// keeps the work bounded whatever an archive throws at us.
constexpr std::size_t kMaxDateText = 200;
constexpr int kMinYear = 1900, kMaxYear = 2100;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Bytes of multibyte UTF-8 count as letters: month names are Cyrillic.
bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

std::optional<chr::year_month_day> make_date(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                  chr::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

// ---- Tokens ----------------------------------------------------------------

struct Token {
    enum class Kind { number, word, punct };
    Kind kind;
    std::string_view text;
    // Whitespace before the token: "14:05:30.5" is one time, "14:05 +0300" a time and a zone.
    bool spaced;
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    bool spaced = false;
    for (std::size_t i = 0; i < s.size();) {
        if (is_ascii_space(s[i])) {
            spaced = true;
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        Token::Kind kind = Token::Kind::punct;
        if (is_digit(s[i])) {
            kind = Token::Kind::number;
            while (end < s.size() && is_digit(s[end])) ++end;
        } else if (is_word_byte(s[i])) {
            kind = Token::Kind::word;
            while (end < s.size() && is_word_byte(s[end])) ++end;
        }
        tokens.push_back({kind, s.substr(i, end - i), spaced});
        spaced = false;
        i = end;
    }
    return tokens;
}

bool is_number(const Token* t, std::size_t min_digits, std::size_t max_digits) {
    return t && t->kind == Token::Kind::number && t->text.size() >= min_digits && t->text.size() <= max_digits;
}
bool is_punct(const Token* t, char c) { return t && t->kind == Token::Kind::punct && t->text[0] == c; }
bool is_word(const Token* t, std::string_view w) { return t && t->kind == Token::Kind::word && t->text == w; }
bool joined(const Token* t) { return t && !t->spaced; }

// Callers check the length first, so this never overflows.
int value(const Token& t) {
    int v = 0;
    for (char c : t.text) v = v * 10 + (c - '0');
    return v;
}

// ---- Vocabulary -----------------------------------------------------------

struct MonthName {
    std::string_view name;
    int month;
    bool english;  // only English dates come with two-digit years (RFC 822)
};

// Nominative, genitive and the abbreviations Russian sites actually print.
constexpr MonthName kMonths[] = {
    {"январь", 1, false},    {"января", 1, false},    {"янв", 1, false},      {"февраль", 2, false},
    {"февраля", 2, false},   {"фев", 2, false},       {"февр", 2, false},     {"март", 3, false},
    {"марта", 3, false},     {"мар", 3, false},       {"апрель", 4, false},   {"апреля", 4, false},
    {"апр", 4, false},       {"май", 5, false},       {"мая", 5, false},      {"июнь", 6, false},
    {"июня", 6, false},      {"июн", 6, false},       {"июль", 7, false},     {"июля", 7, false},
    {"июл", 7, false},       {"август", 8, false},    {"августа", 8, false},  {"авг", 8, false},
    {"сентябрь", 9, false},  {"сентября", 9, false},  {"сен", 9, false},      {"сент", 9, false},
    {"октябрь", 10, false},  {"октября", 10, false},  {"окт", 10, false},     {"ноябрь", 11, false},
    {"ноября", 11, false},   {"ноя", 11, false},      {"нояб", 11, false},    {"декабрь", 12, false},
    {"декабря", 12, false},  {"дек", 12, false},
    {"january", 1, true},    {"jan", 1, true},        {"february", 2, true},  {"feb", 2, true},
    {"march", 3, true},      {"mar", 3, true},        {"april", 4, true},     {"apr", 4, true},
    {"may", 5, true},        {"june", 6, true},       {"jun", 6, true},       {"july", 7, true},
    {"jul", 7, true},        {"august", 8, true},     {"aug", 8, true},       {"september", 9, true},
    {"sep", 9, true},        {"sept", 9, true},       {"october", 10, true},  {"oct", 10, true},
    {"november", 11, true},  {"nov", 11, true},       {"december", 12, true}, {"dec", 12, true},
};

const MonthName* month_name(const Token* t) {
    if (!t || t->kind != Token::Kind::word) return nullptr;
    for (const MonthName& m : kMonths)
        if (m.name == t->text) return &m;
    return nullptr;
}

constexpr std::string_view kWeekdays[] = {
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "пн", "вт", "ср", "чт", "пт", "сб", "вс", "пон", "суб", "воскр",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
};

struct ZoneName {
    std::string_view name;
    int offset_minutes;
};

// The RFC 822 names plus Moscow time, which Russian sites write as МСК.
constexpr ZoneName kZones[] = {
    {"z", 0},      {"ut", 0},     {"utc", 0},    {"gmt", 0},    {"msk", 180},  {"мск", 180},  {"est", -300},
    {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
};

// ---- Parser -----------------------------------------------------------------

struct ClockTime {
    int hour, minute, second;
};

struct Reading {
    std::optional<chr::year_month_day> date;
    std::optional<ClockTime> time;
    std::optional<int> offset_minutes;
};

// Reads the tokens as a sequence of parts — a date, a time with an optional
// zone — joined by commas or "в"/"at", with an optional weekday in front.
// Every token must belong to a part: an unexplained word means we are
// guessing, and a wrong date in the catalog is worse than none.
class DateTextParser {
public:
    explicit DateTextParser(const std::vector<Token>& tokens) : tokens_(tokens) {}

    std::optional<Reading> parse() {
        if (weekday() && !skip_punct(',')) skip_punct('.');
        bool expecting_part = true;
        while (pos_ < tokens_.size()) {
            if (part()) {
                expecting_part = false;
            } else if (!expecting_part && connector()) {
                expecting_part = true;
            } else {
                return std::nullopt;
            }
        }
        if (expecting_part || !reading_.date) return std::nullopt;
        return reading_;
    }

private:
    const Token* at(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }

    bool skip_punct(char c) {
        if (!is_punct(at(pos_), c)) return false;
        ++pos_;
        return true;
    }

    bool weekday() {
        const Token* t = at(pos_);
        if (!t || t->kind != Token::Kind::word) return false;
        for (std::string_view w : kWeekdays) {
            if (t->text != w) continue;
            ++pos_;
            return true;
        }
        return false;
    }

    bool part() {
        if (!reading_.date && (numeric_date() || day_month_year() || month_day_year())) return true;
        if (!reading_.time && clock_time()) {
            zone();
            return true;
        }
        return false;
    }

    bool connector() {
        const Token* t = at(pos_);
        // ISO's "T" glues date and time with no spaces on either side.
        const bool iso_t = is_word(t, "t") && joined(t) && joined(at(pos_ + 1)) && reading_.date && !reading_.time;
        if (!is_punct(t, ',') && !is_word(t, "в") && !is_word(t, "at") && !iso_t) return false;
        ++pos_;
        return true;
    }

    // "24.11.2025", "24/11/2025", "2025-11-24", "2025/11/24": day first unless the year leads,
    // as Russian writes it; "11/24/2025" fails as month 24 rather than being guessed American.
    bool numeric_date() {
        const Token *a = at(pos_), *sep1 = at(pos_ + 1), *b = at(pos_ + 2), *sep2 = at(pos_ + 3), *c = at(pos_ + 4);
        if (!sep1 || sep1->kind != Token::Kind::punct || !joined(sep1) || !joined(b) || !joined(sep2) || !joined(c))
            return false;
        const char sep = sep1->text[0];
        if ((sep != '-' && sep != '.' && sep != '/') || !is_punct(sep2, sep) || !is_number(b, 1, 2)) return false;
        std::optional<chr::year_month_day> date;
        if (is_number(a, 4, 4) && is_number(c, 1, 2))
            date = make_date(value(*a), value(*b), value(*c));
        else if (is_number(a, 1, 2) && is_number(c, 4, 4))
            date = make_date(value(*c), value(*b), value(*a));
        if (!date) return false;
        pos_ += 5;
        reading_.date = date;
        year_suffix();
        return true;
    }

    // "24 ноября 2025", "24 нояб. 2025 г.", "24 Nov 2025", RFC 822's "24 Nov 25".
    bool day_month_year() {
        std::size_t p = pos_;
        const Token* day = at(p++);
        if (!is_number(day, 1, 2)) return false;
        if (english_ordinal(at(p))) ++p;
        const MonthName* month = month_name(at(p++));
        if (!month) return false;
        if (is_punct(at(p), '.') && joined(at(p))) ++p;
        const Token* year = at(p++);
        int y = 0;
        if (is_number(year, 4, 4))
            y = value(*year);
        else if (month->english && is_number(year, 2, 2))
            y = value(*year) + (value(*year) < 50 ? 2000 : 1900);  // RFC 2822 §4.3
        else
            return false;
        return commit_date(make_date(y, month->month, value(*day)), p);
    }

    // "November 24, 2025", "Nov. 24th 2025": English order only; Russian never writes it.
    bool month_day_year() {
        std::size_t p = pos_;
        const MonthName* month = month_name(at(p++));
        if (!month || !month->english) return false;
        if (is_punct(at(p), '.') && joined(at(p))) ++p;
        const Token* day = at(p++);
        if (!is_number(day, 1, 2)) return false;
        if (english_ordinal(at(p))) ++p;
        if (is_punct(at(p), ',')) ++p;
        const Token* year = at(p++);
        if (!is_number(year, 4, 4)) return false;
        return commit_date(make_date(value(*year), month->month, value(*day)), p);
    }

    static bool english_ordinal(const Token* t) {
        return joined(t) && (is_word(t, "st") || is_word(t, "nd") || is_word(t, "rd") || is_word(t, "th"));
    }

    bool commit_date(std::optional<chr::year_month_day> date, std::size_t next) {
        if (!date) return false;
        reading_.date = date;
        pos_ = next;
        year_suffix();
        return true;
    }

    // "2025 г.", "2025 года", "2025 год".
    void year_suffix() {
        if (is_word(at(pos_), "г")) {
            ++pos_;
            if (is_punct(at(pos_), '.') && joined(at(pos_))) ++pos_;
        } else if (is_word(at(pos_), "года") || is_word(at(pos_), "год")) {
            ++pos_;
        }
    }

    // "14:05", "14:05:30", "14:05:30.123"; the catalog keeps whole seconds.
    bool clock_time() {
        std::size_t p = pos_;
        const Token* h = at(p);
        const Token* m = at(p + 2);
        if (!is_number(h, 1, 2) || !is_punct(at(p + 1), ':') || !joined(at(p + 1)) || !is_number(m, 2, 2) || !joined(m))
            return false;
        p += 3;
        int second = 0;
        if (is_punct(at(p), ':') && joined(at(p)) && is_number(at(p + 1), 2, 2) && joined(at(p + 1))) {
            second = value(*at(p + 1));
            p += 2;
            const bool fraction_mark = is_punct(at(p), '.') || is_punct(at(p), ',');
            if (fraction_mark && joined(at(p)) && is_number(at(p + 1), 1, kMaxDateText) && joined(at(p + 1))) p += 2;
        }
        const ClockTime time{value(*h), value(*m), second};
        if (time.hour > 23 || time.minute > 59 || time.second > 59) return false;
        reading_.time = time;
        pos_ = p;
        return true;
    }

    // "Z", "+03:00", "+0300", "-05", "GMT", "MSK", "UTC+3" after a time.
    void zone() {
        const Token* t = at(pos_);
        if (t && t->kind == Token::Kind::word) {
            for (const ZoneName& z : kZones) {
                if (t->text != z.name) continue;
                ++pos_;
                reading_.offset_minutes = z.offset_minutes;
                if ((z.name == "utc" || z.name == "gmt") && joined(at(pos_))) numeric_offset();
                return;
            }
            return;
        }
        numeric_offset();
    }

    void numeric_offset() {
        const Token* sign = at(pos_);
        if (!is_punct(sign, '+') && !is_punct(sign, '-')) return;
        const Token* digits = at(pos_ + 1);
        if (!joined(digits)) return;
        std::size_t p = pos_ + 2;
        int hours = 0, minutes = 0;
        if (is_number(digits, 4, 4)) {
            hours = value(*digits) / 100;
            minutes = value(*digits) % 100;
        } else if (is_number(digits, 1, 2)) {
            hours = value(*digits);
            if (is_punct(at(p), ':') && joined(at(p)) && is_number(at(p + 1), 2, 2) && joined(at(p + 1))) {
                minutes = value(*at(p + 1));
                p += 2;
            }
        } else {
            return;
        }
        // Real zones stay within ±14 h; the slack is for historical oddities.
        if (hours > 18 || minutes > 59) return;
        reading_.offset_minutes = (sign->text[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
        pos_ = p;
    }

    const std::vector<Token>& tokens_;
    std::size_t pos_ = 0;
    Reading reading_;
};

std::optional<std::string> utc_timestamp(const chr::year_month_day& date, const ClockTime& time, int offset_minutes) {
    const chr::sys_seconds local = chr::sys_days(date) + chr::hours(time.hour) + chr::minutes(time.minute) +
                                   chr::seconds(time.second);
    const chr::sys_seconds utc = local - chr::minutes(offset_minutes);
    const chr::sys_days day = chr::floor<chr::days>(utc);
    const chr::year_month_day utc_date(day);
    // The catalog promises 1900..2100 for every date it stores, shifted or not.
    if (utc_date.year() < chr::year(kMinYear) || utc_date.year() > chr::year(kMaxYear)) return std::nullopt;
    const auto seconds = static_cast<int>((utc - day).count());
    char clock[32];
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02dZ", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return iso_date(utc_date) + clock;
}

// ---- Paths ------------------------------------------------------------------

bool is_path_word_byte(std::string_view s, std::size_t i) {
    return i < s.size() && (is_digit(s[i]) || is_word_byte(s[i]));
}

bool two_digits(std::string_view s, std::size_t i) { return i + 1 < s.size() && is_digit(s[i]) && is_digit(s[i + 1]); }

int number_at(std::string_view s, std::size_t i, std::size_t n) {
    int v = 0;
    for (std::size_t k = i; k < i + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
}

// The digit run s[begin, end) as the start of a date, if it is one.
std::optional<chr::year_month_day> date_at(std::string_view s, std::size_t begin, std::size_t end) {
    const std::size_t length = end - begin;
    if (length == 8) {
        // A bare digit run glued to letters is more likely an id than a date.
        const bool delimited = (begin == 0 || !is_path_word_byte(s, begin - 1)) && !is_path_word_byte(s, end);
        if (!delimited) return std::nullopt;
        return make_date(number_at(s, begin, 4), number_at(s, begin + 4, 2), number_at(s, begin + 6, 2));
    }
    if (length != 4 || end >= s.size()) return std::nullopt;
    const char sep = s[end];
    if (sep != '/' && sep != '-' && sep != '_') return std::nullopt;
    // Two-digit month and day only: "/2025/11/3.jpg" is a picture number as often as a date.
    if (!two_digits(s, end + 1) || end + 3 >= s.size() || s[end + 3] != sep || !two_digits(s, end + 4))
        return std::nullopt;
    if (end + 6 < s.size() && is_digit(s[end + 6])) return std::nullopt;
    return make_date(number_at(s, begin, 4), number_at(s, end + 1, 2), number_at(s, end + 4, 2));
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text, int default_utc_offset_minutes) {
    text = trim_ascii_space(text);
    if (text.empty() || text.size() > kMaxDateText) return std::nullopt;
    // One spelling of each word to compare against: "Марта", "марта", and a
    // no-break space in "2025\u00a0г." (more often than not) read alike.
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    const std::optional<Reading> reading = DateTextParser(tokens).parse();
    if (!reading) return std::nullopt;
    if (!reading->time) return iso_date(*reading->date);
    return utc_timestamp(*reading->date, *reading->time, reading->offset_minutes.value_or(default_utc_offset_minutes));
}

std::optional<std::string> date_from_path(std::string_view path) {
    // A query string carries tracking ids and timestamps, not the article's date.
    if (path.find("://") != std::string_view::npos) path = path.substr(0, path.find_first_of("?#"));
    std::optional<chr::year_month_day> found;
    for (std::size_t i = 0; i < path.size();) {
        if (!is_digit(path[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < path.size() && is_digit(path[end])) ++end;
        // The innermost date wins: outer directories tend to be named for the day an archive was taken.
        if (auto date = date_at(path, i, end)) found = date;
        i = end;
    }
    if (!found) return std::nullopt;
    return iso_date(*found);
}

}  // namespace newsdex
