// Apertium's Russian morphological analyser (an lttoolbox transducer, as
// shipped in apertium-bel-rus) as a MorphDictionary. It knows fleeting
// vowels, stem alternations and suppletion (угля → уголь, людей → человек,
// шёл → идти) that Snowball cannot.
#pragma once

#include "analysis/morph_dictionary.h"

#include <memory>
#include <string>

namespace newsdex {

class ApertiumDictionary : public MorphDictionary {
public:
    // Loads the transducer (about 0.2 s); throws std::runtime_error naming
    // the file when it cannot be read.
    explicit ApertiumDictionary(const std::string& automorf_bin);
    ~ApertiumDictionary() override;
    ApertiumDictionary(const ApertiumDictionary&) = delete;
    ApertiumDictionary& operator=(const ApertiumDictionary&) = delete;

    void analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) override;

private:
    struct Transducer;
    std::unique_ptr<Transducer> fst_;
};

}  // namespace newsdex
