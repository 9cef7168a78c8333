#include "index/story_fingerprint.h"

#include "base/content_hash.h"
#include "base/schema.h"
#include "index/minhash_values.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>

namespace newsdex {
namespace {

constexpr char kFormat = 1;  // the first byte of an encoded fingerprint
constexpr std::size_t kShingleWords = 4;
static_assert(kStoryMinHashes == kMinHashValues, "a fingerprint keeps a byte of each MinHash value");

uint64_t hash_bytes(const void* data, std::size_t size) { return XXH3_64bits(data, size); }

void put64(std::string& out, uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

uint64_t get64(const std::string& in, std::size_t at) {
    uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + i]);
    return v;
}

std::vector<uint8_t> body_minhash(const std::vector<AnalyzedToken>& body) {
    if (body.size() < kMinStoryWords) return {};
    // Snowball stems, so a rewrite that changes a word's case or number
    // still shares the shingle.
    std::vector<uint64_t> words;
    words.reserve(body.size());
    for (const AnalyzedToken& t : body) words.push_back(hash_bytes(t.stem.data(), t.stem.size()));
    std::vector<uint64_t> shingles;
    shingles.reserve(words.size());
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i)
        shingles.push_back(hash_bytes(&words[i], kShingleWords * sizeof(uint64_t)));
    MinHashValues mins;
    mins.fill(std::numeric_limits<uint64_t>::max());
    fold_minhash_values(shingles, mins);
    std::vector<uint8_t> out(kStoryMinHashes);
    for (std::size_t k = 0; k < kStoryMinHashes; ++k) out[k] = static_cast<uint8_t>(mins[k]);
    return out;
}

}  // namespace

std::string story_id_text(uint64_t id) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
    return text;
}

StoryFingerprint story_fingerprint(const Article& article, const std::vector<AnalyzedToken>& body) {
    StoryFingerprint f;
    f.own = hash_bytes(article.id.data(), article.id.size());
    f.headline = std::stoull(story_key(article).substr(0, 16), nullptr, 16);
    f.minhash = body_minhash(body);
    return f;
}

std::string encode_story_fingerprint(const StoryFingerprint& f) {
    std::string out(1, kFormat);
    put64(out, f.own);
    put64(out, f.headline);
    for (const uint8_t v : f.minhash) out.push_back(static_cast<char>(v));
    return out;
}

std::optional<StoryFingerprint> decode_story_fingerprint(const std::string& value) {
    constexpr std::size_t kHeader = 1 + 8 + 8;
    if (value.size() < kHeader || value[0] != kFormat) return std::nullopt;
    const std::size_t rest = value.size() - kHeader;
    if (rest != 0 && rest != kStoryMinHashes) return std::nullopt;
    StoryFingerprint f;
    f.own = get64(value, 1);
    f.headline = get64(value, 9);
    for (std::size_t at = kHeader; at < value.size(); ++at) f.minhash.push_back(static_cast<uint8_t>(value[at]));
    return f;
}

std::vector<std::string> story_link_terms(const StoryFingerprint& f) {
    std::vector<std::string> terms{std::string(schema::kStoryHeadlinePrefix) + story_id_text(f.headline)};
    if (f.minhash.size() < kStoryBands * kStoryBandRows) return terms;
    for (std::size_t band = 0; band < kStoryBands; ++band) {
        const uint64_t key = hash_bytes(&f.minhash[band * kStoryBandRows], kStoryBandRows);
        // The band's letter, then 32 bits of its key as bytes: short terms
        // (the band terms were most of what story threads add to an index).
        std::string term(schema::kStoryBandPrefix);
        term += static_cast<char>('a' + band);
        for (int shift = 24; shift >= 0; shift -= 8) term += static_cast<char>((key >> shift) & 0xFF);
        terms.push_back(std::move(term));
    }
    return terms;
}

bool same_story(const StoryFingerprint& a, const StoryFingerprint& b) {
    if (a.headline == b.headline) return true;
    if (a.minhash.size() != kStoryMinHashes || b.minhash.size() != kStoryMinHashes) return false;
    std::size_t equal = 0;
    for (std::size_t k = 0; k < kStoryMinHashes; ++k) equal += a.minhash[k] == b.minhash[k];
    return static_cast<double>(equal) >= kSameStoryResemblance * static_cast<double>(kStoryMinHashes);
}

void add_story_fields(Xapian::Document& doc, const StoryFingerprint& f) {
    doc.add_value(schema::kStoryFingerprintSlot, encode_story_fingerprint(f));
    for (const std::string& term : story_link_terms(f)) doc.add_boolean_term(term);
    doc.add_value(schema::kStorySlot, story_id_text(f.own));
}

void set_story(Xapian::Document& doc, const std::string& story, const StoryShape& shape) {
    doc.add_value(schema::kStorySlot, story);
    doc.add_value(schema::kStoryShapeSlot, encode_story_shape(shape));  // empty: none (Xapian removes it)
    doc.add_value(schema::kStoryCollapseSlot, shape.size > 1 ? story : std::string());
}

}  // namespace newsdex
