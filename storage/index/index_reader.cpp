#include "index/index_reader.h"

#include "base/errors.h"
#include "base/xapian_reason.h"

namespace newsdex {

Xapian::Database open_index_readonly(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw IndexError(dir.string() + ": no index here (create one with newsdex-index)");
    const std::optional<Generation> live = IndexLayout(dir).live();
    if (!live || !std::filesystem::exists(live->xapian(), ec))
        throw IndexError(dir.string() + ": not a newsdex index (no index.stub inside)");
    try {
        return Xapian::Database(live->xapian().string(), Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        throw IndexError(live->xapian().string() + ": cannot open index: " + xapian_reason(e));
    }
}

}  // namespace newsdex
