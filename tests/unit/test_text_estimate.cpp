// The size of text an input holds, as the indexer estimates it to choose
// the parallel path: plain files by their size, compressed ones sampled.
#include "run/text_estimate.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <string>

using newsdex::estimated_text_bytes;
using newsdex::InputFile;
using newsdex::kRatioSampleBytes;
using newsdex::testing::TempDir;

namespace {

// Lines of numbered words: compressible, and alike from start to end, as
// a news dump is.
std::string news_like_text(int64_t bytes) {
    std::string text;
    std::uint32_t state = 21;
    while (static_cast<int64_t>(text.size()) < bytes) {
        state = state * 1664525u + 1013904223u;
        text += "{\"id\": \"a-" + std::to_string(state % 100000) + "\", \"text\": \"слово " +
                std::to_string(state % 997) + " новость " + std::to_string(state % 89) + "\"}\n";
    }
    return text;
}

InputFile gzip_file(const std::filesystem::path& path, const std::string& text) {
    gzFile out = gzopen(path.c_str(), "wb6");
    REQUIRE(out);
    REQUIRE(gzwrite(out, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
    REQUIRE(gzclose(out) == Z_OK);
    return InputFile{path.string(), static_cast<int64_t>(std::filesystem::file_size(path)), {}};
}

InputFile plain_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return InputFile{path.string(), static_cast<int64_t>(text.size()), {}};
}

}  // namespace

TEST_CASE("a plain file holds its size in text; an unknown size stays unknown", "[text_estimate]") {
    TempDir dir;
    const InputFile plain = plain_file(dir.path() / "a.jsonl", news_like_text(10000));
    CHECK(estimated_text_bytes(plain) == plain.size);
    CHECK(estimated_text_bytes(InputFile{"-", -1, {}}) == -1);
    CHECK(estimated_text_bytes({plain, InputFile{"-", -1, {}}}, 1 << 30) == -1);
}

TEST_CASE("a small compressed file is read to its end: exact", "[text_estimate]") {
    TempDir dir;
    const std::string text = news_like_text(300000);
    const InputFile packed = gzip_file(dir.path() / "a.jsonl.gz", text);
    REQUIRE(packed.size < static_cast<int64_t>(text.size()) / 3);
    CHECK(estimated_text_bytes(packed) == static_cast<int64_t>(text.size()));
}

TEST_CASE("a large compressed file is estimated from a sample of its start", "[text_estimate]") {
    TempDir dir;
    const std::string text = news_like_text(3 * kRatioSampleBytes);
    const InputFile packed = gzip_file(dir.path() / "dump.jsonl.gz", text);
    const auto estimate = static_cast<double>(estimated_text_bytes(packed));
    CHECK(estimate > 0.9 * static_cast<double>(text.size()));
    CHECK(estimate < 1.1 * static_cast<double>(text.size()));
}

TEST_CASE("a damaged compressed file counts its size on disk (its reader says why, later)", "[text_estimate]") {
    TempDir dir;
    const InputFile broken = plain_file(dir.path() / "b.jsonl.xz", "not xz at all, but long enough to be read\n");
    CHECK(estimated_text_bytes(broken) > 0);
}

TEST_CASE("the sum stops sampling once it has enough", "[text_estimate]") {
    TempDir dir;
    const InputFile first = plain_file(dir.path() / "a.jsonl", news_like_text(5000));
    // Unreadable as gzip: were it sampled, its size on disk would count.
    const InputFile second = InputFile{(dir.path() / "missing.jsonl.gz").string(), 1000, {}};
    CHECK(estimated_text_bytes({first, second}, 100) == first.size);
    CHECK(estimated_text_bytes({first, second}, 1 << 30) == first.size + 1000);
}
