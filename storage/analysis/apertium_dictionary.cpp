#include "analysis/apertium_dictionary.h"

#include <lttoolbox/alphabet.h>
#include <lttoolbox/file_utils.h>
#include <lttoolbox/transducer.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

namespace newsdex {

// One analyser's sections joined under one root, as lt-proc's analysis mode
// joins them (FSTProcessor::calcInitial), so one walk finds every analysis.
//
// Why not lttoolbox's own walker (State): it keeps each path's output in a
// heap-allocated vector that every step and epsilon closure copies, and
// its nodes are std::maps; measured on 3,000 dev articles it was 13% of the
// indexer's CPU in lttoolbox plus as much again in allocations. Here the
// transducer is flat arrays, read once from lttoolbox's own file reader,
// and a walk is a depth-first search that keeps only what a lemma needs
// (its letters up to the first tag, and whether a tag says it is a name),
// in one buffer. Its analyses are lttoolbox's: compared word by word over
// the dev vocabulary (README, Word forms).
struct ApertiumDictionary::Transducer {
    struct Arc {
        int32_t input;   // a letter (code point), or 0: consumes no input
        int32_t output;  // a letter, a tag (< 0), or 0: writes nothing
        uint32_t target;
    };
    std::vector<uint32_t> first_arc;  // node n's arcs: [first_arc[n], first_arc[n + 1]), by input
    std::vector<Arc> arcs;
    std::vector<bool> final;
    std::vector<bool> name_tag;  // by -tag: the tag is <np>
    uint32_t root = 0;
};

namespace {

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};

using Transducer = ApertiumDictionary::Transducer;

std::unique_ptr<Transducer> load_transducer(const std::string& automorf_bin) {
    std::set<UChar32> letters;
    Alphabet alphabet;
    std::map<UString, ::Transducer> sections;
    {
        std::unique_ptr<FILE, FileCloser> file(std::fopen(automorf_bin.c_str(), "rb"));
        if (!file) throw std::runtime_error(automorf_bin + ": " + std::strerror(errno));
        try {
            readTransducerSet(file.get(), letters, alphabet, sections);
        } catch (const std::exception& e) {
            throw std::runtime_error(automorf_bin + ": not an lttoolbox transducer (" + e.what() + ")");
        }
    }
    if (sections.empty()) throw std::runtime_error(automorf_bin + ": no transducer in the file");

    // The sections' states numbered one after another, the root last.
    auto fst = std::make_unique<Transducer>();
    std::vector<uint32_t> offsets;
    uint32_t nodes = 0;
    for (auto& [name, section] : sections) {
        offsets.push_back(nodes);
        nodes += static_cast<uint32_t>(section.size());
    }
    fst->root = nodes;
    fst->final.assign(nodes + 1, false);
    fst->first_arc.reserve(nodes + 2);
    std::size_t index = 0;
    for (auto& [name, section] : sections) {
        const uint32_t offset = offsets[index++];
        auto& transitions = section.getTransitions();
        for (uint32_t state = 0; state < static_cast<uint32_t>(section.size()); ++state) {
            fst->first_arc.push_back(static_cast<uint32_t>(fst->arcs.size()));
            const auto found = transitions.find(static_cast<int>(state));
            if (found == transitions.end()) continue;
            for (const auto& [tag, target] : found->second) {
                const auto [input, output] = alphabet.decode(tag);
                fst->arcs.push_back({input, output, offset + static_cast<uint32_t>(target.first)});
            }
        }
        for (const auto& [state, weight] : section.getFinals()) fst->final[offset + static_cast<uint32_t>(state)] = true;
    }
    fst->first_arc.push_back(static_cast<uint32_t>(fst->arcs.size()));
    index = 0;
    for (auto& [name, section] : sections)
        fst->arcs.push_back({0, 0, offsets[index++] + static_cast<uint32_t>(section.getInitial())});
    fst->first_arc.push_back(static_cast<uint32_t>(fst->arcs.size()));
    for (uint32_t node = 0; node < nodes; ++node)
        std::sort(fst->arcs.begin() + fst->first_arc[node], fst->arcs.begin() + fst->first_arc[node + 1],
                  [](const Transducer::Arc& a, const Transducer::Arc& b) { return a.input < b.input; });
    fst->name_tag.assign(static_cast<std::size_t>(alphabet.size()) + 1, false);
    for (int32_t tag = 1; tag <= alphabet.size(); ++tag) {
        UString symbol;
        alphabet.getSymbol(symbol, -tag);
        fst->name_tag[static_cast<std::size_t>(tag)] = symbol == u"<np>";
    }
    return fst;
}

// One word's walk through one transducer: every path that reads the word
// and ends in a final state is an analysis; its lemma is what the path
// writes before the first tag (or '#', which ends a multiword's head word:
// «иметь# в виду»).
class Walk {
public:
    Walk(const Transducer& fst, const std::vector<std::array<int32_t, 4>>& letters, std::vector<LemmaAnalysis>& out)
        : fst_(fst), letters_(letters), out_(out) {}

    void run() { visit(fst_.root, 0, 0); }

private:
    // Deeper than any word's path: a guard against an epsilon loop, which
    // the dictionaries do not have (lttoolbox's walker would not end either).
    static constexpr int kMaxDepth = 512;

    void visit(uint32_t node, std::size_t position, int depth) {
        if (depth > kMaxDepth) return;
        const Transducer::Arc* begin = fst_.arcs.data() + fst_.first_arc[node];
        const Transducer::Arc* end = fst_.arcs.data() + fst_.first_arc[node + 1];
        const auto by_input = [](const Transducer::Arc& arc, int32_t input) { return arc.input < input; };
        for (const Transducer::Arc* arc = std::lower_bound(begin, end, 0, by_input); arc != end && arc->input == 0;
             ++arc)
            follow(*arc, position, depth);
        if (position == letters_.size()) {
            if (fst_.final[node]) emit();
            return;
        }
        for (const int32_t letter : letters_[position]) {
            if (letter == 0) break;
            for (const Transducer::Arc* arc = std::lower_bound(begin, end, letter, by_input);
                 arc != end && arc->input == letter; ++arc)
                follow(*arc, position + 1, depth);
        }
    }

    void follow(const Transducer::Arc& arc, std::size_t position, int depth) {
        const std::size_t lemma_size = lemma_.size();
        const bool lemma_ended = lemma_ended_;
        const int names = names_;
        if (arc.output < 0) {
            lemma_ended_ = true;
            const auto tag = static_cast<std::size_t>(-arc.output);
            if (tag < fst_.name_tag.size() && fst_.name_tag[tag]) ++names_;
        } else if (arc.output == '#') {
            lemma_ended_ = true;
        } else if (arc.output > 0 && !lemma_ended_) {
            lemma_.push_back(arc.output);
        }
        visit(arc.target, position, depth + 1);
        lemma_.resize(lemma_size);
        lemma_ended_ = lemma_ended;
        names_ = names;
    }

    void emit() {
        std::string lemma;
        for (const int32_t c : lemma_) {
            char bytes[U8_MAX_LENGTH];
            int32_t length = 0;
            UBool error = false;
            U8_APPEND(bytes, length, U8_MAX_LENGTH, c, error);
            if (!error) lemma.append(bytes, static_cast<std::size_t>(length));
        }
        if (!lemma.empty()) out_.push_back({std::move(lemma), names_ > 0});
    }

    const Transducer& fst_;
    const std::vector<std::array<int32_t, 4>>& letters_;
    std::vector<LemmaAnalysis>& out_;
    std::vector<int32_t> lemma_;
    bool lemma_ended_ = false;
    int names_ = 0;
};

// The letters a walk may read at each position of `word` (lower case, ё
// folded): the analyzer folded ё to е and the dictionary spells ё (лёд,
// шёл); a capital lets the walk enter names (<np>: Москва), as lt-proc
// does.
std::vector<std::array<int32_t, 4>> letters_of(const std::string& word, bool capitalized) {
    std::vector<std::array<int32_t, 4>> letters;
    for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
        UChar32 c = 0;
        U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
        if (c < 0) return {};
        std::array<int32_t, 4> options{c, 0, 0, 0};
        std::size_t n = 1;
        const bool yo = c == U'е';
        if (yo) options[n++] = U'ё';
        if (letters.empty() && capitalized) {
            if (const UChar32 upper = u_toupper(c); upper != c) options[n++] = upper;
            if (yo) options[n++] = U'Ё';
        }
        letters.push_back(options);
    }
    return letters;
}

}  // namespace

ApertiumDictionary::ApertiumDictionary(const std::vector<std::string>& automorf_bins) {
    for (const std::string& file : automorf_bins) transducers_.push_back(load_transducer(file));
}

ApertiumDictionary::~ApertiumDictionary() = default;

void ApertiumDictionary::analyse(const std::string& word, bool capitalized, std::vector<LemmaAnalysis>& out) {
    const std::vector<std::array<int32_t, 4>> letters = letters_of(word, capitalized);
    if (letters.empty()) return;
    for (const auto& fst : transducers_) Walk(*fst, letters, out).run();
}

}  // namespace newsdex
