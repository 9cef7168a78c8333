// Word forms' lemmas recorded in the index itself, in Xapian's synonym
// table, so a query finds the lemmas of the words it is given without
// loading a dictionary (README, Word forms). The indexer records each form
// the first time a run meets it; the query builder reads them back through
// Lemmatizer::use_index.
//
// Keys and values (each value a lemma, written as the count of the form's
// first bytes it shares, one byte, then the rest of it):
//   form      -> each lemma of the form written in lower case
//                (Lemmatizer::lemmas(form, false)); nothing when its only
//                lemma is the form itself (the "XM"+form term then exists,
//                and is what a query reads instead) or when no dictionary
//                knows it (the form's own term then exists, with no lemma).
//   "^"+form  -> each lemma of the form written with a capital, only where
//                those differ from the lower-case ones («Путина»: путин,
//                but «путина»: путина).
// A run without dictionaries records nothing; an index whose table is
// empty is read as having no lemma synonyms at all.
#pragma once

#include "analysis/lemmatizer.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace newsdex {

using SynonymEntry = std::pair<std::string, std::string>;  // key, value

// The synonym entries a run adds, each key once per run: a writer keeps
// one of these and asks it about every document's new forms.
class LemmaSynonyms {
public:
    // `index`: the index the run writes to, when it has lemma synonyms
    // already (null for a first run or a rebuild, which have nothing to
    // compare); it must outlive this.
    explicit LemmaSynonyms(const Xapian::Database* index) : index_(index) {}

    // The entries of `forms` whose keys this run has not recorded yet, and
    // that the index does not hold already with the same values: a form is
    // new to a run's dictionaries, not always to the index, and rewriting
    // an entry rewrites its block (an incremental run that replaced 87 dev
    // articles wrote 14,700 blocks of the table).
    std::vector<SynonymEntry> new_entries(const std::vector<FormLemmas>& forms);

private:
    const Xapian::Database* index_;
    std::unordered_set<std::string> recorded_;
};

// Adds `entries` to `db` in key order, and empties them. Glass writes a
// leaf block out each time an update moves on to another, so entries added
// in the order documents brought them wrote a block nearly each (500 new
// dev articles added to 3,000: 8,955 block writes of synonym.glass, 1,670
// in key order); a writer keeps a batch's entries, or a segment's between
// its commits, for this.
void add_in_key_order(Xapian::WritableDatabase& db, std::vector<SynonymEntry>& entries);

// True when `db` has lemma synonyms (any key at all; the table holds
// nothing else). False for a remote database that cannot read them.
bool has_lemma_synonyms(const Xapian::Database& db);

// The lemmas the index recorded for `form` (normalized), as
// Lemmatizer::lemmas would give them: empty when the form was indexed and
// no dictionary knew it; nullopt when the index never met the form (then
// only a dictionary can tell).
std::optional<std::vector<std::string>> lemmas_in_index(const Xapian::Database& db, const std::string& form,
                                                        bool capitalized);

}  // namespace newsdex
