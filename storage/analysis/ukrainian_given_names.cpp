#include "analysis/ukrainian_given_names.h"

#include "analysis/ukrainian_spellings.h"
#include "analysis/word_normalizer.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <utility>

namespace newsdex {
namespace {

// The Russian name of a Ukrainian one as the table spells it, or "". Some
// thirty lines: a scan costs less than building an index of them.
std::string_view russian_of(std::string_view ukrainian) {
    std::string_view table = kUkrainianGivenNames;
    while (!table.empty()) {
        const std::size_t end = table.find('\n');
        const std::string_view line = table.substr(0, end);
        if (const std::size_t tab = line.find('\t'); line.substr(0, tab) == ukrainian) return line.substr(tab + 1);
        if (end == std::string_view::npos) break;
        table.remove_prefix(end + 1);
    }
    return {};
}

}  // namespace

std::vector<std::string> russian_given_names(std::string_view latin_word) {
    std::vector<std::string> out;
    for (const std::string& spelling : ukrainian_spellings(latin_word))
        if (const std::string_view russian = russian_of(spelling); !russian.empty())
            if (std::string name = normalize_word(icu::UnicodeString::fromUTF8(russian));
                std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(std::move(name));
    return out;
}

}  // namespace newsdex
