#include "analysis/lemmatizer.h"

#include "analysis/lemma_synonyms.h"
#include "analysis/morph_module.h"
#include "analysis/stopwords.h"
#include "analysis/word_normalizer.h"
#include "base/schema.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string_view>

namespace newsdex {

struct Lemmatizer::Entry {
    std::vector<std::string> files;
    std::function<std::unique_ptr<MorphDictionary>(const MorphModuleApi&)> load;
    // Asked about a word the queried index never met (see use_index).
    bool for_unmet_query_words;
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
// Slots of each RecentWords table of cache entries (64 bytes each: 1 MB;
// 256 KB kept fewer of the words that recur, measured on 3,000 dev articles).
constexpr std::size_t kRecentSlots = std::size_t{1} << 14;

// A cache entry's address as a RecentWords value, and back: node-based
// maps keep an entry where it is until it is erased.
void remember(RecentWords& recent, const std::string& word, std::size_t hash, const WordLemmas& entry) {
    const auto address = reinterpret_cast<std::uintptr_t>(&entry);
    recent.put(word, hash, std::string_view(reinterpret_cast<const char*>(&address), sizeof address));
}

const WordLemmas* entry_address(std::string_view bytes) {
    std::uintptr_t address;
    std::memcpy(&address, bytes.data(), sizeof address);
    return reinterpret_cast<const WordLemmas*>(address);
}

bool is_superscript_digit(UChar32 c) { return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079); }

// Lower-case Russian letters but ё only (а..п: D0 B0..BF, р..я: D1 80..8F):
// a lemma that normalize_lemma would give back as it is.
bool is_plain_lower_russian(const std::string& word) {
    if (word.empty() || word.size() % 2) return false;
    for (std::size_t i = 0; i < word.size(); i += 2) {
        const auto lead = static_cast<unsigned char>(word[i]);
        const auto next = static_cast<unsigned char>(word[i + 1]);
        if (!(lead == 0xD0 && next >= 0xB0 && next <= 0xBF) && !(lead == 0xD1 && next >= 0x80 && next <= 0x8F))
            return false;
    }
    return true;
}

}  // namespace

bool is_cyrillic_word(const std::string& word) {
    // U+0400..U+052F are the two-byte sequences D0 80 .. D4 AF: read the
    // bytes, as this runs for every word indexed.
    if (word.empty() || word.size() % 2) return false;
    for (std::size_t i = 0; i < word.size(); i += 2) {
        const auto lead = static_cast<unsigned char>(word[i]);
        const auto next = static_cast<unsigned char>(word[i + 1]);
        if (lead < 0xD0 || lead > 0xD4 || (next & 0xC0) != 0x80 || (lead == 0xD4 && next > 0xAF)) return false;
    }
    return true;
}

std::string normalize_lemma(const std::string& lemma) {
    // Most lemmas: no ICU round trip (it was 3,100 instructions a lemma, 4%
    // of indexing 300 dev articles, where each form is new).
    if (is_plain_lower_russian(lemma)) return lemma;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(lemma);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!is_superscript_digit(c)) kept.append(c);
    }
    return normalize_word(kept);
}

Lemmatizer::Lemmatizer(DictionaryFiles files)
    : recent_{RecentWords(kRecentSlots), RecentWords(kRecentSlots)}, without_lemmas_(!files.wanted) {
    // The dictionaries asked, in order: drop one by deleting its line.
    dictionaries_.push_back(std::make_unique<Entry>(Entry{
        files.apertium, [f = files.apertium](const MorphModuleApi& api) { return api.apertium(f); }, true, nullptr}));
    dictionaries_.push_back(std::make_unique<Entry>(Entry{
        {files.hunspell_aff, files.hunspell_dic},
        [a = files.hunspell_aff, d = files.hunspell_dic](const MorphModuleApi& api) { return api.hunspell(a, d); },
        false, nullptr}));
    // All or none: lemmas from fewer dictionaries would differ from those
    // of an index made with all of them.
    for (const auto& entry : dictionaries_)
        for (const std::string& file : entry->files)
            if (missing_.empty() && !std::ifstream(file)) missing_ = file;
}

Lemmatizer::~Lemmatizer() = default;
Lemmatizer::Lemmatizer(Lemmatizer&&) noexcept = default;
Lemmatizer& Lemmatizer::operator=(Lemmatizer&&) noexcept = default;

WordLemmas::WordLemmas(std::vector<std::string> found, bool stopword_form, InsideSentence inside_sentence,
                       bool common_word)
    : lemmas(std::move(found)), stopword_form_(stopword_form), inside_sentence_(inside_sentence),
      common_word_(common_word) {
    bool any_stopword = false;
    for (std::size_t i = 0; i < lemmas.size(); ++i) {
        if (!newsdex::is_stopword(lemmas[i])) continue;
        any_stopword = true;
        if (i < 32) stopwords_ |= std::uint32_t{1} << i;
    }
    stand_for_stem_ = !lemmas.empty() && !any_stopword;  // as lemmas_stand_for_stem says
}

bool WordLemmas::is_stopword(std::size_t i) const {
    // A word has a handful of lemmas: the mask covers them all.
    return i < 32 ? (stopwords_ >> i & 1) != 0 : newsdex::is_stopword(lemmas[i]);
}

const WordLemmas& Lemmatizer::word_lemmas(const std::string& word, bool capitalized) {
    static const WordLemmas none;
    if (!available() || !is_cyrillic_word(word)) return none;
    // One cache a case, so that a hit builds no key (this runs for every
    // word indexed).
    auto& cache = cache_[capitalized ? 1 : 0];
    RecentWords& recent = recent_[capitalized ? 1 : 0];
    const std::size_t hash = std::hash<std::string>{}(word);
    if (const std::optional<std::string_view> entry = recent.find(word, hash)) return *entry_address(*entry);
    if (auto it = cache.find(word); it != cache.end()) {
        remember(recent, word, hash, it->second);
        return it->second;
    }
    if (cache.size() >= kMaxCachedWords) {
        cache.clear();
        recent.clear();
    }
    Found found;
    if (std::optional<std::vector<std::string>> recorded = index_ ? lemmas_in_index(*index_, word, capitalized)
                                                                  : std::nullopt)
        found.lemmas = std::move(*recorded);
    else if (missing_.empty())
        found = lookup(word, capitalized, /*unmet_query_word=*/index_.has_value());
    // Asked of indexing only: lemmas read from an index (a query's) do not
    // say which reading is a verb's or a genitive plural. A name a
    // dictionary knows has lemmas of its own, not the lower-case word's
    // (looked up, and cached, in the other cache).
    const bool common_word =
        capitalized && !index_ && !found.lemmas.empty() && found.lemmas == lemmas(word, false);
    const InsideSentence inside = inside_sentence(word, found, common_word);
    if (recording_) {
        FormLemmas f{word, capitalized, found.lemmas, {}};
        // Recorded as an entry of its own, and compared only when the form
        // has lemmas (lemma_synonyms.cpp): a capitalized word no dictionary
        // knows (42,424 of the dev set's 88,951 capitalized forms: names,
        // mostly) asked both dictionaries again, in lower case, for nothing.
        if (capitalized && !found.lemmas.empty()) f.lower_lemmas = lemmas(word, false);
        new_forms_.push_back(std::move(f));
    }
    const WordLemmas& entry =
        cache.emplace(word, WordLemmas(std::move(found.lemmas), is_stopword(word), inside, common_word)).first->second;
    remember(recent, word, hash, entry);
    return entry;
}

InsideSentence Lemmatizer::inside_sentence(const std::string& word, const Found& found, bool common_word) {
    // A verb is no name: it begins a title («Россия Зовет»).
    if (!common_word || found.verb) return InsideSentence::lemmas;
    // A Russian surname's nominative is its stem's genitive plural (Песков,
    // Волков, Пушков; Ильин), whatever else the form may be (Волков: the
    // accusative too; Лавров: лавровый's short form): capitalized inside a
    // sentence, such a form is a surname far more often than the word: of
    // the 460 forms so used in the dev set, all but a few are surnames or
    // towns (Ростов), the others names made of words (Соединённых Штатов,
    // Крыльев Советов), which the indexer tells by the capitalized common
    // word before them (analyzer.cpp).
    static constexpr std::array<std::string_view, 4> kSurnameEndings{"ов", "ев", "ин", "ын"};
    const bool surname_ending = std::any_of(kSurnameEndings.begin(), kSurnameEndings.end(),
                                            [&](std::string_view e) { return word.ends_with(e); });
    return found.genitive_plural_noun && surname_ending ? InsideSentence::surname : InsideSentence::name_use;
}

void Lemmatizer::use_index(const Xapian::Database& db) {
    for (auto& cache : cache_) cache.clear();  // what another index (or none) answered
    for (RecentWords& recent : recent_) recent.clear();
    index_.reset();
    // No document has lemma terms: no query on it asks for lemmas (not even
    // a compound's key), so no dictionary is loaded for it.
    without_lemmas_ = db.get_termfreq(std::string(schema::kLemmaMarker)) == 0;
    if (!without_lemmas_ && has_lemma_synonyms(db)) index_ = db;
}

Lemmatizer::Found Lemmatizer::lookup(const std::string& word, bool capitalized, bool unmet_query_word) {
    std::vector<LemmaAnalysis> found;
    if (!module_) module_ = std::make_unique<MorphModule>();
    for (const auto& entry : dictionaries_) {
        if (unmet_query_word && !entry->for_unmet_query_words) continue;
        entry->get(*module_).analyse(word, capitalized, found);
        if (!capitalized && !found.empty()) break;
    }
    const bool any_name = std::any_of(found.begin(), found.end(), [](const LemmaAnalysis& a) { return a.proper; });
    Found out;
    for (const LemmaAnalysis& a : found) {
        if (any_name && !a.proper) continue;
        out.verb |= a.verb;
        out.genitive_plural_noun |= a.genitive_plural_noun;
        if (std::string lemma = normalize_lemma(a.lemma); !lemma.empty()) out.lemmas.push_back(std::move(lemma));
    }
    std::sort(out.lemmas.begin(), out.lemmas.end());
    out.lemmas.erase(std::unique(out.lemmas.begin(), out.lemmas.end()), out.lemmas.end());
    return out;
}

bool lemmas_stand_for_stem(const std::vector<std::string>& lemmas) {
    return !lemmas.empty() &&
           std::none_of(lemmas.begin(), lemmas.end(), [](const std::string& l) { return is_stopword(l); });
}

}  // namespace newsdex
