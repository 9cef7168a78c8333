#include "analysis/apertium_dictionary.h"

#include <lttoolbox/alphabet.h>
#include <lttoolbox/file_utils.h>
#include <lttoolbox/transducer.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

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
    // What a tag says of an analysis, as a bit: a name (<np>), a verb
    // (<vblex>, <vbser>, <vbmod>...), a common noun (<n>), plural (<pl>),
    // genitive (<gen>); 0 for any other tag.
    using TagKind = uint8_t;
    static constexpr TagKind kName = 1, kVerb = 2, kNoun = 4, kPlural = 8, kGenitive = 16;
    std::vector<TagKind> tag_kind;  // by -tag
    // By node: what a walk can do from it, as bits — bit (letter % 63) for
    // each letter it can read next, itself or after arcs that read nothing,
    // and kFinalBit if it can end there so. A walk skips an arc whose target
    // cannot read its next letter (or end, once the word is read): without
    // this it went down about 250 nodes a word, most of them dead ends
    // (callgrind: 27 k instructions a walk).
    std::vector<uint64_t> reach;
    uint32_t root = 0;

    static constexpr uint64_t kFinalBit = uint64_t{1} << 63;
    static uint64_t letter_bit(int32_t letter) { return uint64_t{1} << (static_cast<uint32_t>(letter) % 63); }
};

namespace {

using Transducer = ApertiumDictionary::Transducer;

// A tag's name without its brackets ("np", "vblex").
Transducer::TagKind kind_of_tag(const std::u32string& name) {
    if (name == U"np") return Transducer::kName;
    if (name.starts_with(U"vb")) return Transducer::kVerb;
    if (name == U"n") return Transducer::kNoun;
    if (name == U"pl") return Transducer::kPlural;
    if (name == U"gen") return Transducer::kGenitive;
    return 0;
}

// Puts the sections of one file into one Transducer, states numbered one
// section after another and the root last. Readers give each section's
// states in order, with their arcs.
class TransducerBuilder {
public:
    void begin_section(uint32_t states, uint32_t initial) {
        offset_ = static_cast<uint32_t>(fst_->final.size());
        fst_->final.resize(offset_ + states, false);
        fst_->first_arc.reserve(offset_ + states + 1);
        initials_.push_back(offset_ + initial);
    }
    void reserve_arcs(std::size_t arcs) { fst_->arcs.reserve(arcs); }
    void begin_state() { fst_->first_arc.push_back(static_cast<uint32_t>(fst_->arcs.size())); }
    void add_arc(int32_t input, int32_t output, uint32_t target) {
        fst_->arcs.push_back({input, output, offset_ + target});
    }
    void set_final(uint32_t state) { fst_->final.at(offset_ + state) = true; }

    // `tag_kinds`: by -tag.
    std::unique_ptr<Transducer> finish(std::vector<Transducer::TagKind> tag_kinds) {
        const auto nodes = static_cast<uint32_t>(fst_->final.size());
        if (fst_->first_arc.size() != nodes) throw std::runtime_error("states and their arcs do not agree");
        fst_->root = nodes;
        begin_state();
        for (const uint32_t initial : initials_) fst_->arcs.push_back({0, 0, initial});
        fst_->final.push_back(false);
        fst_->first_arc.push_back(static_cast<uint32_t>(fst_->arcs.size()));
        for (const Transducer::Arc& arc : fst_->arcs)
            if (arc.target >= fst_->root) throw std::runtime_error("an arc leads to no state");
        for (uint32_t node = 0; node < nodes; ++node)
            std::sort(fst_->arcs.begin() + fst_->first_arc[node], fst_->arcs.begin() + fst_->first_arc[node + 1],
                      [](const Transducer::Arc& a, const Transducer::Arc& b) { return a.input < b.input; });
        fst_->tag_kind = std::move(tag_kinds);
        compute_reach(*fst_);
        return std::move(fst_);
    }

private:
    // Transducer::reach, by a depth-first pass over the arcs that read
    // nothing. Such arcs form no cycle in the dictionaries (a walk would not
    // end either); if one did, its nodes would get every bit, and prune
    // nothing.
    static void compute_reach(Transducer& fst) {
        const auto nodes = static_cast<uint32_t>(fst.final.size());
        fst.reach.assign(nodes, 0);
        std::vector<uint8_t> state(nodes, 0);  // 0 not yet, 1 on the path, 2 done
        std::vector<std::pair<uint32_t, uint32_t>> stack;  // node, next arc
        for (uint32_t start = 0; start < nodes; ++start) {
            if (state[start]) continue;
            stack.emplace_back(start, fst.first_arc[start]);
            state[start] = 1;
            while (!stack.empty()) {
                auto& [node, next] = stack.back();
                if (next < fst.first_arc[node + 1]) {
                    const Transducer::Arc& arc = fst.arcs[next++];
                    if (arc.input != 0) {
                        fst.reach[node] |= Transducer::letter_bit(arc.input);
                    } else if (state[arc.target] == 0) {
                        state[arc.target] = 1;
                        stack.emplace_back(arc.target, fst.first_arc[arc.target]);
                    } else {
                        fst.reach[node] |= state[arc.target] == 2 ? fst.reach[arc.target] : ~uint64_t{0};
                    }
                    continue;
                }
                const uint32_t done = node;
                if (fst.final[done]) fst.reach[done] |= Transducer::kFinalBit;
                state[done] = 2;
                stack.pop_back();
                if (!stack.empty()) fst.reach[stack.back().first] |= fst.reach[done];
            }
        }
    }

    std::unique_ptr<Transducer> fst_ = std::make_unique<Transducer>();
    std::vector<uint32_t> initials_;
    uint32_t offset_ = 0;
};

// lttoolbox's classic binary format (what Debian's apertium packages ship:
// a "LTTB" header without features, each section under a "LTTD" header
// without weights), read straight into flat arrays: 1/20 of the
// instructions of lttoolbox's reader, which builds a std::map a state
// (about 200 M instructions for the two analysers, most of a query whose
// word the index never met). Another format gives nullopt.
class ClassicReader {
public:
    explicit ClassicReader(std::string bytes) : bytes_(std::move(bytes)) {}

    std::optional<std::unique_ptr<Transducer>> read() {
        if (!header("LTTB")) return std::nullopt;
        for (uint64_t letters = number(); letters > 0; --letters) number();
        std::vector<Transducer::TagKind> tag_kinds = alphabet();
        TransducerBuilder builder;
        // An arc takes two bytes of the file at least: room for them all
        // at once, where growing the arrays arc by arc copied them some
        // twenty times (a sixth of loading).
        builder.reserve_arcs(bytes_.size() / 2);
        for (uint64_t sections = number(); sections > 0; --sections) {
            for (uint64_t name = number(); name > 0; --name) number();
            if (!header("LTTD")) return std::nullopt;
            section(builder);
        }
        return builder.finish(std::move(tag_kinds));
    }

private:
    // A header with no feature flags; none at all is the older format,
    // which reads the same.
    bool header(std::string_view magic) {
        if (bytes_.compare(at_, magic.size(), magic) != 0) return true;
        at_ += magic.size();
        for (int i = 0; i < 8; ++i)
            if (byte() != 0) return false;
        return true;
    }

    unsigned byte() {
        if (at_ >= bytes_.size()) throw std::runtime_error("ends too soon");
        return static_cast<unsigned char>(bytes_[at_++]);
    }

    // lttoolbox's Compression::multibyte_read: the top two bits of the
    // first byte say how many bytes follow.
    uint64_t number() {
        const unsigned first = byte();
        uint64_t value = first & 0x3F;
        for (unsigned more = first >> 6; more > 0; --more) value = (value << 8) | byte();
        return value;
    }

    // A number of things each written in at least one byte: a damaged
    // file cannot ask for more room than it has bytes.
    uint64_t count() {
        const uint64_t n = number();
        if (n > bytes_.size() - at_) throw std::runtime_error("a count larger than the file");
        return n;
    }

    // The tags ("np" for <np>) and the symbol pairs an arc's tag names:
    // (input, output), tags negative.
    std::vector<Transducer::TagKind> alphabet() {
        const uint64_t tags = count();
        std::vector<Transducer::TagKind> tag_kinds(tags + 1, 0);
        for (uint64_t tag = 1; tag <= tags; ++tag) {
            std::u32string name;
            for (uint64_t length = number(); length > 0; --length) name.push_back(static_cast<char32_t>(number()));
            tag_kinds[tag] = kind_of_tag(name);
        }
        const auto bias = static_cast<int64_t>(tags);
        for (uint64_t pairs = number(); pairs > 0; --pairs) {
            const auto input = static_cast<int64_t>(number()) - bias;
            const auto output = static_cast<int64_t>(number()) - bias;
            pairs_.push_back({static_cast<int32_t>(input), static_cast<int32_t>(output)});
        }
        return tag_kinds;
    }

    // Transducer::read: the initial state, the finals as deltas, then each
    // state's arcs as (tag delta, target delta modulo the state count).
    void section(TransducerBuilder& builder) {
        const uint64_t initial = number();
        std::vector<uint64_t> finals;
        uint64_t final_state = 0;
        for (uint64_t count = number(); count > 0; --count) finals.push_back(final_state += number());
        const uint64_t states = count();
        if (states == 0 || initial >= states) throw std::runtime_error("a section without its initial state");
        builder.begin_section(static_cast<uint32_t>(states), static_cast<uint32_t>(initial));
        for (uint64_t state = 0; state < states; ++state) {
            builder.begin_state();
            uint64_t tag = 0;
            for (uint64_t arcs = number(); arcs > 0; --arcs) {
                tag += number();
                const uint64_t target = (state + number()) % states;
                const auto& [input, output] = pairs_.at(tag);
                builder.add_arc(input, output, static_cast<uint32_t>(target));
            }
        }
        for (const uint64_t state : finals) builder.set_final(static_cast<uint32_t>(state));
    }

    std::string bytes_;
    std::size_t at_ = 0;
    std::vector<std::pair<int32_t, int32_t>> pairs_;
};

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};

// Any other format lttoolbox reads (memory-mapped, weighted), through
// lttoolbox's own reader.
std::unique_ptr<Transducer> read_with_lttoolbox(FILE* file) {
    std::set<UChar32> letters;
    Alphabet alphabet;
    std::map<UString, ::Transducer> sections;
    readTransducerSet(file, letters, alphabet, sections);
    if (sections.empty()) throw std::runtime_error("no transducer in the file");
    TransducerBuilder builder;
    for (auto& [name, section] : sections) {
        const auto states = static_cast<uint32_t>(section.size());
        builder.begin_section(states, static_cast<uint32_t>(section.getInitial()));
        auto& transitions = section.getTransitions();
        for (uint32_t state = 0; state < states; ++state) {
            builder.begin_state();
            const auto found = transitions.find(static_cast<int>(state));
            if (found == transitions.end()) continue;
            for (const auto& [tag, target] : found->second) {
                const auto [input, output] = alphabet.decode(tag);
                builder.add_arc(input, output, static_cast<uint32_t>(target.first));
            }
        }
        for (const auto& [state, weight] : section.getFinals()) builder.set_final(static_cast<uint32_t>(state));
    }
    std::vector<Transducer::TagKind> tag_kinds(static_cast<std::size_t>(alphabet.size()) + 1, 0);
    for (int32_t tag = 1; tag <= alphabet.size(); ++tag) {
        UString symbol;
        alphabet.getSymbol(symbol, -tag);
        if (symbol.size() >= 2 && symbol.front() == u'<' && symbol.back() == u'>')
            tag_kinds[static_cast<std::size_t>(tag)] =
                kind_of_tag(std::u32string(symbol.begin() + 1, symbol.end() - 1));
    }
    return builder.finish(std::move(tag_kinds));
}

std::unique_ptr<Transducer> load_transducer(const std::string& automorf_bin) {
    std::unique_ptr<FILE, FileCloser> file(std::fopen(automorf_bin.c_str(), "rb"));
    if (!file) throw std::runtime_error(automorf_bin + ": " + std::strerror(errno));
    try {
        // Read whole, into a string of the file's size: growing it chunk by
        // chunk copied it over and over.
        std::string bytes;
        struct stat st {};
        if (::fstat(::fileno(file.get()), &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
        char buffer[1 << 16];
        while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get())) bytes.append(buffer, n);
        if (std::ferror(file.get())) throw std::runtime_error(std::strerror(errno));
        if (auto fst = ClassicReader(std::move(bytes)).read()) return std::move(*fst);
        std::rewind(file.get());
        return read_with_lttoolbox(file.get());
    } catch (const std::exception& e) {
        throw std::runtime_error(automorf_bin + ": not an lttoolbox transducer (" + e.what() + ")");
    }
}

// One word's walk through one transducer: every path that reads the word
// and ends in a final state is an analysis; its lemma is what the path
// writes before the first tag (or '#', which ends a multiword's head word:
// «иметь# в виду»).
class Walk {
public:
    Walk(const Transducer& fst, const std::vector<std::array<int32_t, 4>>& letters, std::vector<LemmaAnalysis>& out)
        : fst_(fst), letters_(letters), out_(out) {}

    void run() {
        wanted_.reserve(letters_.size() + 1);
        for (const auto& options : letters_) {
            uint64_t bits = 0;
            for (const int32_t letter : options)
                if (letter != 0) bits |= Transducer::letter_bit(letter);
            wanted_.push_back(bits);
        }
        wanted_.push_back(Transducer::kFinalBit);
        visit(fst_.root, 0, 0);
    }

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
            if (fst_.reach[arc->target] & wanted_[position]) follow(*arc, position, depth);
        if (position == letters_.size()) {
            if (fst_.final[node]) emit();
            return;
        }
        for (const int32_t letter : letters_[position]) {
            if (letter == 0) break;
            for (const Transducer::Arc* arc = std::lower_bound(begin, end, letter, by_input);
                 arc != end && arc->input == letter; ++arc)
                if (fst_.reach[arc->target] & wanted_[position + 1]) follow(*arc, position + 1, depth);
        }
    }

    void follow(const Transducer::Arc& arc, std::size_t position, int depth) {
        const std::size_t lemma_size = lemma_.size();
        const bool lemma_ended = lemma_ended_;
        const Transducer::TagKind kinds = kinds_;
        if (arc.output < 0) {
            lemma_ended_ = true;
            if (const auto tag = static_cast<std::size_t>(-arc.output); tag < fst_.tag_kind.size())
                kinds_ |= fst_.tag_kind[tag];
        } else if (arc.output == '#') {
            lemma_ended_ = true;
        } else if (arc.output > 0 && !lemma_ended_) {
            lemma_.push_back(arc.output);
        }
        visit(arc.target, position, depth + 1);
        lemma_.resize(lemma_size);
        lemma_ended_ = lemma_ended;
        kinds_ = kinds;
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
        constexpr Transducer::TagKind kGenitivePluralNoun = Transducer::kNoun | Transducer::kPlural | Transducer::kGenitive;
        if (!lemma.empty())
            out_.push_back({std::move(lemma), (kinds_ & Transducer::kName) != 0, (kinds_ & Transducer::kVerb) != 0,
                            (kinds_ & kGenitivePluralNoun) == kGenitivePluralNoun});
    }

    const Transducer& fst_;
    const std::vector<std::array<int32_t, 4>>& letters_;
    std::vector<LemmaAnalysis>& out_;
    std::vector<uint64_t> wanted_;  // by position: the bits of its letters (Transducer::reach); then kFinalBit
    std::vector<int32_t> lemma_;
    bool lemma_ended_ = false;
    Transducer::TagKind kinds_ = 0;  // of the tags on the path so far
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
