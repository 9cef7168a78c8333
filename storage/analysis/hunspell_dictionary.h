// Hunspell's Russian dictionary (hunspell-ru) as a MorphDictionary: it knows
// many names and adjectival surnames Apertium does not (Жириновского →
// Жириновский, Ростове → Ростов), but not fleeting vowels (угля).
#pragma once

#include "analysis/morph_dictionary.h"

#include <memory>
#include <string>

class Hunspell;

namespace newsdex {

class HunspellDictionary : public MorphDictionary {
public:
    // Loads the dictionary (about 0.4 s); throws std::runtime_error naming a
    // file that cannot be read.
    HunspellDictionary(const std::string& aff, const std::string& dic);
    ~HunspellDictionary() override;
    HunspellDictionary(const HunspellDictionary&) = delete;
    HunspellDictionary& operator=(const HunspellDictionary&) = delete;

    void analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) override;

private:
    std::unique_ptr<Hunspell> hunspell_;
};

}  // namespace newsdex
