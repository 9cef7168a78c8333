#include "index_location.h"

#include "errors.h"

#include <cstdlib>

namespace newsdex {

std::filesystem::path resolve_index_dir(const std::string& db_option) {
    if (!db_option.empty()) return db_option;
    if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "newsdex";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "newsdex";
    throw IndexError("no index location: give --db DIR or set NEWSDEX_DB");
}


}  // namespace newsdex
