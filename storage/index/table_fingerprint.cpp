#include "index/table_fingerprint.h"

#include "base/errors.h"
#include "base/xxh128.h"

#include <algorithm>
#include <system_error>
#include <vector>

namespace newsdex {
namespace fs = std::filesystem;

std::string table_fingerprint(const fs::path& xapian_dir) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(xapian_dir))
        if (entry.is_regular_file() && entry.path().filename() != "flintlock") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Xxh128 hash;
    for (const fs::path& file : files) {
        hash.update(file.filename().string()).update(std::string_view("\0", 1));
        try {
            hash.update_file(file);
        } catch (const std::system_error& e) {
            throw IndexError(file.string() + ": " + e.what());
        }
    }
    return hash.hex();
}

void record_table_fingerprint(Catalog& catalog, const fs::path& xapian_dir, Xapian::rev revision) {
    catalog.set_meta(kTablesMeta, std::to_string(revision) + " " + table_fingerprint(xapian_dir));
}

std::optional<std::string> table_damage(Catalog& catalog, const fs::path& xapian_dir, Xapian::rev revision) {
    const std::optional<std::string> recorded = catalog.meta(kTablesMeta);
    if (!recorded) return std::nullopt;
    const std::string::size_type space = recorded->find(' ');
    if (recorded->substr(0, space) != std::to_string(revision)) return std::nullopt;
    if (recorded->substr(space + 1) == table_fingerprint(xapian_dir)) return std::nullopt;
    return "the index's files changed since newsdex last wrote them (revision " + std::to_string(revision) +
           "): damaged, or written by another program";
}

}  // namespace newsdex
