// The on-disk contract between newsdex-index and newsdex-query.
//
// An index generation (see index_layout.h) holds two stores written together:
//   xapian/          Xapian (glass) database: one document per article
//   catalog.sqlite   SQLite catalog: one row per article (see catalog.cpp)
// The catalog row's `docid` column IS the Xapian document id, so either side
// can be found from the other without a lookup table.
//
// Xapian terms (prefixes follow Xapian/Omega conventions):
//   (none)  exact normalized word form (title and body); plain words of the
//           body have positions (not whole compounds, whose parts have them,
//           nor "25%", whose bare number has); phrase search and exact-form
//           ranking use these (indexes written before 2026-11-30 have
//           positions for every form, title included)
//   Z       stem of a word ("Z" + stem), no positions; plain keywords match
//           these. Only for what no lemma term stands for (lemmatizer.h,
//           lemmas_stand_for_stem): a word no dictionary knows, one with a
//           stopword lemma, a compound, a number, a Latin word; a word a
//           dictionary knows is found by its XM terms, and a stem typed
//           that no dictionary reads also matches the lemmas with that stem
//           (query_builder.cpp, by_stem). Not for a stopword itself
//           (stopwords.h) where the word has lemma terms: only a query of
//           stopwords alone asks for one, and it matches the stopwords'
//           exact forms with that stem too (query_builder.cpp,
//           stopword_forms). Indexes written before 2026-12-06 have a stem
//           term for every word (8% of the index and 9% of indexing's CPU
//           on 3,000 dev articles); those written before commit 8ae6255 of
//           that day, one for each stopword too (1.1% of the index)
//   S       exact normalized word form in the title, with positions (a
//           phrase query looks for plain words here too)
//   ZS      stem of a title word (as Z)
//   A ZA    author words and their stems (author: field)
//   XM      dictionary lemma of a Cyrillic word ("XM" + lemma, lemmatizer.h: Apertium,
//           then Hunspell), no positions, wdf as its word's; none for a
//           lemma that is a stopword (stopwords.h: в, быть, этот, which no
//           query looks up; indexes before 2026-12-05 have them); a hyphenated
//           compound's key is its parts' lemmas or stems joined by "-"; a
//           unit sign ("25%", "€30") adds its unit's lemma (процент, евро),
//           and a number before a unit word ("30 евро") adds the signed form
//           ("€30") as a term, so either spelling finds the other
//   XMS XMA lemmas of title and author words
//   XC      the same lemma where its word is used as a name: capitalized in
//           the middle of a sentence and read by no dictionary as a name
//           nor a verb («сектора Газа», «Совета Федерации»; lemmatizer.h,
//           InsideSentence), instead of its XM term there; one shaped as
//           a surname («Песков заявил»: песок's genitive plural), or
//           standing right after a first name («Илона Маска»), is
//           indexed as a name no dictionary knows (XN, Z) instead. A word typed in lower case (газ) finds these only where
//           its lemma is used so in a fifth or more of the articles that
//           have it (федерация, олимпиада), and one typed with a capital
//           always (query_builder.cpp, by_lemma). XCS XCA in title and
//           author. Indexes written before 2026-12-07 have XM terms there
//   XZ      stem of a Cyrillic word no dictionary knows ("XZ" + stem; XZS,
//           XZA in title and author): a query word the dictionary knows
//           matches these too (when its stem has four letters or more), so
//           a form the dictionary misses is not lost
//   XN      the same for such a word spelt with a capital: a name, mostly
//           («Соны», «Пескова»), which a common word typed in lower case
//           («сон») should not find; a name typed finds both (indexes
//           written before 2026-12-05 have these under XZ)
//   XR      a word's root (stemmer.h, word_root: the first five letters of
//           the Snowball stem of a Cyrillic word whose stem has five or
//           more; not for a stopword), no positions, wdf as its word's, in
//           the general field only: any-word queries rank by it beside each
//           word (query_builder.cpp). Indexes written before 2026-12-07 have
//           none, and rank as before
//   XM      the bare prefix as a boolean term: the document has lemma terms.
//           An index (or the part of one) written before 2026-12 has none:
//           the query builder then matches stems, as those versions did
//   XF      the bare prefix as a boolean term: the body's lead counts
//           kLeadWeight times in the general field (below). Indexes written
//           before 2026-12-07 have none, and "XF" + the stem of each of the
//           lead's words instead, which no query reads any more
//   (synonym table) each indexed word form's lemmas, so a query needs no
//           dictionary for a form the index has met: keys and values in
//           analysis/lemma_synonyms.h
//   XL      name key of a capitalized word (transliteration.h), so Latin and
//           Cyrillic spellings of a name find each other; none under
//           kMinNameKeyBytes, as no query looks those up
//   Q       unique article id (boolean)
//   D Y M   publication date as YYYYMMDD, YYYY, YYYYMM (boolean)
//   XS      source name, normalized (boolean)
//   XT      the source's own topic label, normalized (boolean)
//   K       editor tag / keyword, normalized (boolean)
//   U       url (boolean; only when it fits Xapian's term length limit)
//   H       the url's site, without "www." (boolean)
//   XY      story id (boolean, "XY" + 16 hex digits): only in indexes
//           written between 2026-12-05 and value slot 7, whose stories'
//           sizes come from it (query/story.cpp) until their next link
//           gives every story its shape; an article's story is now its
//           values 2 and 7 alone
//   XB      story band: "XB", a letter a..l, then 4 bytes of a hash of four
//           of the body's MinHash values (boolean): articles sharing one
//           are candidates for being one story
//   XH      story headline key (boolean): headline and day (story_key), so
//           copies under one headline on one day are one story
//
// Value slots:
//   0  publication date YYYYMMDD, UTC (sortable; empty when unknown)
//   1  source name as given
//   2  story id: 16 hex digits, the same for every article of one story
//      thread (story_linker.h) (indexes written before 2026-12-05: the
//      headline key, so only copies under one headline on one day
//      collapse; before slot 8, searches collapsed by this slot)
//   3  the source's own topic label, normalized
//   4  when the article was indexed, YYYYMMDDHHMMSS UTC (for --new, and
//      for the story linker's articles not yet linked)
//   5  story fingerprint (story_fingerprint.h): the article's own story
//      id, its headline key and its body's MinHash signature
//   6  the article id, its own bytes: all `--ids` prints, read without
//      decompressing and parsing the document data (indexes written before
//      2026-12-06 have none; their ids come from the data)
//   7  the story's shape (story_shape.h): its size and earliest date,
//      on each article of a story of two or more; none on an article alone
//      (indexes written before it have none at all)
//   8  the story id again, only on each article of a story of two or
//      more: what a search collapses by, so that Xapian reads a value for
//      the few articles that have another in their story rather than for
//      every one it matches (a one-word query's process 5.28 M -> 4.99 M
//      instructions, callgrind, on the dev index). An index linked before
//      it gets it at its next link (story_linker.cpp); until then its
//      searches collapse by slot 2 (query/story.h, story_collapse_slot)
//   1000+  one slot per topic profile (topic_profiles.cpp): the article's
//      score for that topic, sortable_serialise(0..1), only when > 0
//
// Topic terms: XP + topic name (boolean) when the article is about it.
//
// Document data: every field of Article (id, title, date, url, source,
// author, encoding, path, member, line, topic, tags, text), so the query tool
// can print results from the Xapian index alone. Written as the byte 0x02
// and a zstd frame (compressed with a built-in dictionary of common words and
// word pairs) of the metadata as JSON, a NUL, and the text in SCSU (one byte
// a Cyrillic letter); formats written before (0x01 without zstd, and one
// JSON object) still read. See doc_data.h.
#pragma once

#include <xapian.h>

#include <cstdint>

#include <string_view>

namespace newsdex::schema {

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kDatePrefix = "D";
inline constexpr std::string_view kYearPrefix = "Y";
inline constexpr std::string_view kMonthPrefix = "M";
inline constexpr std::string_view kSourcePrefix = "XS";
inline constexpr std::string_view kTagPrefix = "K";
inline constexpr std::string_view kUrlPrefix = "U";
inline constexpr std::string_view kAuthorPrefix = "A";
inline constexpr std::string_view kNameKeyPrefix = "XL";
inline constexpr std::string_view kLemmaPrefix = "XM";
inline constexpr std::string_view kUnknownStemPrefix = "XZ";
inline constexpr std::string_view kUnknownNamePrefix = "XN";
inline constexpr std::string_view kNameUsePrefix = "XC";
inline constexpr std::string_view kRootPrefix = "XR";
// Boolean: this document was indexed with dictionary lemmas.
inline constexpr std::string_view kLemmaMarker = kLemmaPrefix;
inline constexpr std::string_view kTopicPrefix = "XT";
inline constexpr std::string_view kSitePrefix = "H";
// News tells its story in the lead: a body word that begins within the
// body's first kLeadUnits UTF-16 units (about its first 60 words: 439 on
// average over the dev articles) counts kLeadWeight times in the general
// field, as a title word counts kTitleWeight times (BM25F's field weights
// folded into the term frequency). Offsets rather than word counts, so that
// a snippet can tell a match in the lead from where it starts (query/
// snippet.cpp checks its matches against the index's counts).
//
// Until the seventeenth session the lead was a field of its own, "XF" plus
// the Snowball stem of each of those words but stopwords, which any-word
// queries added at 0.3 beside each word: on the 3,000-headline sample of
// scripts/eval-search MRR@10 0.762 that way, 0.759 this way (0.749 without
// either), on 2,000 pasted stretches 0.859 and 0.874; a 12-word headline's
// whole --ids process took 12.3 M instructions that way, 10.1 M this way
// (callgrind), and the index drops 40 lead terms an article. A document
// indexed so carries kLeadMarker; one indexed before has XF terms instead,
// which nothing reads any more.
inline constexpr int32_t kLeadUnits = 450;
inline constexpr Xapian::termcount kLeadWeight = 2;
inline constexpr std::string_view kLeadMarker = "XF";

inline constexpr Xapian::valueno kDateSlot = 0;
inline constexpr Xapian::valueno kSourceSlot = 1;
inline constexpr Xapian::valueno kStorySlot = 2;
inline constexpr Xapian::valueno kTopicSlot = 3;
inline constexpr Xapian::valueno kIndexedAtSlot = 4;
inline constexpr Xapian::valueno kStoryFingerprintSlot = 5;
inline constexpr Xapian::valueno kIdSlot = 6;
inline constexpr Xapian::valueno kStoryShapeSlot = 7;
inline constexpr Xapian::valueno kStoryCollapseSlot = 8;
inline constexpr std::string_view kStoryPrefix = "XY";
inline constexpr std::string_view kStoryBandPrefix = "XB";
inline constexpr std::string_view kStoryHeadlinePrefix = "XH";
inline constexpr Xapian::valueno kFirstTopicSlot = 1000;
inline constexpr Xapian::valueno kTopicSlotRange = 1000000;
inline constexpr std::string_view kTopicScorePrefix = "XP";

// Title words count this many times in the general field: BM25 then ranks a
// title match above a body match without a separate weighting scheme.
inline constexpr Xapian::termcount kTitleWeight = 3;

// Gap between title and body positions so a phrase cannot span them.
inline constexpr Xapian::termpos kTitleBodyGap = 100;

// Xapian rejects terms longer than 245 bytes; stay clear of the limit.
inline constexpr std::size_t kMaxTermBytes = 240;

}  // namespace newsdex::schema
