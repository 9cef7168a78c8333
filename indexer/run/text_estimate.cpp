#include "run/text_estimate.h"

#include "readers/archive_reader.h"
#include "readers/input_format.h"

#include <array>

namespace newsdex {
namespace {

// Text bytes over compressed bytes in the file's first kRatioSampleBytes of
// text, across members for an archive.
int64_t sampled_text_bytes(const InputFile& input) {
    ArchiveReader reader(input.path);
    std::array<char, 64 << 10> buffer;
    int64_t text = 0;
    bool ended = true;
    while (ended && reader.next_member()) {
        while (const std::size_t n = reader.read(buffer.data(), buffer.size())) {
            text += static_cast<int64_t>(n);
            if (text >= kRatioSampleBytes) {
                ended = false;
                break;
            }
        }
    }
    if (ended) return text;  // the whole file: exact
    const int64_t packed = reader.compressed_bytes_read();
    if (packed <= 0) return input.size;
    return static_cast<int64_t>(static_cast<double>(input.size) * static_cast<double>(text) /
                                static_cast<double>(packed));
}

}  // namespace

int64_t estimated_text_bytes(const InputFile& input) {
    if (input.size < 0 || !packed_by_name(input.path)) return input.size;
    try {
        return sampled_text_bytes(input);
    } catch (const InputError&) {
        return input.size;
    }
}

int64_t estimated_text_bytes(const std::vector<InputFile>& inputs, int64_t enough) {
    int64_t total = 0;
    for (const InputFile& input : inputs) {
        const int64_t bytes = estimated_text_bytes(input);
        if (bytes < 0) return -1;
        total += bytes;
        if (total >= enough) break;
    }
    return total;
}

}  // namespace newsdex
