#include "index/minhash_values.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

using namespace newsdex;

namespace {

// The definition, one value at a time (minhash_values.h): whichever
// version the machine running the test picks must give these values.
MinHashValues by_definition(const std::vector<uint64_t>& hashes) {
    const auto mix = [](uint64_t x) {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    MinHashValues values;
    values.fill(std::numeric_limits<uint64_t>::max());
    for (uint64_t h : hashes)
        for (std::size_t k = 0; k < kMinHashValues; ++k)
            values[k] = std::min(values[k], mix(h + 0x9e3779b97f4a7c15ULL * (k + 1)));
    return values;
}

}  // namespace

TEST_CASE("MinHash values are those of their definition on every machine", "[stories][minhash]") {
    std::mt19937_64 random(25);
    for (std::size_t n : {0u, 1u, 7u, 500u, 4000u}) {
        std::vector<uint64_t> hashes(n);
        for (uint64_t& h : hashes) h = random();
        if (n > 1) hashes[1] = std::numeric_limits<uint64_t>::max();  // wraps when seeded
        MinHashValues values;
        values.fill(std::numeric_limits<uint64_t>::max());
        fold_minhash_values(hashes, values);
        INFO(n << " hashes");
        CHECK(values == by_definition(hashes));
    }
    // Folding in two parts is folding the whole.
    std::vector<uint64_t> hashes(300);
    for (uint64_t& h : hashes) h = random();
    MinHashValues values;
    values.fill(std::numeric_limits<uint64_t>::max());
    fold_minhash_values(std::span<const uint64_t>(hashes).first(100), values);
    fold_minhash_values(std::span<const uint64_t>(hashes).subspan(100), values);
    CHECK(values == by_definition(hashes));
}
