// What one article brings to story threads (README, Stories): its own
// story id, its headline key and a MinHash signature of its body, computed
// where the article is analysed and stored in its document (schema.h: value
// slot 5, XB and XH terms), so the story linker (story_linker.h) reads
// them back without analysing anything again.
//
// Two articles are one story when they are copies under one headline on
// one day, or rewrites of one text: their bodies' word 4-shingles resemble
// each other (Jaccard) at kSameStoryResemblance or more. Measured on the
// judged pairs (scripts/eval-stories, doc/stories-design.md): this rule
// joins no follow-up, other day's report or reaction (precision 1.0) but
// only 0.4 of the same-story pairs; another outlet's report of one event
// shares too few word sequences to be told from a follow-up.
#pragma once

#include "analysis/analyzer.h"
#include "base/article.h"
#include "index/story_shape.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

// MinHash values a body keeps (the low byte of each: two articles' values
// then agree by chance once in 256, which moves an estimate by 0.001; 64
// estimate a resemblance of 0.7 within 0.06), and the bands of four of them
// indexed as terms: a pair resembling at 0.7 shares one of 12 bands with
// probability 0.96, at 0.75 with 0.99. Measured on 3,000 dev articles,
// story threads add 1.5 MB to a 69.6 MB index this way (16 bands, keys of
// 10 hex digits and 16-bit values: 2.5 MB).
inline constexpr std::size_t kStoryMinHashes = 64;
inline constexpr std::size_t kStoryBands = 12;
inline constexpr std::size_t kStoryBandRows = 4;
// Bodies shorter than this many words get no signature (a boilerplate
// note under many headlines would otherwise join them all).
inline constexpr std::size_t kMinStoryWords = 50;
inline constexpr double kSameStoryResemblance = 0.7;

struct StoryFingerprint {
    uint64_t own = 0;       // the story id the article has alone: a hash of its article id
    uint64_t headline = 0;  // its headline and day (story_key)
    std::vector<uint8_t> minhash;  // kStoryMinHashes values, or none (a short body)
};

StoryFingerprint story_fingerprint(const Article& article, const std::vector<AnalyzedToken>& body);

// As stored in value slot 5; nullopt for a value that is not one (an
// index written before story threads).
std::string encode_story_fingerprint(const StoryFingerprint& fingerprint);
std::optional<StoryFingerprint> decode_story_fingerprint(const std::string& value);

// The terms through which articles of one story find each other: the
// headline key's and one a band of the signature.
std::vector<std::string> story_link_terms(const StoryFingerprint& fingerprint);

// Whether the rule above makes the two articles one story.
bool same_story(const StoryFingerprint& a, const StoryFingerprint& b);

// A story id as stored and printed: 16 hex digits.
std::string story_id_text(uint64_t id);

// A new document's story fields: the fingerprint, the link terms, and the
// story it has alone (the linker joins it to others afterwards).
void add_story_fields(Xapian::Document& doc, const StoryFingerprint& fingerprint);

// Puts a document in a story (value slot 2) of this shape (slot 7), and in a
// story of two or more in the collapse slot too (8): its values only, so
// that rewriting it costs Xapian no term list (story_shape.h).
void set_story(Xapian::Document& doc, const std::string& story, const StoryShape& shape);

}  // namespace newsdex
