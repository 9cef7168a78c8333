// The MinHash values of a set of 64-bit hashes (a body's word shingles,
// story_fingerprint.h): value k is the least of mix(h + kSeedStep (k + 1))
// over the hashes h, mix being splitmix64's finalizer (one hash a shingle,
// kMinHashValues mixes of it, instead of as many hash functions).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace newsdex {

inline constexpr std::size_t kMinHashValues = 64;
using MinHashValues = std::array<uint64_t, kMinHashValues>;

// Lowers `values` to the least of each and the values of `hashes` (start
// from all ones for a set's own values).
void fold_minhash_values(std::span<const uint64_t> hashes, MinHashValues& values);

}  // namespace newsdex
