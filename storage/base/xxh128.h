// A streaming 128-bit XXH3 hash (RAII over xxhash's state), printed as 32
// hex digits: article fingerprints, input files, the index's tables.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace newsdex {

class Xxh128 {
public:
    Xxh128();
    Xxh128& update(std::string_view bytes);
    // Feeds the file's bytes. Throws std::system_error naming what failed.
    Xxh128& update_file(const std::filesystem::path& path);
    // Feeds `length` bytes of the file from `offset` (fewer if it ends
    // first). Throws as update_file does.
    Xxh128& update_file_range(const std::filesystem::path& path, std::uint64_t offset, std::uint64_t length);
    std::string hex() const;

    static std::string hex(XXH128_hash_t h);

private:
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_;
};

}  // namespace newsdex
