#include "analysis/lemmatizer.h"

#include "analysis/lemma_synonyms.h"
#include "analysis/morph_module.h"
#include "analysis/word_normalizer.h"
#include "base/schema.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>

namespace newsdex {

struct Lemmatizer::Entry {
    std::vector<std::string> files;
    std::function<std::unique_ptr<MorphDictionary>(const MorphModuleApi&)> load;
    std::unique_ptr<MorphDictionary> dictionary;

    MorphDictionary& get(const MorphModule& module) {
        if (!dictionary) dictionary = load(module.api());
        return *dictionary;
    }
};

namespace {

// A cache of this many words holds a day of news's vocabulary; past it,
// starting afresh costs less than an eviction policy would.
constexpr std::size_t kMaxCachedWords = std::size_t{1} << 18;

bool is_superscript_digit(UChar32 c) { return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079); }

}  // namespace

bool is_cyrillic_word(const std::string& word) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
    if (text.isEmpty()) return false;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!(c >= 0x0400 && c <= 0x052F)) return false;
    }
    return true;
}

std::string normalize_lemma(const std::string& lemma) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(lemma);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!is_superscript_digit(c)) kept.append(c);
    }
    return normalize_word(kept);
}

Lemmatizer::Lemmatizer(DictionaryFiles files) {
    // The dictionaries asked, in order: drop one by deleting its line.
    dictionaries_.push_back(std::make_unique<Entry>(Entry{
        {files.apertium}, [f = files.apertium](const MorphModuleApi& api) { return api.apertium(f); }, nullptr}));
    dictionaries_.push_back(std::make_unique<Entry>(Entry{
        {files.hunspell_aff, files.hunspell_dic},
        [a = files.hunspell_aff, d = files.hunspell_dic](const MorphModuleApi& api) { return api.hunspell(a, d); },
        nullptr}));
    // All or none: lemmas from fewer dictionaries would differ from those
    // of an index made with all of them.
    for (const auto& entry : dictionaries_)
        for (const std::string& file : entry->files)
            if (missing_.empty() && !std::ifstream(file)) missing_ = file;
}

Lemmatizer::~Lemmatizer() = default;
Lemmatizer::Lemmatizer(Lemmatizer&&) noexcept = default;
Lemmatizer& Lemmatizer::operator=(Lemmatizer&&) noexcept = default;

const std::vector<std::string>& Lemmatizer::lemmas(const std::string& word, bool capitalized) {
    static const std::vector<std::string> none;
    if (!available() || !is_cyrillic_word(word)) return none;
    std::string key = word;
    if (capitalized) key += '\x01';
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    std::vector<std::string> found;
    if (std::optional<std::vector<std::string>> recorded = index_ ? lemmas_in_index(*index_, word, capitalized)
                                                                  : std::nullopt)
        found = std::move(*recorded);
    else if (missing_.empty())
        found = lookup(word, capitalized);
    if (recording_) {
        FormLemmas f{word, capitalized, found, {}};
        if (capitalized) f.lower_lemmas = lemmas(word, false);  // recorded as an entry of its own
        new_forms_.push_back(std::move(f));
    }
    return cache_.emplace(std::move(key), std::move(found)).first->second;
}

void Lemmatizer::use_index(const Xapian::Database& db) {
    cache_.clear();  // what another index (or none) answered
    index_.reset();
    // No document has lemma terms: no query on it asks for lemmas (not even
    // a compound's key), so no dictionary is loaded for it.
    without_lemmas_ = db.get_termfreq(std::string(schema::kLemmaMarker)) == 0;
    if (!without_lemmas_ && has_lemma_synonyms(db)) index_ = db;
}

std::vector<std::string> Lemmatizer::lookup(const std::string& word, bool capitalized) {
    std::vector<LemmaAnalysis> found;
    if (!module_) module_ = std::make_unique<MorphModule>();
    for (const auto& entry : dictionaries_) {
        entry->get(*module_).analyse(word, capitalized, found);
        if (!capitalized && !found.empty()) break;
    }
    const bool any_name = std::any_of(found.begin(), found.end(), [](const LemmaAnalysis& a) { return a.proper; });
    std::vector<std::string> out;
    for (const LemmaAnalysis& a : found) {
        if (any_name && !a.proper) continue;
        if (std::string lemma = normalize_lemma(a.lemma); !lemma.empty()) out.push_back(std::move(lemma));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace newsdex
