#include "index/index_location.h"

#include "base/errors.h"
#include "base/user_dirs.h"

#include <cstdlib>

namespace newsdex {

std::filesystem::path resolve_index_dir(const std::string& db_option, const Config& config) {
    if (!db_option.empty()) return db_option;
    if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
    if (config.db) return *config.db;
    if (std::optional<std::filesystem::path> dir = user_data_dir()) return *dir;
    throw IndexError("no index location: give --db DIR or set NEWSDEX_DB");
}

}  // namespace newsdex
