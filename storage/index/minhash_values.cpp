#include "index/minhash_values.h"

#include <algorithm>

namespace newsdex {
namespace {

constexpr uint64_t kSeedStep = 0x9e3779b97f4a7c15ULL;

uint64_t mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void fold_one_at_a_time(std::span<const uint64_t> hashes, MinHashValues& values) {
    for (uint64_t h : hashes)
        for (std::size_t k = 0; k < kMinHashValues; ++k) values[k] = std::min(values[k], mix(h + kSeedStep * (k + 1)));
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// The same values, eight at a time in 64-bit lanes: the 64 mixes of a
// shingle were 3.4% of indexing's instructions (3,000 dev articles,
// callgrind). GCC's function multiversioning picks a version as the
// program loads: with AVX-512 (x86-64-v4) this is 7 times as fast as one
// value at a time, with AVX2 (v3, whose 64-bit multiplies are made of
// 32-bit ones) twice; on an older x86-64, GCC's generic lanes were slower
// than the plain loop, which it keeps. Equal values: test_stories.cpp.
typedef uint64_t Lanes __attribute__((vector_size(64)));

[[gnu::always_inline]] inline void fold_in_lanes(std::span<const uint64_t> hashes, MinHashValues& values) {
    constexpr std::size_t kLanes = sizeof(Lanes) / sizeof(uint64_t);
    constexpr std::size_t kRows = kMinHashValues / kLanes;
    Lanes seeds[kRows], least[kRows];
    for (std::size_t r = 0; r < kRows; ++r)
        for (std::size_t l = 0; l < kLanes; ++l) {
            seeds[r][l] = kSeedStep * (r * kLanes + l + 1);
            least[r][l] = values[r * kLanes + l];
        }
    for (uint64_t h : hashes)
        for (std::size_t r = 0; r < kRows; ++r) {
            Lanes x = h + seeds[r];
            x ^= x >> 30;
            x *= 0xbf58476d1ce4e5b9ULL;
            x ^= x >> 27;
            x *= 0x94d049bb133111ebULL;
            x ^= x >> 31;
            least[r] = x < least[r] ? x : least[r];
        }
    for (std::size_t r = 0; r < kRows; ++r)
        for (std::size_t l = 0; l < kLanes; ++l) values[r * kLanes + l] = least[r][l];
}

__attribute__((target("default"))) void fold(std::span<const uint64_t> hashes, MinHashValues& values) {
    fold_one_at_a_time(hashes, values);
}
__attribute__((target("arch=x86-64-v3"))) void fold(std::span<const uint64_t> hashes, MinHashValues& values) {
    fold_in_lanes(hashes, values);
}
__attribute__((target("arch=x86-64-v4"))) void fold(std::span<const uint64_t> hashes, MinHashValues& values) {
    fold_in_lanes(hashes, values);
}
#else
void fold(std::span<const uint64_t> hashes, MinHashValues& values) { fold_one_at_a_time(hashes, values); }
#endif

}  // namespace

void fold_minhash_values(std::span<const uint64_t> hashes, MinHashValues& values) { fold(hashes, values); }

}  // namespace newsdex
