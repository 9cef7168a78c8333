#include "analysis/word_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <utility>

namespace newsdex {
namespace {

// Characters that carry no meaning for search and would otherwise split or
// disguise a word: stress marks (grave, acute), soft hyphen, zero-width
// space/non-joiner/joiner, word joiner, BOM.
bool is_invisible(UChar32 c) {
    switch (c) {
        case 0x0300: case 0x0301: case 0x00AD: case 0x200B: case 0x200C:
        case 0x200D: case 0x2060: case 0xFEFF:
            return true;
        default:
            return false;
    }
}

// Lower-case letters that look the same in Latin and Cyrillic script.
constexpr std::array<std::pair<UChar32, UChar32>, 12> kLookAlikes{{
    {u'a', u'а'}, {u'b', u'в'}, {u'c', u'с'}, {u'e', u'е'},
    {u'h', u'н'}, {u'k', u'к'}, {u'm', u'м'}, {u'o', u'о'},
    {u'p', u'р'}, {u't', u'т'}, {u'x', u'х'}, {u'y', u'у'},
}};

UChar32 latin_to_cyrillic(UChar32 c) {
    for (auto [latin, cyrillic] : kLookAlikes)
        if (c == latin) return cyrillic;
    return -1;
}

UChar32 cyrillic_to_latin(UChar32 c) {
    for (auto [latin, cyrillic] : kLookAlikes)
        if (c == cyrillic) return latin;
    return -1;
}

UScriptCode script_of(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? script : USCRIPT_COMMON;
}

// Maps every letter of script `from` through `map`; gives up (leaving the
// word untouched) if one of them has no look-alike.
void remap_minority(icu::UnicodeString& word, UScriptCode from, UChar32 (*map)(UChar32)) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < word.length();) {
        UChar32 c = word.char32At(i);
        i += U16_LENGTH(c);
        if (script_of(c) == from) {
            UChar32 mapped = map(c);
            if (mapped < 0) return;
            c = mapped;
        }
        out.append(c);
    }
    word = std::move(out);
}

// Most words in Russian news are already lower-case Cyrillic (or lower-case
// ASCII): nothing to normalize, and no mixed script to repair.
bool already_normal(const icu::UnicodeString& word) {
    bool cyrillic = false, ascii = false;
    for (int32_t i = 0; i < word.length(); ++i) {
        char16_t c = word.charAt(i);
        if (c >= u'а' && c <= u'я') cyrillic = true;
        else if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) ascii = true;
        else return false;
    }
    return !(cyrillic && ascii);
}

}  // namespace

void repair_mixed_script(icu::UnicodeString& word) {
    int cyrillic = 0, latin = 0;
    for (int32_t i = 0; i < word.length();) {
        UChar32 c = word.char32At(i);
        i += U16_LENGTH(c);
        switch (script_of(c)) {
            case USCRIPT_CYRILLIC: ++cyrillic; break;
            case USCRIPT_LATIN: ++latin; break;
            default: break;
        }
    }
    if (cyrillic == 0 || latin == 0) return;
    // Ties go to Cyrillic: this is a Russian archive.
    if (cyrillic >= latin)
        remap_minority(word, USCRIPT_LATIN, latin_to_cyrillic);
    else
        remap_minority(word, USCRIPT_CYRILLIC, cyrillic_to_latin);
}

void normalize_word_utf16(icu::UnicodeString& word) {
    if (already_normal(word)) return;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer data is unavailable");

    // Decompose first so stress marks become separate characters we can
    // drop; й (и + breve) and ё (е + diaeresis) survive and recompose below.
    icu::UnicodeString decomposed = nfd->normalize(word, status);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (!is_invisible(c)) kept.append(c);
    }
    word = std::move(kept);
    fold_text(word);
    repair_mixed_script(word);
}

void fold_text(icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer data is unavailable");
    text = nfkc_cf->normalize(text, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed");
    // Snowball's Russian stemmer treats ё and е as different letters.
    text.findAndReplace(icu::UnicodeString(u'ё'), icu::UnicodeString(u'е'));
}

std::string fold_text(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    fold_text(text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string normalize_word(const icu::UnicodeString& word) {
    icu::UnicodeString copy(word);
    normalize_word_utf16(copy);
    std::string out;
    copy.toUTF8String(out);
    return out;
}

}  // namespace newsdex
