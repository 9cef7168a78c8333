#include "analysis/given_names.h"

#include "analysis/native_spellings.h"
#include "analysis/word_normalizer.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <utility>

namespace newsdex {
namespace {

// The Russian name of a native one as `table` spells it, or "". Some fifty
// lines: a scan costs less than building an index of them.
std::string_view russian_of(std::string_view table, std::string_view native) {
    while (!table.empty()) {
        const std::size_t end = table.find('\n');
        const std::string_view line = table.substr(0, end);
        if (const std::size_t tab = line.find('\t'); line.substr(0, tab) == native) return line.substr(tab + 1);
        if (end == std::string_view::npos) break;
        table.remove_prefix(end + 1);
    }
    return {};
}

}  // namespace

std::vector<std::string> russian_given_names(std::string_view latin_word) {
    std::vector<std::string> out;
    for (const auto& [language, table] : {std::pair{Romanized::ukrainian, kUkrainianGivenNames},
                                          std::pair{Romanized::belarusian, kBelarusianGivenNames}})
        for (const std::string& spelling : native_spellings(latin_word, language))
            if (const std::string_view russian = russian_of(table, spelling); !russian.empty())
                if (std::string name = normalize_word(icu::UnicodeString::fromUTF8(russian));
                    std::find(out.begin(), out.end(), name) == out.end())
                    out.push_back(std::move(name));
    return out;
}

}  // namespace newsdex
