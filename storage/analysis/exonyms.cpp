#include "analysis/exonyms.h"

#include "analysis/word_normalizer.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace newsdex {
namespace {

using Exonyms = std::multimap<std::string, std::string, std::less<>>;

// A name of one word of letters: "United States" and "Guinea-Bissau" are
// not looked up, as a query reads them a word at a time.
bool one_word(const icu::UnicodeString& name) {
    if (name.isEmpty()) return false;
    for (int32_t i = 0; i < name.length();) {
        const UChar32 c = name.char32At(i);
        i += U16_LENGTH(c);
        if (!u_isalpha(c)) return false;
    }
    return true;
}

void add(Exonyms& out, const icu::UnicodeString& english, const icu::UnicodeString& russian) {
    if (!one_word(english) || !one_word(russian)) return;
    std::string key;
    icu::UnicodeString(english).toLower(icu::Locale::getEnglish()).toUTF8String(key);
    std::string name = normalize_word(russian);
    if (key.empty() || name.empty()) return;
    const auto [begin, end] = out.equal_range(key);
    if (std::none_of(begin, end, [&](const auto& e) { return e.second == name; })) out.emplace(key, std::move(name));
}

// ICU's resource bundles, read through the common library's ures_* calls
// (linked already for the word-break rules): the i18n library's
// TimeZoneNames and Locale display names brought in code whose relocations
// cost a short query's process 95 k instructions (+1.8%, callgrind).
struct Bundle {
    UResourceBundle* handle = nullptr;
    Bundle() = default;
    explicit Bundle(UResourceBundle* h) : handle(h) {}
    Bundle(const Bundle&) = delete;
    Bundle& operator=(const Bundle&) = delete;
    ~Bundle() { ures_close(handle); }
};

Bundle open_bundle(const char* tree, const char* locale) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string package = std::string(U_ICUDATA_NAME) + U_TREE_SEPARATOR_STRING + tree;
    UResourceBundle* b = ures_openDirect(package.c_str(), locale, &status);
    if (U_FAILURE(status)) {
        ures_close(b);
        return Bundle();
    }
    return Bundle(b);
}

// `table` of `bundle`'s key → string, or of key → table holding `field`.
std::map<std::string, icu::UnicodeString> strings_of(const Bundle& bundle, const char* table, const char* field) {
    std::map<std::string, icu::UnicodeString> out;
    if (!bundle.handle) return out;
    UErrorCode status = U_ZERO_ERROR;
    Bundle items(ures_getByKey(bundle.handle, table, nullptr, &status));
    if (U_FAILURE(status)) return out;
    while (ures_hasNext(items.handle)) {
        status = U_ZERO_ERROR;
        Bundle item(ures_getNextResource(items.handle, nullptr, &status));
        if (U_FAILURE(status)) break;
        int32_t length = 0;
        const UChar* text = nullptr;
        if (field) {
            UErrorCode found = U_ZERO_ERROR;
            text = ures_getStringByKey(item.handle, field, &length, &found);
            if (U_FAILURE(found)) continue;
        } else {
            text = ures_getString(item.handle, &length, &status);
            if (U_FAILURE(status)) continue;
        }
        out.emplace(ures_getKey(item.handle), icu::UnicodeString(text, length));
    }
    return out;
}

Exonyms read_exonyms() {
    Exonyms out;
    // Countries: region/en and region/ru, by ISO code.
    const auto english_countries = strings_of(open_bundle("region", "en"), "Countries", nullptr);
    const auto russian_countries = strings_of(open_bundle("region", "ru"), "Countries", nullptr);
    for (const auto& [code, english] : english_countries)
        if (const auto russian = russian_countries.find(code); russian != russian_countries.end())
            add(out, english, russian->second);
    // Cities: zone/ru's exemplar cities ("ec") by zone ("Europe:Moscow");
    // in English the zone's last part where zone/en has none (Moscow).
    const auto english_cities = strings_of(open_bundle("zone", "en"), "zoneStrings", "ec");
    const auto russian_cities = strings_of(open_bundle("zone", "ru"), "zoneStrings", "ec");
    for (const auto& [zone, russian] : russian_cities) {
        const auto english = english_cities.find(zone);
        std::string city = zone.substr(zone.rfind(':') + 1);
        std::replace(city.begin(), city.end(), '_', ' ');
        add(out, english != english_cities.end() ? english->second : icu::UnicodeString::fromUTF8(city), russian);
    }
    return out;
}

}  // namespace

std::vector<std::string> russian_exonyms(std::string_view latin_word) {
    // Read once a process, and only read after.
    static const Exonyms exonyms = read_exonyms();
    std::vector<std::string> out;
    const auto [begin, end] = exonyms.equal_range(latin_word);
    for (auto e = begin; e != end; ++e) out.push_back(e->second);
    return out;
}

}  // namespace newsdex
