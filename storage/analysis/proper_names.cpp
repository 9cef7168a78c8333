#include "analysis/proper_names.h"

#include "analysis/native_spellings.h"
#include "analysis/word_normalizer.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <utility>

namespace newsdex {
namespace {

using Names = std::vector<std::pair<std::string_view, std::string_view>>;  // native, Russian; sorted

Names parse(std::string_view table) {
    Names out;
    while (!table.empty()) {
        const std::size_t end = table.find('\n');
        const std::string_view line = table.substr(0, end);
        if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos)
            out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
        if (end == std::string_view::npos) break;
        table.remove_prefix(end + 1);
    }
    return out;
}

// Parsed once a process: up to 256 spellings a language are looked up for
// each Latin word of a query.
const Names& names_of(Romanized language) {
    static const Names ukrainian = parse(kUkrainianProperNames);
    static const Names belarusian = parse(kBelarusianProperNames);
    return language == Romanized::ukrainian ? ukrainian : belarusian;
}

}  // namespace

std::vector<std::string> russian_proper_names(std::string_view latin_word) {
    std::vector<std::string> out;
    for (const Romanized language : {Romanized::ukrainian, Romanized::belarusian}) {
        const Names& names = names_of(language);
        for (const std::string& spelling : native_spellings(latin_word, language)) {
            const auto [first, last] = std::equal_range(
                names.begin(), names.end(), std::pair<std::string_view, std::string_view>(spelling, {}),
                [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto it = first; it != last; ++it)
                if (std::string name = normalize_word(icu::UnicodeString::fromUTF8(it->second));
                    std::find(out.begin(), out.end(), name) == out.end())
                    out.push_back(std::move(name));
        }
    }
    return out;
}

}  // namespace newsdex
