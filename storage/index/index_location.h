// Where an index lives: --db if given, else $NEWSDEX_DB, else the config
// files' `db` (config.h), else $XDG_DATA_HOME/newsdex, else
// ~/.local/share/newsdex.
#pragma once

#include "base/config.h"

#include <filesystem>
#include <string>

namespace newsdex {

std::filesystem::path resolve_index_dir(const std::string& db_option, const Config& config = {});

}  // namespace newsdex
