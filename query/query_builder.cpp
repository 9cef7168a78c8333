#include "query_builder.h"

#include "base/errors.h"
#include "query_syntax.h"
#include "base/schema.h"
#include "analysis/stemmer.h"
#include "analysis/stopwords.h"
#include "term_budget.h"
#include "analysis/exonyms.h"
#include "analysis/name_readings.h"
#include "analysis/proper_names.h"
#include "analysis/transliteration.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <optional>
#include <vector>

namespace newsdex {
namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;
// Spellings in the other alphabet count half: "ranked below exact matches".
constexpr double kNameWeight = 0.5;
constexpr std::size_t kMaxNameTerms = 30;
// How much the exact forms of an any-word query's words add, where an
// all-word query's add their full weight (the user chose those forms). A
// pasted passage has its article's very forms, and a headline often
// shares them with its body; measured (scripts/eval-search, sixteenth
// session) at 0 / 0.1 / 0.3 / 0.5 / 1 / 2: 3,000 headlines MRR@10 0.756 /
// 0.761 / 0.762 / 0.761 / 0.752 / 0.730, 2,000 pasted stretches 0.813 /
// 0.837 / 0.859 / 0.871 / 0.883 / 0.890; at 0.3 all 8,613 headlines 0.767
// -> 0.773 (RIA's 0.920 -> 0.918) and 4,000 other stretches 0.799 -> 0.843.
// (It was left out of any-word queries when they were first measured,
// before the lead bonus and the lemma terms.)
// (Raised from 0.3 to 0.5 beside the roots, below.)
constexpr double kAnyWordsExactWeight = 0.5;
// How much a word's root (stemmer.h, word_root) adds beside an any-word
// query's word: where the article has the word's family but not the word
// (возмещение for возместить), and more where it has both. A headline
// names in a verb what its body tells in a noun (ужесточает / ужесточение)
// more often than any stem or lemma joins. Measured (scripts/eval-search,
// twentieth session; 3,000 headlines / 2,000 pasted stretches, MRR@10,
// against 0.759 / 0.874 without roots): roots of the stem's first 4
// letters at 0.5 / 0.7 / 1 / 1.5 times the word's weight 0.771 / 0.773 /
// 0.775 / 0.772 and 0.872 / 0.870 / 0.868 / -; 3 letters (a wildcard of
// the forms) 0.734; with the exact forms' bonus at 0 / 0.1 / 0.3 / 0.4 /
// 0.5 / 0.7 beside roots at 1: 0.766 / 0.770 / 0.776 / 0.776 / 0.775 /
// 0.772 and 0.835 / 0.850 / 0.869 / 0.872 / 0.875 / 0.880. Five letters
// rather than four: 0.776 / 0.876 against 0.775 / 0.875, all 8,613
// headlines 0.784 against 0.783 (0.770 without roots), and shorter lists
// to read: 1,000 headlines in `--batch` on one thread, 3.2 s of CPU
// without roots, 3.9 s with four letters, 3.7 s with five (README, How
// the roots were chosen).
constexpr double kAnyWordsRootWeight = 1.0;

// The exact forms typed weigh in beside their word (`word` AND_MAYBE its
// forms), once, at the word's first appearance: not as one list of every
// word's forms beside the whole query. Xapian then checks a word's forms
// for each article that word matches, not every form for every article any
// word matches: 100 dev headlines in `--batch` on one thread took 1.46 G
// instructions without the forms, 1.90 G with them beside the whole query,
// 1.60 G beside each word (callgrind, sixteenth session). A form then
// counts only where its word matched: not in an OR branch the article did
// not match. (The lead's words, which were a bonus of this kind, count
// extra in the index now: schema.h, kLeadUnits.)
struct WordBonuses {
    std::map<std::string, std::vector<std::string>> exact_forms;  // by stem term: the forms typed
    double exact_weight = 1.0;
    double root_weight = 0.0;  // none: all-word queries rank by the words alone
};

// Whether a stem term has a field letter after its prefix: "ZSпошлин" is a
// title's stem, "Zпошлин" the general field's.
bool has_field_letter(const std::string& term) { return term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z'; }

Xapian::Query with_bonuses(const Xapian::Query& word, const std::string& stem_term, WordBonuses& bonuses) {
    auto forms = bonuses.exact_forms.extract(stem_term);
    if (!forms) return word;
    Xapian::Query exact(Xapian::Query::OP_OR, forms.mapped().begin(), forms.mapped().end());
    Xapian::Query with_forms(Xapian::Query::OP_AND_MAYBE, word,
                             bonuses.exact_weight == 1.0 ? exact : Xapian::Query(bonuses.exact_weight, exact));
    // Roots are indexed in the general field alone (schema.h).
    const std::string root = bonuses.root_weight > 0 && !has_field_letter(stem_term) ? word_root(stem_term.substr(1)) : "";
    if (root.empty()) return with_forms;
    return Xapian::Query(Xapian::Query::OP_OR, with_forms,
                         Xapian::Query(bonuses.root_weight, Xapian::Query(std::string(schema::kRootPrefix) + root)));
}

std::string single_term(const Xapian::Query& q) {
    auto it = q.get_terms_begin();
    return it == q.get_terms_end() ? std::string() : *it;
}

bool is_phrase_of(const Xapian::Query& q, const std::vector<std::string>& parts) {
    if (q.get_type() != Xapian::Query::OP_PHRASE || q.get_num_subqueries() != parts.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM || single_term(sub) != parts[i]) return false;
    }
    return true;
}

// Operators whose only parameter is their list of subqueries, so a node can
// be rebuilt from rewritten children without losing anything.
bool rebuildable(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM: case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

// The window of a PHRASE or NEAR query, which Xapian's API does not give but
// its description shows: "Query((a@1 PHRASE 3 b@2 PHRASE 3 c@3))".
std::optional<Xapian::termcount> window_of(const Xapian::Query& q) {
    const std::string description = q.get_description();
    const std::string op = q.get_type() == Xapian::Query::OP_PHRASE ? " PHRASE " : " NEAR ";
    const std::size_t at = description.find(op);
    if (at == std::string::npos) return std::nullopt;
    Xapian::termcount window = 0;
    std::size_t i = at + op.size();
    for (; i < description.size() && description[i] >= '0' && description[i] <= '9'; ++i)
        window = window * 10 + static_cast<Xapian::termcount>(description[i] - '0');
    if (i == at + op.size()) return std::nullopt;
    return window;
}

bool is_field_term(const std::string& term) { return !term.empty() && term[0] >= 'A' && term[0] <= 'Z'; }

// Title words have positions only under the title prefix (analyzer.cpp), so
// a phrase of plain words also looks for itself there.
Xapian::Query also_in_titles(const Xapian::Query& q) {
    if (q.get_type() != Xapian::Query::OP_PHRASE && q.get_type() != Xapian::Query::OP_NEAR) return q;
    std::vector<Xapian::Query> title_words;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        const std::string term = single_term(sub);
        if (sub.get_type() != Xapian::Query::LEAF_TERM || is_field_term(term)) return q;
        title_words.emplace_back(std::string(schema::kTitlePrefix) + term);
    }
    const std::optional<Xapian::termcount> window = window_of(q);
    if (!window) return q;
    return Xapian::Query(Xapian::Query::OP_OR, q,
                         Xapian::Query(q.get_type(), title_words.begin(), title_words.end(), *window));
}

// Puts back what QueryParser's own word splitting loses, and widens names:
// - it reads "интернет-магазинов" as the phrase интернет·магазинов, which
//   finds only that inflection; the indexer also stores the stem of the
//   whole compound, so let either match;
// - it reads "25%" as 25; the indexer stores "25%" as a word of its own;
// - a name's stem also matches its spellings in the other alphabet;
// - a phrase also matches in titles.
// - a word the dictionary knows matches by its lemmas (lemma_queries), and
//   a compound by its lemma key too.
// - a word's exact forms weigh in beside it (with_bonuses).
Xapian::Query rewrite(const Xapian::Query& q, const Analyzer::NormalizedQuery& words,
                      const std::map<std::string, Xapian::Query>& names,
                      const std::map<std::string, Xapian::Query>& lemma_queries, bool lemmas,
                      WordBonuses& bonuses) {
    for (const auto& c : words.compounds)
        if (is_phrase_of(q, c.parts)) {
            std::vector<Xapian::Query> any{also_in_titles(q), Xapian::Query(std::string(schema::kStemPrefix) + c.stem)};
            if (lemmas && !c.lemma.empty()) any.emplace_back(std::string(schema::kLemmaPrefix) + c.lemma);
            return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
        }
    if (q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_NEAR) return also_in_titles(q);
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = single_term(q);
        for (const auto& d : words.decorated_numbers)
            if (term == d.bare) return Xapian::Query(d.decorated);
        const auto lemma = lemma_queries.find(term);
        Xapian::Query word = lemma == lemma_queries.end() ? q : lemma->second;
        if (auto name = names.find(term); name != names.end()) word = Xapian::Query(Xapian::Query::OP_OR, word, name->second);
        return with_bonuses(word, term, bonuses);
    }
    if (!rebuildable(q.get_type()) || q.get_num_subqueries() == 0) return q;
    std::vector<Xapian::Query> children;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        children.push_back(rewrite(q.get_subquery(i), words, names, lemma_queries, lemmas, bonuses));
    return Xapian::Query(q.get_type(), children.begin(), children.end());
}

bool has_cyrillic(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0xD0 && c <= 0xD4) return true;
    return false;
}

bool is_dictionary_form(const std::vector<std::string>& lemmas, const std::string& form) {
    return std::find(lemmas.begin(), lemmas.end(), form) != lemmas.end();
}

// What a capitalized form's name keys are looked up by (name_terms).
struct NameLemmas {
    std::vector<std::string> lemmas;  // the dictionary's, when the index has lemma terms
    bool by_prefix = true;            // the form's key as a prefix too
};

// A name the dictionary knows («Марии»: Мария) is looked up by its lemmas
// only. A form the dictionary reads only as another form of a common word
// («Штатов»: штат, «Песков»: песок) by the common lemma's key too — which
// the indexer gives every capitalized form of it (analyzer.cpp), so
// «Штаты», «Штатах» are found — and by its own key's prefix.
NameLemmas name_lemmas(Lemmatizer& lemmatizer, const std::string& form, bool with_lemmas) {
    if (!with_lemmas || !has_cyrillic(form)) return {};
    NameLemmas out{lemmatizer.lemmas(form, true), true};
    out.by_prefix = out.lemmas.empty() ||
                    (!is_dictionary_form(out.lemmas, form) && out.lemmas == lemmatizer.lemmas(form, false));
    return out;
}

// The lemma term of a name whose key is too short to be indexed, as a
// reading written in Cyrillic gives it (Kyiv read the Ukrainian way, and
// Kiev: киев), if the dictionaries read that capitalized as a lemma of its
// own, and otherwise in lower case (a name: not Mir, мир, nor Lot, лот).
std::optional<std::string> short_name_lemma(const Xapian::Database& db, Lemmatizer& lemmatizer,
                                            const std::string& reading) {
    const std::string cyrillic = cyrillic_spelling(reading);
    if (cyrillic.empty()) return std::nullopt;
    const std::vector<std::string> as_name = lemmatizer.lemmas(cyrillic, true);
    if (!is_dictionary_form(as_name, cyrillic) || as_name == lemmatizer.lemmas(cyrillic, false)) return std::nullopt;
    std::string term = std::string(schema::kLemmaPrefix) + cyrillic;
    return db.term_exists(term) ? std::optional(std::move(term)) : std::nullopt;
}

// How the index has seen a form: mostly with a capital — its name key
// (indexed for capitalized words, schema.h XL) in at least half the
// documents that have the form: «Песков», not «Пошлинами» —, mostly in
// lower case, or it cannot tell (the form unseen, or its key too short to
// be indexed).
enum class SeenCase : unsigned char { capital, lower, unknown };

SeenCase seen_case(const Xapian::Database& db, const std::string& form) {
    const Xapian::doccount all = db.get_termfreq(form);
    const std::string key = name_key(form);
    if (all == 0 || key.size() < kMinNameKeyBytes) return SeenCase::unknown;
    return 2 * db.get_termfreq(std::string(schema::kNameKeyPrefix) + key) >= all ? SeenCase::capital : SeenCase::lower;
}

bool mostly_capitalized(const Xapian::Database& db, const std::string& form) {
    return seen_case(db, form) == SeenCase::capital;
}

// The lemma terms of what Russian calls a name typed in Latin letters, which
// no reading gives: a country or city by its English name (exonyms.h:
// China: Китай, Poland: Польша, Moscow: Москва), a Ukrainian or Belarusian
// name (proper_names.h: Volodymyr, Uladzimir: Владимир; Hrodna: Гродно)
// unless the index sees its Russian name mostly in lower case — Лилия, a
// name the Ukrainian Liliia stands for, is a flower too, and its lemma
// term would find the flower.
std::vector<std::string> russian_name_lemmas(const Xapian::Database& db, Lemmatizer& lemmatizer,
                                             const std::string& latin) {
    std::vector<std::string> russian = russian_exonyms(latin);
    for (std::string& name : russian_proper_names(latin))
        if (seen_case(db, name) != SeenCase::lower) russian.push_back(std::move(name));
    std::vector<std::string> out;
    for (const std::string& name : russian)
        for (const std::string& lemma : std::vector<std::string>(lemmatizer.lemmas(name, true)))
            if (std::string t = std::string(schema::kLemmaPrefix) + lemma; db.term_exists(t)) out.push_back(std::move(t));
    return out;
}

// Whether a name key found by a word's key prefix is another surname made
// with a surname's suffix (-ов, -ев, -ин, -ын, -ский, -цкий, -енко): where
// it parts from the word's own key (`own`), it goes on with a suffix the
// word does not. Блинков is not Блинкен, though the key of Блинкен's stem
// (blink) begins both; nor Алексеев Алексей. A case ending begins with no
// such suffix; the cost is the plural in -ов of a name that has none
// (Трампов).
bool adds_surname_suffix(std::string_view found, std::string_view own) {
    const std::size_t common = static_cast<std::size_t>(
        std::mismatch(found.begin(), found.end(), own.begin(), own.end()).first - found.begin());
    const std::string_view rest = found.substr(common), own_rest = own.substr(common);
    for (const std::string_view suffix : {"ov", "ev", "in", "sk", "tsk", "enk"})
        if (rest.starts_with(suffix) && !own_rest.starts_with(suffix)) return true;
    return false;
}

// Name-key terms in the index that begin with this word's key: inflected
// forms of a name ("Токаева", "Токаеву") have longer keys. A Cyrillic word
// is keyed by its stem, so "Навального" still finds "Navalny" — unless the
// stem is so short ("тока" for "Токаев") that it would find other names.
// A Latin spelling loses a final -a the same way («Zakharova»: the key of
// «Захаров-», so «Захаровой» is found, as "Захарова" typed finds it).
// A Latin word is also looked up in the keys of its Russian case forms: as
// its English, German, Polish, Spanish, French, Italian, Ukrainian, Chinese
// and Japanese readings (name_readings.h), and without a final -a; a
// country or city by its English name, and a Ukrainian or Belarusian name,
// by its Russian name's lemmas.
// And the keys of its lemmas (name_lemmas), exactly: a name the dictionary
// knows is not looked up by prefix, which other names (Марина, Марио for
// «Марии») and other words (радио for «Рады») begin with too.
std::vector<std::string> name_terms(const Xapian::Database& db, const std::string& word, const std::string& stem,
                                    const NameLemmas& name, Lemmatizer* lemmatizer) {
    std::set<std::string> out;
    for (const std::string& lemma : name.lemmas)
        if (const std::string key = std::string(schema::kNameKeyPrefix) + name_key(lemma);
            key.size() >= schema::kNameKeyPrefix.size() + kMinNameKeyBytes && db.term_exists(key))
            out.insert(key);
    if (!name.by_prefix) return {out.begin(), out.end()};
    constexpr std::size_t kMinStemBytes = 10;  // five Cyrillic letters
    constexpr std::size_t kMinLatinStem = 5;   // letters left once the -a goes
    const bool latin = !has_cyrillic(word);
    // A Latin name's letters with diacritics as its language spells them
    // without (Müller: mueller), which name_key and the readings read.
    const std::string spelt = latin ? ascii_spelling(word) : word;
    const bool by_stem = !latin && stem.size() >= kMinStemBytes;
    std::string key = name_key(by_stem ? stem : spelt);
    const bool ends_in_a = latin && !key.empty() && key.back() == 'a';
    if (ends_in_a && key.size() > kMinLatinStem) key.pop_back();
    if (key.size() >= kMinNameKeyBytes) {
        const std::string prefix = std::string(schema::kNameKeyPrefix) + key;
        std::size_t found = 0;
        const std::string own = name_key(spelt);
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && found < kMaxNameTerms; ++t)
            if ((*t).size() <= prefix.size() + 4 &&
                !adds_surname_suffix(std::string_view(*t).substr(schema::kNameKeyPrefix.size()), own))
                out.insert(*t), ++found;
    }
    if (!latin) return {out.begin(), out.end()};
    // The keys of a Latin name's Russian case forms, exactly (not as a
    // prefix: «maik» is the start of Майкл and Майкоп too), where they are
    // a name's: not a common word's at a sentence's start, which more
    // articles hold in lower case («Кости нашли…» among Costa's cases).
    constexpr Xapian::doccount kWordUsesPerName = 2;  // articles in lower case per one capitalized
    // Returns how many it found.
    const auto add_case_forms = [&](const std::string& base, std::initializer_list<const char*> endings) {
        std::size_t found = 0;
        if (base.size() + 1 < kMinNameKeyBytes) return found;
        for (const char* ending : endings) {
            const std::string t = std::string(schema::kNameKeyPrefix) + base + ending;
            const Xapian::doccount as_name = db.get_termfreq(t);
            if (as_name > 0 && db.get_termfreq(cyrillic_spelling(base + ending)) <= kWordUsesPerName * as_name)
                out.insert(t), ++found;
        }
        return found;
    };
    // A name read as Russian writes it (name_readings.h: Trump: Трамп,
    // Трампа, Трампом; Scholz: Шольц; Hollande: Олланд; Kharkiv: Харьков),
    // a surname in -ski as the adjective it is in Russian (Kaczynski:
    // Качиньский, Качиньского); a spelling no language's rules read
    // otherwise as it is spelt, where its key is too short to be looked up
    // by prefix (Kiev: kev, the key of Киева, Киеве, Киеву).
    std::vector<std::string> readings = name_readings(spelt);
    if (readings.empty() && key.size() < kMinNameKeyBytes) readings.push_back(spelt);
    for (const std::string& reading : readings) {
        const std::string reading_key = name_key(reading);
        const std::size_t cases =
            add_case_forms(reading_key, {"", "a", "u", "e", "om", "im", "oi", "ov", "i", "y", "am", "ami", "akh"});
        if (reading_key.ends_with("ski"))
            add_case_forms(reading_key.substr(0, reading_key.size() - 1),
                           {"ogo", "omu", "im", "om", "ikh", "imi", "aa", "oi", "uu", "e"});
        // A key too short to be indexed (Киев: kev) leaves the name's
        // nominative unkeyed: where its other cases were found as a name's,
        // the nominative is looked up by its lemma.
        if (cases > 0 && lemmatizer && reading_key.size() < kMinNameKeyBytes)
            if (std::optional<std::string> t = short_name_lemma(db, *lemmatizer, reading)) out.insert(std::move(*t));
    }
    // A name in -a too short to be looked up by prefix without it (Obama:
    // Обамы, Обаме, Обаму, Обамой).
    if (ends_in_a && key.back() == 'a') add_case_forms(key.substr(0, key.size() - 1), {"a", "i", "e", "u", "oi", "ei"});
    if (lemmatizer)
        for (std::string& t : russian_name_lemmas(db, *lemmatizer, spelt)) out.insert(std::move(t));
    return {out.begin(), out.end()};
}

// How the words of a query are read, for by_lemma.
struct Reading {
    const Xapian::Database& db;
    const std::set<std::string>& capitalized;  // typed with a capital
    std::set<std::string> names;               // of those, the capitals that may mean a name
    bool keywords = true;                      // forms chosen (not pasted text)
};

// Whether a capitalized form is read as a name (see by_lemma): no
// dictionary knows it, or the dictionary reads it only as another form of
// a common word while the index mostly sees it capitalized.
bool read_as_name(Lemmatizer& lemmatizer, const Reading& reading, const std::string& form,
                  const std::vector<std::string>& lemmas) {
    if (!reading.names.count(form)) return false;
    if (lemmas.empty()) return true;
    return !is_dictionary_form(lemmas, form) && lemmas == lemmatizer.lemmas(form, false) &&
           mostly_capitalized(reading.db, form);
}

// Articles with any of these lemmas (an estimate: the sum of their terms').
Xapian::doccount lemma_articles(const Xapian::Database& db, const std::vector<std::string>& lemmas) {
    Xapian::doccount n = 0;
    for (const std::string& lemma : lemmas) n += db.get_termfreq(std::string(schema::kLemmaPrefix) + lemma);
    return n;
}

// The lemma's term where its word is used as a name (schema.h, XC), when a
// query word asks for it: one typed with a capital does; one typed in lower
// case only where the lemma is used so in at least a fifth of the articles
// that have it. Then its capitals are mostly names made of the word
// («Совета Федерации», «Олимпиады»), which it means too; fewer, and they
// are mostly another word that looks like it: газ is not «сектор Газа»
// (33 dev articles against 478 with the word), президент loses 7 of 3,833.
std::optional<std::string> name_use_term(const Xapian::Database& db, const std::string& field,
                                         const std::string& lemma, bool capital) {
    std::string term = std::string(schema::kNameUsePrefix) + field + lemma;
    const Xapian::doccount as_name = db.get_termfreq(term);
    if (as_name == 0) return std::nullopt;
    constexpr Xapian::doccount kWordUsesPerNameUse = 4;  // a fifth or more used as a name
    if (capital || kWordUsesPerNameUse * as_name >= db.get_termfreq(std::string(schema::kLemmaPrefix) + field + lemma))
        return term;
    return std::nullopt;
}

// The lemmas of a form as typed. A word typed in lower case whose name
// reading («Путин», «Киев») the index holds more often than its lower-case
// reading is read as the name too: people type «путин» and «киев» in lower
// case, and the lower-case readings alone (путина's and кий's genitive
// plural) find none of what they mean.
std::vector<std::string> lemmas_as_typed(Lemmatizer& lemmatizer, const Reading& reading, const std::string& form,
                                         bool capital) {
    std::vector<std::string> lemmas = lemmatizer.lemmas(form, capital);
    if (capital) return lemmas;
    std::vector<std::string> only_names;
    for (const std::string& name : lemmatizer.lemmas(form, true))
        if (!is_dictionary_form(lemmas, name)) only_names.push_back(name);
    if (only_names.empty() || lemma_articles(reading.db, only_names) <= lemma_articles(reading.db, lemmas)) return lemmas;
    lemmas.insert(lemmas.end(), only_names.begin(), only_names.end());
    std::sort(lemmas.begin(), lemmas.end());
    return lemmas;
}

// The lemma terms (in `field`) whose lemma has this Snowball stem: what a
// stem stands for among the words a dictionary knew when indexing, whose
// own stem terms the index leaves out (schema.h, Z). A lemma begins with
// its stem (Snowball's Russian stemmer only takes endings off), so one
// walk over the terms that begin with it finds them all.
std::vector<std::string> lemmas_with_stem(const Xapian::Database& db, Xapian::Stem& stemmer,
                                          const std::string& field, const std::string& stem) {
    const std::string prefix = std::string(schema::kLemmaPrefix) + field;
    std::vector<std::string> out;
    for (auto t = db.allterms_begin(prefix + stem); t != db.allterms_end(prefix + stem); ++t)
        if (stemmer((*t).substr(prefix.size())) == stem) out.push_back(*t);
    return out;
}

// The stopwords with this Snowball stem, as terms of `field`: what a
// stopword's stem term stands for in an index with lemma terms, which keeps
// no stem term for a stopword (analyzer.cpp), only its exact form. Asked
// only by a query of nothing but stopwords ("было" finds был, было, была,
// были), since any other query leaves them out.
std::vector<std::string> stopword_forms(Xapian::Stem& stemmer, const std::string& field, const std::string& stem) {
    std::vector<std::string> out;
    for (std::string_view word : russian_stopwords())
        if (std::string s(word); stemmer(s) == stem) out.push_back(field + s);
    return out;
}

// What a stem term of the query matches where no dictionary reads its
// word: the words no dictionary knew when indexing (their stem terms) and
// the known words whose lemma has the stem. Nullopt when that is the stem
// term alone.
std::optional<Xapian::Query> by_stem(const Xapian::Database& db, Xapian::Stem& stemmer, const std::string& term) {
    const std::size_t field_size = has_field_letter(term) ? 1 : 0;
    std::vector<std::string> terms =
        lemmas_with_stem(db, stemmer, term.substr(1, field_size), term.substr(1 + field_size));
    if (terms.empty()) return std::nullopt;
    terms.push_back(term);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// What a stem term of the query ("Z", "ZS", "ZA" + stem) matches instead
// when the dictionary knows the words typed: their lemmas' terms, all forms
// of them and no Snowball look-alike (уголь finds «угля», not «угол»),
// plus the stem among words the dictionary did not know when indexing
// (XZ; XN too for a name). A form typed that no dictionary knows keeps its
// stem (by_stem: the stem term, and the lemmas with that stem); documents
// indexed without lemmas (an older index, or part of one) match the stem.
// by_stem's answer when no form typed is known.
// Two readings narrow what a form means (scripts/eval-morphology measured
// both on look-alikes):
// - a keyword typed in its dictionary form means that word: «горе» is
//   горе, not гора (на горе); «рот» is рот, not рота (роты, рот);
// - a word typed with a capital that no dictionary knows («Маск»), or that
//   the dictionary reads only as another form of a common word while the
//   index mostly sees it capitalized («Песков»: песок, gen. pl., but
//   «Песков заявил»), is a name: found by its exact form, its name keys
//   (rewrite) and the stems of unknown capitalized words, not by a common
//   word's lemmas (песка) or Snowball stem (маска). Typed in lower case,
//   or a word the index mostly sees in lower case («Пошлинами»), the
//   common word is meant.
std::optional<Xapian::Query> by_lemma(Lemmatizer& lemmatizer, Xapian::Stem& stemmer, const std::string& term,
                                      const std::vector<std::string>& forms, const Reading& reading,
                                      bool some_without_lemmas) {
    const std::size_t field_size = has_field_letter(term) ? 1 : 0;
    const std::string field = term.substr(1, field_size);
    const std::string stem = term.substr(1 + field_size);
    std::vector<std::string> terms;
    bool unknown = false, capitalized = false, stopword = false;
    for (const std::string& form : forms) {
        const bool capital = reading.capitalized.count(form) > 0;
        capitalized |= capital;
        stopword |= is_stopword(form);
        const std::vector<std::string> lemmas = lemmas_as_typed(lemmatizer, reading, form, capital);
        if (read_as_name(lemmatizer, reading, form, lemmas)) {
            terms.push_back(field + form);
            // And the name's uses of the word in its other forms, as the
            // indexer wrote capitals inside a sentence (XC): «Конституцию»
            // finds «Конституции» at its own weight, not only by the Latin
            // keys at half (all 8,613 dev headlines: MRR@10 0.7837 ->
            // 0.7847, pasted text 0.8758 -> 0.8756).
            for (const std::string& lemma : lemmas)
                if (std::optional<std::string> t = name_use_term(reading.db, field, lemma, true))
                    terms.push_back(std::move(*t));
            continue;
        }
        if (!lemmas_stand_for_stem(lemmas)) {
            unknown = true;
            continue;
        }
        const bool only_its_own = reading.keywords && is_dictionary_form(lemmas, form);
        for (const std::string& lemma : lemmas) {
            if (only_its_own && lemma != form) continue;
            terms.push_back(std::string(schema::kLemmaPrefix) + field + lemma);
            if (std::optional<std::string> t = name_use_term(reading.db, field, lemma, capital)) terms.push_back(std::move(*t));
        }
    }
    if (stopword) {
        const std::vector<std::string> exact = stopword_forms(stemmer, field, stem);
        terms.insert(terms.end(), exact.begin(), exact.end());
    }
    if (terms.empty()) return by_stem(reading.db, stemmer, term);
    // A stem of two or three letters is shared by too many words the
    // dictionary does not know to stand for this one's forms: «ри» of «Рио»
    // by РИА (in every other article), «мар» of «Марии» by Марио.
    // Only the unknown-word terms the index has: most known words' stems
    // have none, and each list in the query costs the matcher even when
    // empty (30 headlines, callgrind: 2.3% fewer instructions, same hits).
    constexpr std::size_t kMinUnknownStemBytes = 8;  // four Cyrillic letters
    if (stem.size() >= kMinUnknownStemBytes) {
        const auto add_if_indexed = [&](std::string_view prefix) {
            if (std::string t = std::string(prefix) + field + stem; reading.db.term_exists(t))
                terms.push_back(std::move(t));
        };
        add_if_indexed(schema::kUnknownStemPrefix);
        if (capitalized) add_if_indexed(schema::kUnknownNamePrefix);
    }
    if (unknown) {
        const std::vector<std::string> known = lemmas_with_stem(reading.db, stemmer, field, stem);
        terms.insert(terms.end(), known.begin(), known.end());
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (unknown) terms.push_back(term);
    const Xapian::Query synonyms(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    if (unknown || !some_without_lemmas) return synonyms;
    // Documents without lemma terms have none of these: disjoint, so OR
    // adds no weight twice.
    return Xapian::Query(Xapian::Query::OP_OR, synonyms,
                         Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(term),
                                       Xapian::Query(std::string(schema::kLemmaMarker))));
}

}  // namespace

std::string exact_form_markers_to_phrases(const std::string& text) {
    std::string out;
    bool in_phrase = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') in_phrase = !in_phrase;
        const bool word_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '(';
        if (c == '=' && !in_phrase && word_start && i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '"') {
            std::size_t end = text.find_first_of(" )", i + 1);
            if (end == std::string::npos) end = text.size();
            out += '"' + text.substr(i + 1, end - i - 1) + '"';
            i = end - 1;
            continue;
        }
        out += c;
    }
    return out;
}

QueryBuilder::QueryBuilder(Analyzer& analyzer, const Xapian::Database& db) : analyzer_(analyzer), db_(db) {
    // Lemmas from the index's synonym table where it has them: a query
    // loads a dictionary only for a word the index never met.
    analyzer.lemmatizer().use_index(db);
    parser_.set_stemmer(analyzer.stemmer());
    parser_.set_stopper(&analyzer_.stopper());
    parser_.set_database(db);
    parser_.add_prefix("title", std::string(schema::kTitlePrefix));
    parser_.add_prefix("author", std::string(schema::kAuthorPrefix));
    parser_.add_boolean_prefix("source", std::string(schema::kSourcePrefix));
    parser_.add_boolean_prefix("topic", std::string(schema::kTopicPrefix));
    parser_.add_boolean_prefix("tag", std::string(schema::kTagPrefix));
    parser_.add_boolean_prefix("id", std::string(schema::kIdPrefix));
    parser_.add_boolean_prefix("url", std::string(schema::kUrlPrefix));
    parser_.add_boolean_prefix("site", std::string(schema::kSitePrefix));
    parser_.add_rangeprocessor((new Xapian::DateRangeProcessor(schema::kDateSlot, "date:"))->release());
}

// Operators QueryParser cannot read however they are glued to what is
// around them ("OR*NOT", "цен..OR") are words: the text is read again
// without them, and a note says so. (as_meant has made plainly unmeant ones
// words already; parentheses, quotes and dates are checked before, with
// their column.)
Xapian::Query QueryBuilder::parse(const std::string& text, unsigned& flags, std::vector<std::string>& notes) {
    try {
        return parser_.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
        flags &= ~static_cast<unsigned>(Xapian::QueryParser::FLAG_BOOLEAN);
        notes.push_back("query operators not understood (" + e.get_msg() + "); AND, OR, NOT and NEAR read as words");
        return parser_.parse_query(text, flags);
    }
}

ParsedQuery QueryBuilder::build(std::string_view user_query, QueryOptions options) {
    const std::size_t max_bytes = options.limits.max_query_bytes;
    if (max_bytes && user_query.size() > max_bytes)
        throw QueryError("query is " + std::to_string(user_query.size()) + " bytes, more than " +
                         std::to_string(max_bytes) + "; use fewer words, or raise --max-query-bytes");
    const std::string meant = as_meant(user_query);
    check_query_syntax(meant);
    Analyzer::NormalizedQuery normalized = analyzer_.normalize_query(meant);
    normalized.text = exact_form_markers_to_phrases(normalized.text);
    if (normalized.text.find_first_not_of(" \t\r\n") == std::string::npos) throw QueryError("empty query");
    return build_normalized(user_query, std::move(normalized), options);
}

ParsedQuery QueryBuilder::build_normalized(std::string_view user_query, Analyzer::NormalizedQuery normalized,
                                           QueryOptions options) {
    parser_.set_stemming_strategy(options.exact ? Xapian::QueryParser::STEM_NONE : Xapian::QueryParser::STEM_SOME);
    // A two-letter prefix stands for thousands of words; its most frequent
    // ones find most of what the whole expansion would (README, Limits).
    // (0 is "no limit" only for WILDCARD_LIMIT_ERROR: the 0 most frequent
    // words would be none.)
    const Xapian::termcount expansion = options.limits.max_expansion;
    parser_.set_max_expansion(expansion,
                              expansion ? Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT : Xapian::Query::WILDCARD_LIMIT_ERROR,
                              Xapian::QueryParser::FLAG_WILDCARD);
    parser_.set_default_op(options.joining == Joining::All ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    // A headline quotes what its article paraphrases: quoted words of
    // pasted text match one by one (measured: scripts/eval-search).
    if (options.joining == Joining::Words) std::replace(normalized.text.begin(), normalized.text.end(), '"', ' ');
    const auto bad_query = [&](const Xapian::Error& e) {
        return QueryError("bad query '" + std::string(user_query) + "': " + e.get_msg());
    };
    Xapian::Query parsed;
    unsigned flags = kParseFlags;
    std::vector<std::string> notes;
    try {
        parsed = parse(normalized.text, flags, notes);
    } catch (const Xapian::Error& e) {
        throw bad_query(e);
    }
    if (parsed.empty()) throw QueryError("query '" + std::string(user_query) + "' has no searchable words");

    ParsedQuery result;
    // Before any per-term work (names, rewriting, matching): a query over
    // its term budget is refused here.
    result.notes = check_term_budget(parsed, db_, options.limits).capped;
    result.notes.insert(result.notes.end(), notes.begin(), notes.end());
    result.normalized = normalized.text;
    for (auto s = parser_.stoplist_begin(); s != parser_.stoplist_end(); ++s) result.stopped.push_back(*s);

    const std::string stem_prefix(schema::kStemPrefix);
    const std::string title_prefix(schema::kTitlePrefix);
    std::map<std::string, Xapian::Query> names;
    // A word typed n times is n terms here and n forms in its unstem list:
    // each once, or the words, their exact forms and every hit's matched
    // words grow as n², n³ ("газ" 200 times took 6.5 s, 1,100 times ran
    // past 12 minutes and 1 GB).
    std::set<std::string> seen_terms, seen_forms;
    // Lemmas where the index has them (schema.h, kLemmaMarker) and this
    // machine has the dictionaries or the index's table of them; stems
    // otherwise, and the lemmas with those stems (by_stem) where the index
    // has lemmas but no dictionary reads the query.
    const Xapian::doccount lemma_docs = options.exact ? 0 : db_.get_termfreq(std::string(schema::kLemmaMarker));
    const Xapian::doccount with_lemmas = analyzer_.lemmatizer().available() ? lemma_docs : 0;
    for (auto t = parsed.get_terms_begin(); t != parsed.get_terms_end(); ++t) {
        const std::string& term = *t;
        if (!seen_terms.insert(term).second) continue;
        if (term.starts_with(stem_prefix) && !has_field_letter(term)) {
            const std::string stem = term.substr(1);
            for (auto u = parser_.unstem_begin(term); u != parser_.unstem_end(term); ++u) {
                if (!seen_forms.insert(*u).second) continue;
                // Typed as a name, or a Latin word the index does not have.
                const bool name = normalized.capitalized.count(*u) || (!has_cyrillic(*u) && db_.get_termfreq(*u) == 0);
                QueryWord w{*u, term,
                            name ? name_terms(db_, *u, stem, name_lemmas(analyzer_.lemmatizer(), *u, with_lemmas > 0),
                                              with_lemmas > 0 ? &analyzer_.lemmatizer() : nullptr)
                                 : std::vector<std::string>{},
                            {}};
                if (!w.name_terms.empty())
                    names.emplace(term, Xapian::Query(kNameWeight, Xapian::Query(Xapian::Query::OP_SYNONYM,
                                                                                  w.name_terms.begin(), w.name_terms.end())));
                result.words.push_back(std::move(w));
            }
        } else if (!term.empty() && !is_field_term(term)) {
            result.words.push_back(QueryWord{term, "", {}, {}});
        }
    }
    if (options.long_as_words && options.joining == Joining::All && result.words.size() >= kLongQueryWords) {
        // Read again as pasted text, from the same normalized text (its
        // normalizing was a tenth of a headline's building).
        options.joining = Joining::Words;
        return build_normalized(user_query, std::move(normalized), options);
    }
    if (options.joining == Joining::All) {
        // The default operator joined clauses if OR gives another query.
        // Asked only now: a long query read as pasted text never needs it.
        try {
            parser_.set_default_op(Xapian::Query::OP_OR);
            result.joined = parser_.parse_query(normalized.text, flags).get_description() != parsed.get_description();
        } catch (const Xapian::Error& e) {
            throw bad_query(e);
        }
    }
    result.joining = options.joining;
    std::map<std::string, Xapian::Query> lemma_queries;
    // In pasted text (Joining::Words) a sentence's first word has a capital
    // whatever it is; typed keywords have one where the user put it.
    Reading reading{db_, normalized.capitalized, normalized.capitalized, options.joining != Joining::Words};
    for (const std::string& w : normalized.all_caps) reading.names.erase(w);
    if (!reading.keywords)
        for (const std::string& w : normalized.sentence_initial) reading.names.erase(w);
    if (lemma_docs)
        for (const std::string& term : seen_terms) {
            const bool field = has_field_letter(term);
            if (!term.starts_with(stem_prefix) || (field && term[1] != 'S' && term[1] != 'A')) continue;
            const std::vector<std::string> forms(parser_.unstem_begin(term), parser_.unstem_end(term));
            if (auto q = with_lemmas ? by_lemma(analyzer_.lemmatizer(), analyzer_.stemmer(), term, forms, reading,
                                                with_lemmas < db_.get_doccount())
                                     : by_stem(db_, analyzer_.stemmer(), term)) {
                for (QueryWord& w : result.words)
                    if (w.stem_term == term)
                        for (auto l = q->get_terms_begin(); l != q->get_terms_end(); ++l) w.lemma_terms.push_back(*l);
                lemma_queries.emplace(term, std::move(*q));
                result.stems.insert(term.substr(field ? 2 : 1));
            }
        }
    // Exact forms of the words typed add weight on top of the lemma or stem
    // match, so "пошлинами" ranks articles saying "пошлинами" first; less
    // when any word may match (kAnyWordsExactWeight). (The forms typed are
    // highlighted too.)
    WordBonuses bonuses;
    for (const QueryWord& w : result.words) {
        if (w.stem_term.empty()) continue;
        bonuses.exact_forms[w.stem_term].push_back(w.word);
        result.exact_terms.insert(w.word);
    }
    if (options.joining != Joining::All) {
        bonuses.exact_weight = kAnyWordsExactWeight;
        bonuses.root_weight = kAnyWordsRootWeight;
    }
    result.query = rewrite(parsed, normalized, names, lemma_queries, with_lemmas > 0, bonuses);
    // What to highlight: every word form and stem the final query can match.
    for (auto t = result.query.get_terms_begin(); t != result.query.get_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.starts_with(schema::kNameKeyPrefix) || term.starts_with(schema::kLemmaPrefix) ||
            term.starts_with(schema::kNameUsePrefix) ||
            term.starts_with(schema::kUnknownStemPrefix) || term.starts_with(schema::kUnknownNamePrefix))
            continue;
        const bool field = has_field_letter(term);
        if (term.starts_with(stem_prefix)) result.stems.insert(term.substr(field ? 2 : 1));
        else if (term.starts_with(title_prefix) || term.starts_with(schema::kAuthorPrefix))
            result.exact_terms.insert(term.substr(1));
        else if (!term.empty() && !is_field_term(term)) result.exact_terms.insert(term);
    }
    return result;
}

}  // namespace newsdex
