#include "analysis/apertium_dictionary.h"

#include <lttoolbox/alphabet.h>
#include <lttoolbox/file_utils.h>
#include <lttoolbox/node.h>
#include <lttoolbox/state.h>
#include <lttoolbox/trans_exe.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

namespace newsdex {

// The transducer's sections joined under one root, as lt-proc's analysis
// mode joins them (FSTProcessor::calcInitial), so one walk finds every
// analysis. lttoolbox's per-word API is its stream processor; walking the
// State directly spares a stream per word.
struct ApertiumDictionary::Transducer {
    std::set<UChar32> letters;
    Alphabet alphabet;
    std::map<UString, TransExe> sections;
    Node root;
    std::map<Node*, double> finals;
    std::set<UChar32> escaped;  // none: lemmas are not printed for lt-proc
};

namespace {

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};

std::unique_ptr<ApertiumDictionary::Transducer> load_transducer(const std::string& automorf_bin) {
    auto fst = std::make_unique<ApertiumDictionary::Transducer>();
    std::unique_ptr<FILE, FileCloser> file(std::fopen(automorf_bin.c_str(), "rb"));
    if (!file) throw std::runtime_error(automorf_bin + ": " + std::strerror(errno));
    try {
        readTransducerSet(file.get(), fst->letters, fst->alphabet, fst->sections);
    } catch (const std::exception& e) {
        throw std::runtime_error(automorf_bin + ": not an lttoolbox transducer (" + e.what() + ")");
    }
    if (fst->sections.empty()) throw std::runtime_error(automorf_bin + ": no transducer in the file");
    for (auto& [name, section] : fst->sections) {
        fst->root.addTransition(0, 0, section.getInitial(), 0);
        fst->finals.insert(section.getFinals().begin(), section.getFinals().end());
    }
    return fst;
}

// Appends the analyses one transducer gives `text` (lower case, ё folded).
void analyse_with(ApertiumDictionary::Transducer& fst, const icu::UnicodeString& text, bool capitalized,
                  std::vector<LemmaAnalysis>& out) {
    State state;
    state.init(&fst.root);
    bool first = true;
    for (int32_t i = 0; i < text.length() && state.size() > 0;) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        // The analyzer folded ё to е; the dictionary spells ё (лёд, шёл).
        // A capital lets the walk enter names (<np>: Москва), as lt-proc
        // does. The overloads without a std::set spare an allocation a
        // letter (the set form was 10% of indexing with lemmas).
        const bool yo = c == u'е';
        if (first && capitalized) {
            std::set<int> alternatives{static_cast<int>(c), static_cast<int>(u_toupper(c))};
            if (yo) alternatives.insert({u'ё', u'Ё'});
            state.step(static_cast<int>(c), alternatives);
        } else if (yo) {
            state.step(static_cast<int>(c), static_cast<int>(u'ё'));
        } else {
            state.step(static_cast<int>(c));
        }
        first = false;
    }
    if (state.size() == 0 || !state.isFinal(fst.finals)) return;
    const UString found = state.filterFinals(fst.finals, fst.alphabet, fst.escaped);
    // "/уголь<n><m><nn><sg><gen>/…": an analysis after each slash.
    std::string utf8;
    icu::UnicodeString(found.data(), static_cast<int32_t>(found.size())).toUTF8String(utf8);
    std::size_t start = 0;
    while ((start = utf8.find('/', start)) != std::string::npos) {
        const std::size_t end = std::min(utf8.find('/', start + 1), utf8.size());
        const std::string analysis = utf8.substr(start + 1, end - start - 1);
        // Multiword lemmas ("иметь# в виду") are their head word.
        const std::string lemma = analysis.substr(0, analysis.find_first_of("<#"));
        if (!lemma.empty() && lemma[0] != '*')
            out.push_back({lemma, analysis.find("<np>") != std::string::npos});
        start = end;
    }
}

}  // namespace

ApertiumDictionary::ApertiumDictionary(const std::vector<std::string>& automorf_bins) {
    for (const std::string& file : automorf_bins) transducers_.push_back(load_transducer(file));
}

ApertiumDictionary::~ApertiumDictionary() = default;

void ApertiumDictionary::analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
    for (const auto& fst : transducers_) analyse_with(*fst, text, capitalized, out);
}

}  // namespace newsdex
