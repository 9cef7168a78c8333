#include "index_set.h"

#include "errors.h"
#include "index_reader.h"

namespace newsdex {

Xapian::Database open_indexes(const std::vector<std::filesystem::path>& indexes) {
    Xapian::Database combined;
    for (const std::filesystem::path& path : indexes) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) {
            try {
                combined.add_database(Xapian::Database(path.string()));
            } catch (const Xapian::Error& e) {
                throw IndexError(path.string() + ": cannot open stub file: " + e.get_msg());
            }
        } else {
            combined.add_database(open_index_readonly(path));
        }
    }
    return combined;
}

}  // namespace newsdex
