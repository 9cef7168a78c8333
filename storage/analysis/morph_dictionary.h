// One morphological dictionary: what lemmas a word form may be a form of.
// Lemmatizer (lemmatizer.h) asks the dictionaries it is given in order, so a
// dictionary is added or dropped by one line there.
#pragma once

#include <string>
#include <vector>

namespace newsdex {

struct LemmaAnalysis {
    std::string lemma;    // as the dictionary spells it (Lemmatizer normalizes)
    bool proper = false;  // a name: a proper noun, or spelt with a capital
    bool verb = false;    // a form of a verb (its participles too), so no name
    bool genitive_plural_noun = false;  // «Песков»: песок's, the shape of a surname
};

class MorphDictionary {
public:
    virtual ~MorphDictionary() = default;
    // Appends the analyses of `word` (normalized: lower case, ё folded to е)
    // to `out`; none when the dictionary does not know it. `capitalized`:
    // the text spelt it with a capital, so it may be a name.
    virtual void analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) = 0;
};

}  // namespace newsdex
