#include "readers/encoding.h"

#include "base/errors.h"

#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace newsdex {
namespace {

// Detection reads this much of the input; conversion always covers all of it.
constexpr std::size_t kSampleBytes = 64 * 1024;

const char* const kBinaryData = "binary data, not text";

// The 8-bit encodings Russian text was stored in, most common first.
// (ISO-8859-5 and MacCyrillic were too rare to be worth their false alarms.)
constexpr std::array<std::string_view, 3> kCandidates{"windows-1251", "KOI8-R", "IBM866"};

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using Detector = std::unique_ptr<UCharsetDetector, DetectorCloser>;

// Stop where someone named the encoding (a mismatch is then worth an error);
// replace with U+FFFD where we guessed it or a BOM vouches for it.
enum class OnInvalid { Stop, Replace };

// Null if ICU knows no encoding by that name.
Converter open_converter(std::string_view name, OnInvalid on_invalid) {
    // ICU takes "" for the platform default and would stop at an embedded NUL.
    if (name.empty() || name.find('\0') != std::string_view::npos) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(std::string(name).c_str(), &status));
    if (U_FAILURE(status) || !converter) return nullptr;
    if (on_invalid == OnInvalid::Stop) {
        ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
        ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU cannot set a converter callback");
    }
    return converter;
}

Converter open_known_converter(std::string_view name, OnInvalid on_invalid) {
    Converter converter = open_converter(name, on_invalid);
    if (!converter) throw std::runtime_error("ICU has no converter for " + std::string(name));
    return converter;
}

// ICU's own names ("ibm-5347_P100-1998") mean nothing to users.
std::string canonical_name(UConverter& converter) {
    UErrorCode status = U_ZERO_ERROR;
    const char* name = ucnv_getName(&converter, &status);
    if (U_FAILURE(status)) return "unknown";
    for (const char* standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char* standard_name = ucnv_getStandardName(name, standard, &status);
        if (U_SUCCESS(status) && standard_name) return standard_name;
    }
    return name;
}

struct Conversion {
    std::string utf8;
    std::size_t invalid_at = std::string_view::npos;  // byte offset where OnInvalid::Stop stopped
    bool ok() const { return invalid_at == std::string_view::npos; }
};

std::size_t invalid_offset(UConverter& from, std::string_view bytes, const char* stopped_at) {
    std::array<char, 32> invalid;
    auto length = static_cast<int8_t>(invalid.size());
    UErrorCode status = U_ZERO_ERROR;
    ucnv_getInvalidChars(&from, invalid.data(), &length, &status);
    const auto consumed = static_cast<std::size_t>(stopped_at - bytes.data());
    if (U_FAILURE(status) || length < 0) return consumed;
    return consumed - std::min(consumed, static_cast<std::size_t>(length));
}

Conversion convert(UConverter& from, std::string_view bytes, OnInvalid on_invalid) {
    Conversion result;
    if (bytes.empty()) return result;  // ICU rejects a null source pointer
    Converter to = open_known_converter("UTF-8", on_invalid);
    result.utf8.reserve(bytes.size());
    // ICU refuses buffers longer than INT32_MAX, so huge inputs go in slices.
    constexpr std::size_t kSliceBytes = std::size_t{1} << 30;
    std::array<char, 16 * 1024> chunk;
    std::array<UChar, 1024> pivot;
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    const char* source = bytes.data();
    const char* const end = source + bytes.size();
    bool reset = true;
    for (;;) {
        const char* slice_end = source + std::min(static_cast<std::size_t>(end - source), kSliceBytes);
        const bool flush = slice_end == end;
        char* target = chunk.data();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_convertEx(to.get(), &from, &target, chunk.data() + chunk.size(), &source, slice_end,
                       pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(),
                       reset, flush, &status);
        reset = false;
        result.utf8.append(chunk.data(), target);
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) {
            if (on_invalid == OnInvalid::Replace)
                throw InputError("conversion to UTF-8 failed (" + std::string(u_errorName(status)) + ")");
            result.invalid_at = invalid_offset(from, bytes, source);
            return result;
        }
        if (flush) return result;
    }
}

// Text has no NUL bytes and hardly any other control characters; binary
// formats are full of both. Real text has none at all, so a tenth is a lot.
// Works on UTF-8 as well as on 8-bit encodings: neither uses bytes below 0x20
// for anything but control characters.
bool looks_binary(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) return true;
    const std::string_view sample = text.substr(0, kSampleBytes);
    const auto controls = std::count_if(sample.begin(), sample.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && !std::strchr("\t\n\v\f\r", c)) || byte == 0x7F;
    });
    return static_cast<std::size_t>(controls) * 10 > sample.size();
}

DecodedText finish(std::string utf8, std::string encoding) {
    // Converters for UTF-16LE/BE and UTF-8 pass a BOM through as U+FEFF.
    if (utf8.starts_with("\xEF\xBB\xBF")) utf8.erase(0, 3);
    if (looks_binary(utf8)) throw InputError(kBinaryData);
    return {std::move(utf8), std::move(encoding)};
}

DecodedText decode_forced(std::string_view bytes, std::string_view forced) {
    Converter converter = open_converter(forced, OnInvalid::Stop);
    if (!converter) throw InputError("unknown encoding \"" + std::string(forced) + "\"");
    std::string name = canonical_name(*converter);
    Conversion conversion = convert(*converter, bytes, OnInvalid::Stop);
    if (!conversion.ok())
        throw InputError("not valid " + name + ": invalid byte sequence at byte " +
                         std::to_string(conversion.invalid_at));
    return finish(std::move(conversion.utf8), std::move(name));
}

struct Bom {
    std::string_view encoding;
    std::size_t length;
};

std::optional<Bom> find_bom(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return Bom{"UTF-8", 3};
    if (bytes.starts_with("\xFF\xFE")) return Bom{"UTF-16LE", 2};
    if (bytes.starts_with("\xFE\xFF")) return Bom{"UTF-16BE", 2};
    return std::nullopt;
}

DecodedText decode_with_bom(std::string_view bytes, const Bom& bom) {
    Converter converter = open_known_converter(bom.encoding, OnInvalid::Replace);
    Conversion conversion = convert(*converter, bytes.substr(bom.length), OnInvalid::Replace);
    return finish(std::move(conversion.utf8), std::string(bom.encoding));
}

// --- Does a decoding read as Russian? ---------------------------------------
//
// A wrong decoding of Russian 8-bit text gives itself away three ways: rare
// letters and unpronounceable letter sequences where common ones belong;
// wRONG cASE (windows-1251 and KOI8-R keep upper and lower case at each
// other's codes, so mostly lower-case text comes out mostly upper-case); and
// box-drawing or control characters (IBM866's letters are pseudographics in
// the others and vice versa). The score is the log-likelihood of the text
// under a crude model with exactly those parts: letter frequencies, which
// kind of letter follows which (vowel, consonant, ь/ъ, й), the case pattern
// of each word, and small probabilities for everything else. Only non-ASCII
// characters count, since ASCII reads the same in every candidate.

// Russian letter frequencies in per cent (Russian National Corpus), а..я, ё.
constexpr std::array<double, 33> kLetterPercent{
    8.01, 1.59, 4.54, 1.70, 2.98, 8.45, 0.94, 1.65, 7.35, 1.21, 3.49,
    4.40, 3.21, 6.70, 10.97, 2.81, 4.73, 5.47, 6.26, 2.62, 0.26, 0.97,
    0.48, 1.44, 0.73, 0.36, 0.04, 1.90, 1.74, 0.32, 0.64, 2.01, 0.20,
};

enum Kind { kVowel, kConsonant, kSign, kShortI, kEdge, kKinds };

Kind kind_of_letter(int letter) {
    switch (letter) {
        case 0: case 5: case 8: case 14: case 19: case 27: case 29: case 30: case 31: case 32:
            return kVowel;  // а е и о у ы э ю я ё
        case 26: case 28:
            return kSign;  // ъ ь
        case 9:
            return kShortI;  // й
        default:
            return kConsonant;
    }
}

// Probability of the next letter's kind given the previous one, measured on
// Russian news; kEdge is the word's start (as previous) or end (as next).
// Russian never starts a word with ь/ъ nor puts them after a vowel, and й
// hardly ever follows a consonant; 0.001 leaves room for names and typos.
constexpr double kFollows[kKinds][kKinds] = {
    //  vowel  consonant  sign   short-i  end
    {0.08, 0.66, 0.001, 0.03, 0.23},    // after a vowel
    {0.63, 0.24, 0.027, 0.001, 0.094},  // after a consonant
    {0.10, 0.40, 0.001, 0.001, 0.49},   // after ь/ъ
    {0.015, 0.26, 0.001, 0.001, 0.72},  // after й
    {0.21, 0.79, 0.001, 0.001, 0.001},  // at the start of a word (a word has letters)
};

// Non-ASCII characters other than Russian letters, each: «» and — make about
// a quarter per cent of Russian news each; the rest is rarer still.
constexpr double kTypicalPunctuation = 2e-3;  // «»—–…№“”„’ and NBSP
constexpr double kRareCharacter = 1e-4;       // other letters, news symbols
constexpr double kJunk = 1e-5;                // pseudographics, controls, U+FFFD

// Shares of case patterns among Cyrillic words in Russian news.
constexpr double kLowerWord = 0.80;
constexpr double kCapitalisedWord = 0.16;
constexpr double kUpperWord = 0.03;
constexpr double kMixedWord = 0.001;

// A decoding must score at least this much per non-ASCII character (Russian
// text scores about -3.5, wrong decodings and noise -6 or less)...
constexpr double kMinScorePerCharacter = -4.6;
// ...and beat the runner-up by this many nats (natural log units).
constexpr double kMinLead = 8.0;
// ICU's confidence (0-100) in windows-1251 or KOI8-R is worth up to this many
// nats. Its trigram model ignores case, which makes it the better judge of
// all-caps text.
constexpr double kIcuWeight = 20.0;

// Index into kLetterPercent, or -1 if `c` is not a Russian letter.
int russian_letter(UChar32 c) {
    if (c >= 0x0410 && c <= 0x042F) return c - 0x0410;
    if (c >= 0x0430 && c <= 0x044F) return c - 0x0430;
    if (c == 0x0401 || c == 0x0451) return 32;
    return -1;
}

bool is_upper_russian(UChar32 c) { return c == 0x0401 || (c >= 0x0410 && c <= 0x042F); }

double other_character_log_probability(UChar32 c) {
    switch (c) {
        case 0x00AB: case 0x00BB: case 0x2014: case 0x2013: case 0x2026: case 0x2116:
        case 0x201C: case 0x201D: case 0x201E: case 0x2019: case 0x00A0:
            return std::log(kTypicalPunctuation);
        case 0x2018: case 0x201A: case 0x00B0: case 0x00A7: case 0x00A9: case 0x00AE:
        case 0x2122: case 0x2022: case 0x00B7: case 0x00B1: case 0x00D7: case 0x20AC:
        case 0x20BD: case 0x2030: case 0x00AD:
            return std::log(kRareCharacter);
        default:
            return c >= 0 && u_isalpha(c) ? std::log(kRareCharacter) : std::log(kJunk);
    }
}

// Scores one word of Russian letters at a time.
class WordModel {
public:
    double add(UChar32 c, int letter) {
        static const std::array<double, 33> letter_given_kind = [] {
            std::array<double, kKinds> kind_percent{};
            for (std::size_t i = 0; i < kLetterPercent.size(); ++i)
                kind_percent[kind_of_letter(static_cast<int>(i))] += kLetterPercent[i];
            std::array<double, 33> table{};
            for (std::size_t i = 0; i < table.size(); ++i)
                table[i] = std::log(kLetterPercent[i] / kind_percent[kind_of_letter(static_cast<int>(i))]);
            return table;
        }();
        const bool upper = is_upper_russian(c);
        if (length_ == 0) first_upper_ = upper;
        ++length_;
        upper_ += upper;
        const Kind kind = kind_of_letter(letter);
        const double log_probability = std::log(kFollows[previous_][kind]) + letter_given_kind[letter];
        previous_ = kind;
        return log_probability;
    }

    // The log-probability of the word ending here with the case pattern it
    // has; starts the next word.
    double finish() {
        if (length_ == 0) return 0;
        double log_probability = std::log(kFollows[previous_][kEdge]);
        if (upper_ == 0) log_probability += std::log(kLowerWord);
        else if (upper_ == 1 && first_upper_) log_probability += std::log(kCapitalisedWord);
        else if (upper_ == length_) log_probability += std::log(kUpperWord);
        else log_probability += std::log(kMixedWord);
        *this = WordModel();
        return log_probability;
    }

private:
    Kind previous_ = kEdge;
    std::size_t length_ = 0, upper_ = 0;
    bool first_upper_ = false;
};

struct Plausibility {
    double log_likelihood = 0;
    std::size_t characters = 0;  // non-ASCII ones
    double per_character() const {
        return characters == 0 ? -std::numeric_limits<double>::infinity()
                               : log_likelihood / static_cast<double>(characters);
    }
    bool plausible() const { return per_character() >= kMinScorePerCharacter; }
};

Plausibility score_as_russian(std::string_view utf8) {
    Plausibility score;
    WordModel word;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0 && c < 0x80) {
            score.log_likelihood += word.finish();
            continue;
        }
        ++score.characters;
        if (const int letter = russian_letter(c); letter >= 0)
            score.log_likelihood += word.add(c, letter);
        else
            score.log_likelihood += word.finish() + other_character_log_probability(c);
    }
    score.log_likelihood += word.finish();
    return score;
}

// Where detection looks: from the first non-ASCII byte on, since ASCII reads
// the same in every candidate and may fill the start of a long file.
std::string_view detection_sample(std::string_view bytes) {
    const auto first = std::find_if(bytes.begin(), bytes.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return bytes.substr(std::min(bytes.size(), static_cast<std::size_t>(first - bytes.begin())), kSampleBytes);
}

Plausibility score_decoding(std::string_view encoding, std::string_view sample) {
    Converter converter = open_known_converter(encoding, OnInvalid::Replace);
    return score_as_russian(convert(*converter, sample, OnInvalid::Replace).utf8);
}

// UTF-8 with a few broken sequences (a truncated file, one pasted
// windows-1251 quote) is still UTF-8; guessing an 8-bit encoding for it
// would only produce mojibake. 8-bit Russian text hardly ever contains
// a valid multi-byte sequence.
struct Utf8Counts {
    std::size_t valid = 0;    // well-formed non-ASCII characters
    std::size_t invalid = 0;  // ill-formed sequences
};

Utf8Counts count_utf8(std::string_view sample) {
    Utf8Counts counts;
    const auto* s = reinterpret_cast<const uint8_t*>(sample.data());
    const auto length = static_cast<int32_t>(sample.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) ++counts.invalid;
        else if (c >= 0x80) ++counts.valid;
    }
    return counts;
}

bool mostly_utf8(std::string_view sample) {
    const Utf8Counts counts = count_utf8(sample);
    return counts.valid > 8 * counts.invalid;
}

// ICU's confidence (0-100) in each candidate; it does not know IBM866.
std::array<int, kCandidates.size()> icu_confidence(std::string_view sample) {
    std::array<int, kCandidates.size()> confidence{};
    UErrorCode status = U_ZERO_ERROR;
    Detector detector(ucsdet_open(&status));
    if (U_FAILURE(status) || !detector) return confidence;
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    ucsdet_enableInputFilter(detector.get(), true);  // skips HTML markup
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status) || !matches) return confidence;
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode match_status = U_ZERO_ERROR;
        const char* name = ucsdet_getName(matches[i], &match_status);
        const int32_t value = ucsdet_getConfidence(matches[i], &match_status);
        if (U_FAILURE(match_status) || !name) continue;
        for (std::size_t c = 0; c < kCandidates.size(); ++c)
            if (kCandidates[c] == name) confidence[c] = std::max(confidence[c], static_cast<int>(value));
    }
    return confidence;
}

struct Candidate {
    std::string_view encoding;
    Plausibility plausibility;
    double score;  // log-likelihood plus ICU's vote
};

// The candidates for `sample`, best first.
std::vector<Candidate> rank_candidates(std::string_view sample) {
    const auto confidence = icu_confidence(sample);
    std::vector<Candidate> ranked;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) {
        const Plausibility plausibility = score_decoding(kCandidates[i], sample);
        ranked.push_back({kCandidates[i], plausibility,
                          plausibility.log_likelihood + kIcuWeight * confidence[i] / 100.0});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    return ranked;
}

bool is_utf8_label(std::string_view label) {
    std::string lower;
    for (char c : label)
        if (c != '-' && c != '_' && c != ' ' && c != '"' && c != '\'') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "utf8";
}

std::optional<DecodedText> decode_declared(std::string_view bytes, std::string_view declared,
                                           std::string_view sample, const std::vector<Candidate>& ranked) {
    const auto begin = declared.find_first_not_of(" \t\r\n\"'");
    const auto end = declared.find_last_not_of(" \t\r\n\"'");
    if (begin == std::string_view::npos) return std::nullopt;
    const std::string_view label = declared.substr(begin, end - begin + 1);
    // An unknown label is the page's mistake; detection may still succeed.
    Converter converter = open_converter(label, OnInvalid::Stop);
    if (!converter) return std::nullopt;
    const Plausibility plausibility = score_decoding(label, sample);
    if (!plausibility.plausible()) return std::nullopt;
    // Labels go stale: Russian web servers used to recode pages on the fly
    // without touching their <meta>. One that reads clearly worse than a
    // candidate is such a label.
    for (const Candidate& candidate : ranked)
        if (candidate.plausibility.log_likelihood - plausibility.log_likelihood >= kMinLead) return std::nullopt;
    Conversion conversion = convert(*converter, bytes, OnInvalid::Stop);
    if (!conversion.ok()) return std::nullopt;
    return finish(std::move(conversion.utf8), canonical_name(*converter));
}

DecodedText decode_best_candidate(std::string_view bytes, const std::vector<Candidate>& ranked) {
    const Candidate& best = ranked[0];
    const Candidate& runner_up = ranked[1];
    if (!best.plausibility.plausible())
        throw InputError("cannot determine the text encoding (not Russian text in windows-1251, "
                         "KOI8-R or IBM866); use --encoding");
    if (best.score - runner_up.score < kMinLead)
        throw InputError("cannot determine the text encoding (looks like " + std::string(best.encoding) +
                         " or " + std::string(runner_up.encoding) + "); use --encoding");
    Converter converter = open_known_converter(best.encoding, OnInvalid::Replace);
    return finish(convert(*converter, bytes, OnInvalid::Replace).utf8, std::string(best.encoding));
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes, std::string_view forced, std::string_view declared) {
    if (!forced.empty()) return decode_forced(bytes, forced);
    if (bytes.empty()) return {"", "UTF-8"};
    if (const auto bom = find_bom(bytes)) return decode_with_bom(bytes, *bom);
    if (looks_binary(bytes)) throw InputError(kBinaryData);

    Converter utf8 = open_known_converter("UTF-8", OnInvalid::Stop);
    Conversion as_utf8 = convert(*utf8, bytes, OnInvalid::Stop);
    if (as_utf8.ok()) return finish(std::move(as_utf8.utf8), "UTF-8");

    // A page that says it is UTF-8 and mostly is, is broken UTF-8. One with
    // no UTF-8 in it at all carries a stale label and is left to detection.
    const Utf8Counts counts = count_utf8(detection_sample(bytes));
    if (is_utf8_label(declared) && counts.valid > 0 && counts.valid >= counts.invalid)
        throw InputError("invalid UTF-8 at byte " + std::to_string(as_utf8.invalid_at) + ", though it declares " +
                         std::string(declared));
    const std::string_view sample = detection_sample(bytes);
    if (mostly_utf8(sample))
        throw InputError("invalid UTF-8 at byte " + std::to_string(as_utf8.invalid_at) +
                         " (the rest of the text is UTF-8)");
    const std::vector<Candidate> ranked = rank_candidates(sample);
    if (auto text = decode_declared(bytes, declared, sample, ranked)) return std::move(*text);
    return decode_best_candidate(bytes, ranked);
}

}  // namespace newsdex
