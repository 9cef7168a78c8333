// Apertium's Russian morphological analysers (lttoolbox transducers, as
// shipped in apertium-bel-rus and apertium-rus-ukr) as one MorphDictionary:
// a word's analyses are those of every transducer. They know fleeting
// vowels, stem alternations and suppletion (угля → уголь, людей → человек,
// шёл → идти) that Snowball cannot.
#pragma once

#include "analysis/morph_dictionary.h"

#include <memory>
#include <string>
#include <vector>

namespace newsdex {

class ApertiumDictionary : public MorphDictionary {
public:
    // Loads the transducers (about 0.2 s each); throws std::runtime_error
    // naming the file when one cannot be read.
    explicit ApertiumDictionary(const std::vector<std::string>& automorf_bins);
    ~ApertiumDictionary() override;
    ApertiumDictionary(const ApertiumDictionary&) = delete;
    ApertiumDictionary& operator=(const ApertiumDictionary&) = delete;

    void analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) override;

    struct Transducer;  // one loaded analyser (lttoolbox's types stay in the .cpp)

private:
    std::vector<std::unique_ptr<Transducer>> transducers_;
};

}  // namespace newsdex
