#include "analysis/hunspell_dictionary.h"

#include <hunspell/hunspell.hxx>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace newsdex {
namespace {

// Hunspell prints nothing and knows no words when a file is missing: check
// first, so the error names the file.
void require_readable(const std::string& path) {
    if (!std::ifstream(path)) throw std::runtime_error(path + ": " + std::strerror(errno ? errno : ENOENT));
}

std::string capitalize(const std::string& word) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
    if (text.isEmpty()) return word;
    const UChar32 first = text.char32At(0);
    text.replace(0, U16_LENGTH(first), u_toupper(first));
    std::string out;
    return text.toUTF8String(out);
}

bool starts_upper(const std::string& word) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
    return !text.isEmpty() && u_isupper(text.char32At(0));
}

}  // namespace

HunspellDictionary::HunspellDictionary(const std::string& aff, const std::string& dic) {
    require_readable(aff);
    require_readable(dic);
    hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    if (std::string(hunspell_->get_dict_encoding()) != "UTF-8")
        throw std::runtime_error(dic + ": encoding " + hunspell_->get_dict_encoding() + ", UTF-8 expected");
}

HunspellDictionary::~HunspellDictionary() = default;

void HunspellDictionary::analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) {
    // Names are in the dictionary with their capital (Жириновский): the
    // lower-case form alone finds none of their forms.
    for (const std::string& stem : hunspell_->stem(capitalized ? capitalize(word) : word))
        out.push_back({stem, starts_upper(stem)});
}

}  // namespace newsdex
