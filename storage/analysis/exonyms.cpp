#include "analysis/exonyms.h"

#include "analysis/word_normalizer.h"

#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <string>
#include <utility>

namespace newsdex {
namespace {

// ICU's resource bundles, read through the common library's ures_* calls
// (linked already for the word-break rules): the i18n library's
// TimeZoneNames and Locale display names brought in code whose relocations
// cost a short query's process 95 k instructions (+1.8%, callgrind). And
// read where a word is asked about, not made into a table: a table of all
// the names cost a query with a Latin name 7 M instructions (a one-word
// query's whole process is 5.3 M), reading each zone's bundle 0.9 M; the
// countries' English names scanned in place and the zones looked up by
// their ids cost about 0.1 M.
class Bundle {
public:
    Bundle() = default;
    explicit Bundle(UResourceBundle* handle) : handle_(handle) {}
    Bundle(Bundle&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
    Bundle& operator=(Bundle&&) = delete;
    ~Bundle() { ures_close(handle_); }

    // `tree` ("region", "zone") of ICU's data, for `locale`; empty when the
    // data is not there.
    static Bundle open(const char* tree, const char* locale) {
        UErrorCode status = U_ZERO_ERROR;
        const std::string package = std::string(U_ICUDATA_NAME) + U_TREE_SEPARATOR_STRING + tree;
        Bundle b(ures_openDirect(package.c_str(), locale, &status));
        if (U_FAILURE(status)) return Bundle();
        return b;
    }
    Bundle child(const char* key) const {
        UErrorCode status = U_ZERO_ERROR;
        Bundle b(handle_ ? ures_getByKey(handle_, key, nullptr, &status) : nullptr);
        if (U_FAILURE(status)) return Bundle();
        return b;
    }
    // The string at `key` ("" if none).
    icu::UnicodeString string(const char* key) const {
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = 0;
        const UChar* text = handle_ ? ures_getStringByKey(handle_, key, &length, &status) : nullptr;
        return U_SUCCESS(status) && text ? icu::UnicodeString(text, length) : icu::UnicodeString();
    }
    UResourceBundle* get() const { return handle_; }

private:
    UResourceBundle* handle_ = nullptr;
};

// Whether `name` is `word` (lower-case ASCII letters) but for case.
bool is_word(const UChar* name, int32_t length, std::string_view word) {
    if (static_cast<std::size_t>(length) != word.size()) return false;
    for (int32_t i = 0; i < length; ++i)
        if (u_tolower(name[i]) != static_cast<UChar32>(word[static_cast<std::size_t>(i)])) return false;
    return true;
}

// A name of one word of letters: "United States" is not looked up, as a
// query reads its words one at a time.
bool one_word(const icu::UnicodeString& name) {
    if (name.isEmpty()) return false;
    for (int32_t i = 0; i < name.length();) {
        const UChar32 c = name.char32At(i);
        i += U16_LENGTH(c);
        if (!u_isalpha(c)) return false;
    }
    return true;
}

void add(std::vector<std::string>& out, const icu::UnicodeString& russian) {
    if (!one_word(russian)) return;
    if (std::string name = normalize_word(russian); std::find(out.begin(), out.end(), name) == out.end())
        out.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> russian_exonyms(std::string_view latin_word) {
    std::vector<std::string> out;
    if (latin_word.empty() ||
        !std::all_of(latin_word.begin(), latin_word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return out;
    // Countries (and regions: Europe, the Americas), by their codes: the
    // English names scanned as strings, in place.
    const Bundle english_countries = Bundle::open("region", "en").child("Countries");
    const Bundle russian_countries = Bundle::open("region", "ru").child("Countries");
    if (english_countries.get()) {
        ures_resetIterator(english_countries.get());
        while (ures_hasNext(english_countries.get())) {
            UErrorCode status = U_ZERO_ERROR;
            int32_t length = 0;
            const char* code = nullptr;
            const UChar* name = ures_getNextString(english_countries.get(), &length, &code, &status);
            if (U_FAILURE(status)) break;
            if (is_word(name, length, latin_word)) add(out, russian_countries.string(code));
        }
    }
    // Cities: the time zones' exemplar cities ("ec"), whose English name is
    // the zone's own ("Europe:Moscow"), in Russian.
    std::string city(latin_word);
    city.front() = static_cast<char>(city.front() - 'a' + 'A');
    const Bundle russian_zones = Bundle::open("zone", "ru").child("zoneStrings");
    for (const char* area : {"Europe", "Asia", "America", "Africa", "Australia", "Pacific", "Atlantic", "Indian",
                             "Antarctica", "Arctic"})
        add(out, russian_zones.child((std::string(area) + ":" + city).c_str()).string("ec"));
    return out;
}

}  // namespace newsdex
