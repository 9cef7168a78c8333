// How much text a run's inputs hold, before reading them: what decides
// whether a new index is worth writing in parallel segments. Bytes on disk
// say little for compressed input (news-dev.jsonl.xz: 14 MB holding 86 MB
// of text), so a compressed file or archive is sampled.
#pragma once

#include "run/input_files.h"

#include <cstdint>
#include <vector>

namespace newsdex {

// Decompressed bytes read from one file to learn its compression ratio:
// enough to span many blocks of any codec, and a small part of the time a
// file big enough to matter takes to index.
inline constexpr int64_t kRatioSampleBytes = 4 << 20;

// The bytes of text in `input`: its size for a plain file; for a compressed
// file or archive (by name) its size times the ratio measured over its
// first kRatioSampleBytes (exact when the sample reaches the end); -1 when
// unknown (standard input, a pipe). A file that cannot be sampled counts its
// size on disk: its reader reports the reason later, once.
int64_t estimated_text_bytes(const InputFile& input);

// The sum over `inputs`, stopping as soon as it reaches `enough` (sampling
// the rest would only cost time); -1 if any input's size is unknown first.
int64_t estimated_text_bytes(const std::vector<InputFile>& inputs, int64_t enough);

}  // namespace newsdex
