// The one code path that turns text into terms, for indexing and (through
// query_builder) for queries. Not thread-safe: give each thread its own.
#pragma once

#include "analysis/lemmatizer.h"
#include "analysis/stopwords.h"
#include "analysis/tokenizer.h"

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct AnalyzedToken {
    std::string term;  // exact normalized form
    std::string stem;
    int32_t begin = 0;  // UTF-16 offsets in the analyzed text
    int32_t end = 0;
    uint32_t position = 0;
};

// An article's analyzed title and body, for topic scoring.
struct ArticleTokens {
    std::vector<AnalyzedToken> title;
    std::vector<AnalyzedToken> body;
};

class Analyzer {
public:
    // `dictionaries`: where the lemmatizer's files are (tests point it
    // elsewhere; a missing file means no lemmas, see Lemmatizer).
    explicit Analyzer(DictionaryFiles dictionaries = {});

    // Adds the title, body and author terms of one article to `doc` (see
    // schema.h).
    // `tokens`, if given, receives the analyzed title and body (for topic
    // scoring, without analyzing twice).
    void index_article(Xapian::Document& doc, std::string_view title, std::string_view body,
                       std::string_view author = {}, ArticleTokens* tokens = nullptr);

    // All tokens of `text` with their stems. Invalid UTF-8 becomes U+FFFD
    // and is skipped, never an error.
    std::vector<AnalyzedToken> analyze(const icu::UnicodeString& text);
    std::vector<AnalyzedToken> analyze(std::string_view utf8);

    // Rewrites a query string for Xapian's QueryParser: every word normalized
    // as the indexer normalizes it; operators (AND, OR, NOT, NEAR, ...) and
    // query syntax left in place. Hyphenated compounds found on the way are
    // reported, since QueryParser turns them into phrases of their parts.
    struct NormalizedQuery {
        std::string text;
        struct Compound {
            std::vector<std::string> parts;  // exact normalized parts
            std::string stem;                // stem of the whole compound
            std::string lemma;               // its lemma key (compound_lemma), "" without a dictionary
        };
        std::vector<Compound> compounds;
        // "25%" and "$40": QueryParser keeps only the number; the indexer
        // also stored the decorated form, which is what the user meant.
        struct Decorated {
            std::string bare;
            std::string decorated;
        };
        std::vector<Decorated> decorated_numbers;
        // Words typed with a capital letter (normalized): names, probably.
        std::set<std::string> capitalized;
        // Of those, the ones typed only where a sentence begins (the
        // query's first word, or after . ! ? …): in pasted text that
        // capital says nothing.
        std::set<std::string> sentence_initial;
        // Of those, the ones typed in capitals throughout (ПОШЛИНЫ, НАТО):
        // emphasis or an abbreviation, not a name's capital.
        std::set<std::string> all_caps;
    };
    NormalizedQuery normalize_query(std::string_view query);

    // Tokens of `text` without their stems, for callers that stem only the
    // few they need (stemmer() reduces a word as analyze() does).
    void tokenize(const icu::UnicodeString& text, const std::function<void(const Token&)>& emit) {
        tokenizer_.tokenize(text, emit);
    }

    Xapian::Stem& stemmer() { return stemmer_; }
    // The stopwords' stopper for this analyzer's query parsers.
    const Xapian::Stopper& stopper() const { return stopper_; }
    Lemmatizer& lemmatizer() { return lemmatizer_; }

    // The key of a hyphenated compound under the lemma prefix: its parts'
    // first lemmas, or stems where the dictionary knows none, joined by
    // hyphens, so every inflection of it has one key («Ростове-на-Дону»
    // and «Ростов-на-Дону»: ростов-на-дон). Parts are looked up as
    // capitalized whatever their case (a name if they may be one), so the
    // key does not depend on how the text spelt them. "" without a
    // dictionary.
    std::string compound_lemma(const std::vector<std::string>& parts);

private:
    // How a field's words count in the general field: `wdf` times each (0:
    // not at all), or `lead_wdf` times for a word that begins before the
    // field's UTF-16 offset `lead_end` (schema.h, kLeadUnits).
    struct GeneralWeight {
        Xapian::termcount wdf = 1;
        int32_t lead_end = 0;
        Xapian::termcount lead_wdf = 0;
    };

    // Indexes `text` from position `base`: into the general field as
    // `general` says and, if `prefix` is not empty, into that field too.
    // Returns the last position used.
    uint32_t index_field(Xapian::Document& doc, std::string_view text, uint32_t base, GeneralWeight general,
                         const std::string& prefix, std::vector<AnalyzedToken>* tokens = nullptr);

    // The lemma, unknown-stem, unit and name-key terms of one token (schema.h,
    // XM, XC and XZ), whose dictionary lemmas are `word`'s (none for a
    // compound or a number); `name_use`: its lemmas are XC terms, not XM;
    // `number` is the number just before it, if any.
    void index_lemmas(Xapian::Document& doc, const Token& t, const std::string& stem,
                      const WordLemmas& word, bool name_use, Xapian::termcount general_wdf,
                      const std::string& prefix, const std::string& number, uint32_t number_position);

    Tokenizer tokenizer_;
    Xapian::Stem stemmer_;
    StopwordStopper stopper_;
    Lemmatizer lemmatizer_;
};

icu::UnicodeString utf16_from_utf8(std::string_view utf8);

}  // namespace newsdex
