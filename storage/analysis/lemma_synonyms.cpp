#include "analysis/lemma_synonyms.h"

#include "base/schema.h"

#include <algorithm>

namespace newsdex {

namespace {

const std::string kCapitalKey = "^";

// A value is a lemma written against the form it is a lemma of: one byte
// counting the bytes of the form it begins with, then the rest («угля» ->
// уголь: 4, "оль"). Most lemmas share their form's first letters, so the
// table holds half the bytes plain lemmas would take.
std::string encode_lemma(const std::string& form, const std::string& lemma) {
    std::size_t shared = 0;
    while (shared < form.size() && shared < lemma.size() && shared < 255 && form[shared] == lemma[shared]) ++shared;
    while (shared > 0 && shared < lemma.size() && (static_cast<unsigned char>(lemma[shared]) & 0xC0) == 0x80) --shared;
    return std::string(1, static_cast<char>(shared)) + lemma.substr(shared);
}

std::string decode_lemma(const std::string& form, const std::string& value) {
    const std::size_t shared = static_cast<unsigned char>(value[0]);
    return form.substr(0, shared) + value.substr(1);
}

// Whether `index` holds exactly these lemmas for `key` (a dictionary
// upgraded since may read the form otherwise: then the entry is added to).
bool recorded_in(const Xapian::Database& index, const std::string& key, const std::string& form,
                 const std::vector<std::string>& lemmas) {
    std::vector<std::string> values;
    for (const std::string& lemma : lemmas) values.push_back(encode_lemma(form, lemma));
    std::sort(values.begin(), values.end());
    std::vector<std::string> recorded(index.synonyms_begin(key), index.synonyms_end(key));
    return recorded == values;  // Xapian lists a key's synonyms sorted
}

void add_entries(const std::string& key, const std::string& form, const std::vector<std::string>& lemmas,
                 const Xapian::Database* index, std::vector<SynonymEntry>& out) {
    if (index && recorded_in(*index, key, form, lemmas)) return;
    for (const std::string& lemma : lemmas) out.emplace_back(key, encode_lemma(form, lemma));
}

// The lemmas of one key; nullopt when there is no such key.
std::optional<std::vector<std::string>> read_key(const Xapian::Database& db, const std::string& key,
                                                 const std::string& form) {
    auto it = db.synonyms_begin(key);
    if (it == db.synonyms_end(key)) return std::nullopt;
    std::vector<std::string> lemmas;
    for (; it != db.synonyms_end(key); ++it) {
        const std::string value = *it;
        if (!value.empty()) lemmas.push_back(decode_lemma(form, value));
    }
    std::sort(lemmas.begin(), lemmas.end());
    return lemmas;
}

}  // namespace

std::vector<SynonymEntry> LemmaSynonyms::new_entries(const std::vector<FormLemmas>& forms) {
    std::vector<SynonymEntry> out;
    for (const FormLemmas& f : forms) {
        if (f.capitalized) {
            if (f.lemmas != f.lower_lemmas && !f.lemmas.empty() && recorded_.insert(kCapitalKey + f.form).second)
                add_entries(kCapitalKey + f.form, f.form, f.lemmas, index_, out);
            continue;  // the lower-case analysis comes as an entry of its own
        }
        if (f.lemmas.empty()) continue;  // unknown: the form's own term says it was met
        if (f.lemmas.size() == 1 && f.lemmas.front() == f.form) continue;  // implied by "XM"+form
        if (recorded_.insert(f.form).second) add_entries(f.form, f.form, f.lemmas, index_, out);
    }
    return out;
}

void add_in_key_order(Xapian::WritableDatabase& db, std::vector<SynonymEntry>& entries) {
    std::sort(entries.begin(), entries.end());
    for (const auto& [key, value] : entries) db.add_synonym(key, value);
    entries.clear();
}

bool has_lemma_synonyms(const Xapian::Database& db) {
    try {
        return db.synonym_keys_begin() != db.synonym_keys_end();
    } catch (const Xapian::Error&) {
        return false;  // a remote shard: the dictionary answers instead
    }
}

std::optional<std::vector<std::string>> lemmas_in_index(const Xapian::Database& db, const std::string& form,
                                                        bool capitalized) {
    if (capitalized)
        if (auto lemmas = read_key(db, kCapitalKey + form, form)) return lemmas;
    if (auto lemmas = read_key(db, form, form)) return lemmas;
    if (db.term_exists(std::string(schema::kLemmaPrefix) + form) || db.term_exists(std::string(schema::kNameUsePrefix) + form))
        return std::vector<std::string>{form};
    // Met (its own term is there) with no lemma recorded: no dictionary knew it.
    if (db.term_exists(form)) return std::vector<std::string>{};
    return std::nullopt;
}

}  // namespace newsdex
