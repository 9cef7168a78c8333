// Which of a few terms index each of a few documents, and how often, read
// from the terms' posting lists. Enquire::get_matching_terms reads each
// hit's whole term list (hundreds of terms an article) to find the query's
// few; each term's posting list, skipped once through the hits' ids in
// order, finds the same (it was 15% of a query that prints snippets), and
// its wdf there tells the snippet how many matches to look for.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsdex {

// For each of `docids` (any order), the `terms` that index it, with their
// wdf in it. Local databases only: over a remote shard each posting list is
// a round trip.
std::vector<std::map<std::string, Xapian::termcount>> terms_in_documents(const Xapian::Database& db,
                                                                         const std::set<std::string>& terms,
                                                                         const std::vector<Xapian::docid>& docids);

}  // namespace newsdex
