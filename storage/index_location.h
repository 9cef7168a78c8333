// Where an index lives: --db if given, else $NEWSDEX_DB, else
// $XDG_DATA_HOME/newsdex, else ~/.local/share/newsdex.
#pragma once

#include <filesystem>
#include <string>

namespace newsdex {

std::filesystem::path resolve_index_dir(const std::string& db_option);


}  // namespace newsdex
