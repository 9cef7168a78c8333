#include "index_reader.h"

#include "errors.h"

namespace newsdex {

Xapian::Database open_index_readonly(const std::filesystem::path& dir) {
    IndexPaths paths = index_paths(dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(paths.dir, ec))
        throw IndexError(paths.dir.string() + ": no index here (create one with newsdex-index)");
    if (!std::filesystem::exists(paths.xapian, ec))
        throw IndexError(paths.dir.string() + ": not a newsdex index (no " + paths.xapian.filename().string() + "/ inside)");
    try {
        return Xapian::Database(paths.xapian.string(), Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        throw IndexError(paths.xapian.string() + ": cannot open index: " + e.get_msg());
    }
}

}  // namespace newsdex
