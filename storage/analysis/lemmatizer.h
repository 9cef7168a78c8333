// Dictionary lemmas of Russian words, beside Snowball stems: the one place
// both the indexer and the query builder ask what a word form is a form of
// (README, Word forms). Not thread-safe: each Analyzer owns one.
#pragma once

#include "analysis/morph_dictionary.h"
#include "analysis/recent_words.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsdex {

class MorphModule;

// Where the dictionaries are installed (Debian: apertium-bel-rus,
// apertium-rus-ukr, hunspell-ru). Apertium's two Russian analysers are asked
// together: each lacks common words the other has (rus-bel reads «лев» only
// as левый and «рот» only as рота, and does not know «нашли»; rus-ukr
// lacks others), and scripts/eval-morphology measured the union.
struct DictionaryFiles {
    std::vector<std::string> apertium = {"/usr/share/apertium/apertium-bel-rus/rus-bel.automorf.bin",
                                         "/usr/share/apertium/apertium-rus-ukr/rus-ukr.automorf.bin"};
    std::string hunspell_aff = "/usr/share/hunspell/ru_RU.aff";
    std::string hunspell_dic = "/usr/share/hunspell/ru_RU.dic";
    // False: no dictionary at all, and no warning that one is missing
    // (newsdex-index --stems-only).
    bool wanted = true;
};

// A form's lemmas as a lookup found them, for the index's synonym table
// (lemma_synonyms.h).
struct FormLemmas {
    std::string form;
    bool capitalized = false;
    std::vector<std::string> lemmas;
    std::vector<std::string> lower_lemmas;  // capitalized: the form's lemmas in lower case
};

// How a capitalized word is indexed where it does not begin a sentence
// (schema.h, XC and XN); a word in lower case, or at a sentence's start, is
// indexed by its lemmas whatever this says.
enum class InsideSentence : uint8_t {
    lemmas,    // by its lemmas: a name a dictionary knows, a verb (a title's
               // first word: «Россия Зовет»), a word no dictionary knows
    name_use,  // a word the dictionaries read only as a common word, used as
               // a name: its lemmas as XC terms («сектор Газа», «Совет Федерации»)
    surname,   // such a word shaped as a surname: a common noun's genitive
               // plural in -ов, -ев, -ин, -ын («Песков»: песок, «Волков»):
               // indexed as a name no dictionary knows (XN), unless a
               // capitalized common word comes right before it («Соединённых
               // Штатов»: a name made of words, so name_use). (The analyzer
               // also indexes a name_use word so right after a first name:
               // «Илона Маска».)
};

// A word's lemmas as Lemmatizer::lemmas gives them, with what indexing
// asks of them at every occurrence of the word, worked out once when the
// word is first looked up: is_stopword for each lemma at each occurrence
// was 1.2% of indexing's time (perf, 3,000 dev articles).
struct WordLemmas {
    std::vector<std::string> lemmas;

    // `stopword_form`: the word is itself a stopword (stopwords.h).
    // `common_word`: capitalized, and read only as in lower case (no name
    // reading; a verb's included).
    explicit WordLemmas(std::vector<std::string> found = {}, bool stopword_form = false,
                        InsideSentence inside_sentence = InsideSentence::lemmas, bool common_word = false);
    // lemmas_stand_for_stem(lemmas)
    bool stand_for_stem() const { return stand_for_stem_; }
    // The word is a stopword: no stem term (schema.h, Z).
    bool stopword_form() const { return stopword_form_; }
    // Whether lemmas[i] is a stopword, which gets no lemma term (schema.h, XM).
    bool is_stopword(std::size_t i) const;
    // How the word, capitalized, is indexed inside a sentence (always
    // `lemmas` where they come from an index: see Lemmatizer::use_index).
    InsideSentence inside_sentence() const { return inside_sentence_; }
    // Capitalized, it is still only a common word (a verb's form too): so
    // a word after it begins no person's name (likewise only for indexing).
    bool capitalized_common_word() const { return common_word_; }

private:
    std::uint32_t stopwords_ = 0;  // bit i: lemmas[i], for the first 32
    bool stand_for_stem_ = false;
    bool stopword_form_ = false;
    InsideSentence inside_sentence_ = InsideSentence::lemmas;
    bool common_word_ = false;
};

class Lemmatizer {
public:
    // Loads nothing yet: a query that needs no lemma pays for no dictionary.
    // Only checks the files are there (see available()).
    explicit Lemmatizer(DictionaryFiles files = {});
    ~Lemmatizer();
    Lemmatizer(const Lemmatizer&) = delete;
    Lemmatizer& operator=(const Lemmatizer&) = delete;
    Lemmatizer(Lemmatizer&&) noexcept;
    Lemmatizer& operator=(Lemmatizer&&) noexcept;

    // False when a dictionary file is missing: then no word has lemmas, and
    // missing_file() names the first file not found.
    // True too when use_index gave an index whose synonym table holds
    // lemmas: words it met need no dictionary.
    // False after use_index on an index without lemma terms.
    bool available() const { return !without_lemmas_ && (missing_.empty() || index_.has_value()); }
    const std::string& missing_file() const { return missing_; }

    // The lemmas of a normalized word (lower case, ё folded), normalized the
    // same way, sorted; empty when no dictionary knows the word, or it is not
    // a Cyrillic word. A lower-case word takes the first dictionary that
    // knows it; a capitalized one (a name, or a sentence's first word) asks
    // them all and keeps the names if any is one, so «Путина» is Путин,
    // not путина (a fishing season), while «путина» stays путина.
    // Throws std::runtime_error if a dictionary file cannot be read.
    const std::vector<std::string>& lemmas(const std::string& word, bool capitalized) {
        return word_lemmas(word, capitalized).lemmas;
    }
    // The same, with what indexing asks of them (WordLemmas).
    const WordLemmas& word_lemmas(const std::string& word, bool capitalized);

    // Indexing: every word looked up for the first time (by this
    // lemmatizer) is kept until take_new_forms(), for the synonym table.
    void record_new_forms() { recording_ = true; }
    std::vector<FormLemmas> take_new_forms() { return std::exchange(new_forms_, {}); }

    // Querying: lemmas come from `db`'s synonym table where it has the word
    // (lemma_synonyms.h), and only words it never met load a dictionary:
    // the first (Apertium) alone. Hunspell's load (about 410 M
    // instructions, twenty queries' worth) would buy only the lemmas of
    // names, and of words no dictionary knows, that the index never met:
    // a typo, or a name, which its name keys find anyway.
    // An index without lemma synonyms (older, or remote) changes nothing.
    void use_index(const Xapian::Database& db);

private:
    struct Entry;
    // What the dictionaries say of a word: its lemmas, sorted; whether one
    // reading is a verb's form, and whether one is a common noun's
    // genitive plural.
    struct Found {
        std::vector<std::string> lemmas;
        bool verb = false;
        bool genitive_plural_noun = false;
    };
    // `unmet_query_word`: only the dictionaries asked about a word the
    // queried index never met (Apertium; see use_index).
    Found lookup(const std::string& word, bool capitalized, bool unmet_query_word);
    // How `word`, capitalized, whose dictionaries found `found`, is indexed
    // inside a sentence; `common_word`: found only its lower-case readings.
    static InsideSentence inside_sentence(const std::string& word, const Found& found, bool common_word);

    std::string missing_;
    // Opened with the first dictionary (morph_module.h); declared before the
    // dictionaries, so they are destroyed before it is closed.
    std::unique_ptr<MorphModule> module_;
    // Each dictionary is loaded when a word first needs it (Hunspell only
    // for words Apertium does not know, or names).
    std::vector<std::unique_ptr<Entry>> dictionaries_;
    std::array<std::unordered_map<std::string, WordLemmas>, 2> cache_;  // lower case, capitalized
    // Where the frequent words' entries of cache_ are, in tables that stay
    // in the processor's cache (recent_words.h): on 3,000 dev articles,
    // cache_'s look-ups were 4% of indexing's samples, its memory stalls.
    // Emptied whenever cache_ is (its entries' addresses would dangle).
    std::array<RecentWords, 2> recent_;
    std::optional<Xapian::Database> index_;
    bool recording_ = false;
    bool without_lemmas_ = false;
    std::vector<FormLemmas> new_forms_;
};

// Whether a word with these lemmas (as Lemmatizer::lemmas gives them) is
// indexed and found by its lemma terms alone: it has lemmas, and none is a
// stopword (в, быть, этот: not indexed, as nearly every article has them).
// Otherwise its Snowball stem term stands for it (schema.h, Z and XM).
bool lemmas_stand_for_stem(const std::vector<std::string>& lemmas);

// Words of Cyrillic letters only: the words the dictionaries are asked
// about (a word with digits or Latin letters would only ever be unknown).
bool is_cyrillic_word(const std::string& word);

// Apertium's homonym marks (год², лук¹) stripped, then normalized as a word
// is (normalize_word: case folded, ё → е).
std::string normalize_lemma(const std::string& lemma);

}  // namespace newsdex
