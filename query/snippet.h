// A short passage of an article around the words that matched, found with
// the same analyzer the index uses, so every inflection that matched by stem
// is highlighted too.
#pragma once

#include "analysis/analyzer.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct SnippetPart {
    std::string text;
    bool highlighted = false;
};

struct Snippet {
    std::vector<SnippetPart> parts;
    std::string plain() const;
    std::vector<std::string> highlighted_words() const;
};

Snippet make_snippet(Analyzer& analyzer, std::string_view text, const std::set<std::string>& exact_terms,
                     const std::set<std::string>& stems, std::size_t max_chars = 200);

}  // namespace newsdex
