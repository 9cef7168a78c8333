#include "analysis/analyzer.h"

#include "base/schema.h"
#include "analysis/stemmer.h"
#include "analysis/stopwords.h"
#include "analysis/topic_scorer.h"
#include "analysis/transliteration.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

namespace newsdex {

icu::UnicodeString utf16_from_utf8(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

Analyzer::Analyzer(DictionaryFiles dictionaries) : stemmer_(make_stemmer()), lemmatizer_(std::move(dictionaries)) {}

namespace {

// Units written as a sign or as a word: a sign indexes its unit's lemma,
// and a number before the unit's word the signed form, so "€30" and
// "30 евро", "10%" and "10 процентов" find each other.
struct Unit {
    std::string_view sign;
    std::string_view lemma;
    bool sign_after;  // "25%", but "$40"
};
constexpr std::array<Unit, 5> kUnits{{
    {"%", "процент", true}, {"$", "доллар", false}, {"€", "евро", false}, {"₽", "рубль", false}, {"£", "фунт", false},
}};

const Unit* unit_of_decorated(const std::string& decorated) {
    for (const Unit& u : kUnits)
        if (u.sign_after ? decorated.ends_with(u.sign) : decorated.starts_with(u.sign)) return &u;
    return nullptr;
}

const Unit* unit_of_lemmas(const std::vector<std::string>& lemmas) {
    for (const Unit& u : kUnits)
        if (std::find(lemmas.begin(), lemmas.end(), u.lemma) != lemmas.end()) return &u;
    return nullptr;
}

// Whether the text between `begin` and `end` has a lower-case letter: a
// word written in capitals («ГАЗ», or a headline in capitals) has none.
bool has_lower_case(const icu::UnicodeString& text, int32_t begin, int32_t end) {
    for (int32_t i = begin; i < end;) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (u_islower(c)) return true;
    }
    return false;
}

bool only_spaces(const icu::UnicodeString& text, int32_t begin, int32_t end) {
    for (int32_t i = begin; i < end;) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!u_isspace(c)) return false;
    }
    return true;
}

bool is_number(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A term of one kind (lemma, unknown stem, plain) in the general field with
// `general_wdf` (0: not there) and in the field `prefix` names (if any),
// as index_field adds a word's stem.
void add_in_fields(Xapian::Document& doc, std::string_view kind, const std::string& value,
                   Xapian::termcount general_wdf, const std::string& prefix) {
    if (general_wdf) doc.add_term(std::string(kind) + value, general_wdf);
    if (!prefix.empty()) doc.add_term(std::string(kind) + prefix + value);
}

}  // namespace

std::string Analyzer::compound_lemma(const std::vector<std::string>& parts) {
    if (!lemmatizer_.available()) return {};
    std::string key;
    for (const std::string& part : parts) {
        if (!key.empty()) key += '-';
        // As a name if it may be one («ростов»: рост, but Ростов-на-Дону),
        // whatever the text's case, so every spelling has the one key.
        const std::vector<std::string>& lemmas = lemmatizer_.lemmas(part, true);
        key += lemmas.empty() ? stemmer_(part) : lemmas.front();
    }
    return key;
}

std::vector<AnalyzedToken> Analyzer::analyze(const icu::UnicodeString& text) {
    std::vector<AnalyzedToken> out;
    tokenizer_.tokenize(text, [&](const Token& t) {
        out.push_back({t.text, stemmer_(t.text), t.begin, t.end, t.position});
    });
    return out;
}

std::vector<AnalyzedToken> Analyzer::analyze(std::string_view utf8) {
    return analyze(utf16_from_utf8(utf8));
}

uint32_t Analyzer::index_field(Xapian::Document& doc, std::string_view text, uint32_t base,
                               GeneralWeight general, const std::string& prefix,
                               std::vector<AnalyzedToken>* tokens) {
    const std::string stem_prefix(schema::kStemPrefix);
    const std::string name_prefix(schema::kNameKeyPrefix);
    const std::string root_prefix(schema::kRootPrefix);
    const bool with_lemmas = lemmatizer_.available();
    uint32_t last = base;
    // The number just before this word, for "30 евро".
    std::string number;
    uint32_t number_position = 0;
    // Where the word before ended, if it was a capitalized common word
    // inside a sentence, for a surname's shape after it; and if it was a
    // first name (a capitalized Cyrillic word no dictionary reads as a
    // common word), for a surname that is a common word's form after it.
    int32_t name_of_words_end = -1;
    int32_t first_name_end = -1;
    const icu::UnicodeString utf16 = utf16_from_utf8(text);
    tokenizer_.tokenize(utf16, [&](const Token& t) {
        const Xapian::termcount general_wdf = t.begin < general.lead_end ? general.lead_wdf : general.wdf;
        const std::string stem = stemmer_(t.text);
        const Xapian::termpos pos = base + t.position;
        if (tokens) tokens->push_back({t.text, stem, t.begin, t.end, t.position});
        // Positions serve phrase queries, which QueryParser makes of plain
        // words only (a compound's parts, a number without its % or $), and
        // which look for plain words under the field's prefix too
        // (query_builder.cpp): positions anywhere else would be dead weight
        // (a title's stored twice were 0.4% of the index).
        const bool positional = t.parts.empty() && t.bare.empty();
        static const WordLemmas kNoLemmas;
        const WordLemmas& found =
            with_lemmas && positional ? lemmatizer_.word_lemmas(t.text, t.capitalized) : kNoLemmas;
        // Capitalized inside a sentence, a word the dictionaries read only
        // as a common word is a name's use of it (XC terms), or a surname,
        // indexed as a name they do not know (lemmatizer.h, InsideSentence).
        // Not one in capitals throughout: a headline set in capitals says
        // nothing by them.
        const bool capital_inside = t.capitalized && found.capitalized_common_word() &&
                                    !starts_sentence(utf16, t.begin) && has_lower_case(utf16, t.begin, t.end);
        InsideSentence inside = capital_inside ? found.inside_sentence() : InsideSentence::lemmas;
        // Right after another such word, a surname's shape is a name made of
        // words («Соединённых Штатов», «Крыльев Советов»): a person's name
        // does not begin with a common word.
        if (inside == InsideSentence::surname && name_of_words_end >= 0 &&
            only_spaces(utf16, name_of_words_end, t.begin))
            inside = InsideSentence::name_use;
        // Right after a first name, a common word's form is a surname
        // («Илона Маска», «Майка Пенса»: маска, пенс): a name no dictionary
        // knows, which `маска` typed in lower case does not find.
        if (inside == InsideSentence::name_use && first_name_end >= 0 && only_spaces(utf16, first_name_end, t.begin))
            inside = InsideSentence::surname;
        name_of_words_end = capital_inside ? t.end : -1;
        first_name_end = t.capitalized && !found.capitalized_common_word() && positional && is_cyrillic_word(t.text) &&
                                 has_lower_case(utf16, t.begin, t.end)
                             ? t.end
                             : -1;
        const WordLemmas& lemmas = inside == InsideSentence::surname ? kNoLemmas : found;
        // A word whose lemmas are indexed is found by them, not by its
        // Snowball stem (query_builder.cpp), so its stem term would be dead
        // weight: the stem stays for the words no dictionary knows, those
        // whose lemma is a stopword (not indexed), compounds and numbers;
        // not for a stopword itself (в, было), which no query ranks by: a
        // query of nothing but stopwords finds their exact forms
        // (query_builder.cpp, stopword_forms).
        const bool stem_term = !lemmas.stand_for_stem() && !lemmas.stopword_form();
        if (general_wdf) {
            if (positional && prefix.empty())
                doc.add_posting(t.text, pos, general_wdf);
            else
                doc.add_term(t.text, general_wdf);
            if (stem_term) doc.add_term(stem_prefix + stem, general_wdf);
            // Only any-word queries, which search the general field, ask
            // for roots; a stopword's root would join nothing worth joining
            // (the lemmatizer has looked that up once a word, where it reads).
            if (positional && !(with_lemmas ? found.stopword_form() : is_stopword(t.text)))
                if (const std::string root = word_root(stem); !root.empty()) doc.add_term(root_prefix + root, general_wdf);
        }
        if (!prefix.empty()) {
            if (positional)
                doc.add_posting(prefix + t.text, pos);
            else
                doc.add_term(prefix + t.text);
            if (stem_term) doc.add_term(stem_prefix + prefix + stem);
        }
        // Names are found across alphabets (Tokayev / Токаев) by a common key.
        if (t.capitalized && t.parts.empty())
            if (const std::string key = name_key(t.text); key.size() >= kMinNameKeyBytes) doc.add_term(name_prefix + key);
        if (with_lemmas) {
            index_lemmas(doc, t, stem, lemmas, inside == InsideSentence::name_use, general_wdf, prefix, number,
                         number_position);
            if (positional) {
                number = is_number(t.text) ? t.text : std::string();
                number_position = t.position;
            }
        }
        last = pos;
    });
    return last;
}

void Analyzer::index_lemmas(Xapian::Document& doc, const Token& t, const std::string& stem,
                            const WordLemmas& word, bool name_use, Xapian::termcount general_wdf,
                            const std::string& prefix, const std::string& number,
                            uint32_t number_position) {
    if (!t.parts.empty()) {
        if (const std::string key = compound_lemma(t.parts); !key.empty())
            add_in_fields(doc, schema::kLemmaPrefix, key, general_wdf, prefix);
        return;
    }
    if (!t.bare.empty()) {
        if (const Unit* unit = unit_of_decorated(t.text))
            add_in_fields(doc, schema::kLemmaPrefix, std::string(unit->lemma), general_wdf, prefix);
        return;
    }
    const std::vector<std::string>& lemmas = word.lemmas;
    if (lemmas.empty()) {
        if (is_cyrillic_word(t.text))
            add_in_fields(doc, t.capitalized ? schema::kUnknownNamePrefix : schema::kUnknownStemPrefix, stem,
                          general_wdf, prefix);
        return;
    }
    for (std::size_t i = 0; i < lemmas.size(); ++i) {
        // No query asks for a stopword's lemma (query_builder.cpp matches a
        // word that has one by its stem), and these lemmas (в, и, быть,
        // этот, который) are in nearly every article.
        if (word.is_stopword(i)) continue;
        const std::string& lemma = lemmas[i];
        add_in_fields(doc, name_use ? schema::kNameUsePrefix : schema::kLemmaPrefix, lemma, general_wdf, prefix);
        // A name's key from its lemma too: «Жириновского» is keyed as
        // Жириновский, which "Zhirinovsky" finds.
        if (t.capitalized && lemma != t.text)
            if (const std::string key = name_key(lemma); key.size() >= kMinNameKeyBytes)
                doc.add_term(std::string(schema::kNameKeyPrefix) + key);
    }
    if (!number.empty() && number_position + 1 == t.position)
        if (const Unit* unit = unit_of_lemmas(lemmas))
            add_in_fields(doc, "", unit->sign_after ? number + std::string(unit->sign) : std::string(unit->sign) + number,
                          general_wdf, prefix);
}

void Analyzer::index_article(Xapian::Document& doc, std::string_view title, std::string_view body,
                             std::string_view author, ArticleTokens* tokens) {
    const uint32_t end_of_title = index_field(doc, title, 0, {schema::kTitleWeight},
                                              std::string(schema::kTitlePrefix), tokens ? &tokens->title : nullptr);
    index_field(doc, body, end_of_title + schema::kTitleBodyGap, {1, schema::kLeadUnits, schema::kLeadWeight}, "",
                tokens ? &tokens->body : nullptr);
    if (!author.empty()) index_field(doc, author, 0, {0}, std::string(schema::kAuthorPrefix));
    // Queries match this document by lemma only if it has lemma terms.
    if (lemmatizer_.available()) doc.add_boolean_term(std::string(schema::kLemmaMarker));
    // A snippet counts its matches in the lead as the index does (query/snippet.cpp).
    doc.add_boolean_term(std::string(schema::kLeadMarker));
}

namespace {

bool is_operator(const icu::UnicodeString& word) {
    static const std::array<const char16_t*, 6> ops{u"AND", u"OR", u"NOT", u"XOR", u"NEAR", u"ADJ"};
    for (const char16_t* op : ops)
        if (word == icu::UnicodeString(op)) return true;
    return false;
}

// Typographic quotes become the ASCII quote QueryParser understands; other
// spaces become plain spaces.
void append_syntax(icu::UnicodeString& out, const icu::UnicodeString& text, int32_t begin, int32_t end) {
    for (int32_t i = begin; i < end;) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        switch (c) {
            case u'«': case u'»': case u'„': case u'“': case u'”':
                out.append(u'"');
                break;
            case 0x00A0: case 0x2007: case 0x202F: case u'\t': case u'\n': case u'\r':
                out.append(u' ');
                break;
            case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
                break;
            default:
                out.append(c);
        }
    }
}

}  // namespace

Analyzer::NormalizedQuery Analyzer::normalize_query(std::string_view query) {
    NormalizedQuery result;
    icu::UnicodeString text = utf16_from_utf8(query);
    std::set<std::string> capitalized_inside;  // somewhere not at a sentence's start
    tokenizer_.tokenize(text, [&](const Token& t) {
        if (!t.parts.empty()) result.compounds.push_back({t.parts, stemmer_(t.text), compound_lemma(t.parts)});
        if (!t.bare.empty()) result.decorated_numbers.push_back({t.bare, t.text});
        if (!t.capitalized) return;
        result.capitalized.insert(t.text);
        if (!starts_sentence(text, t.begin)) capitalized_inside.insert(t.text);
        if (!has_lower_case(text, t.begin, t.end)) result.all_caps.insert(t.text);
    });
    for (const std::string& word : result.capitalized)
        if (!capitalized_inside.count(word)) result.sentence_initial.insert(word);
    icu::UnicodeString out;
    int32_t done = 0;
    for (const Word& w : tokenizer_.words(text)) {
        append_syntax(out, text, done, w.begin);
        icu::UnicodeString original(text, w.begin, w.end - w.begin);
        if (is_operator(original))
            out.append(original);
        else
            out.append(icu::UnicodeString::fromUTF8(w.text));
        done = w.end;
    }
    append_syntax(out, text, done, text.length());
    out.toUTF8String(result.text);
    return result;
}

}  // namespace newsdex
