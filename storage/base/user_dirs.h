// The XDG base directories of the user running a tool ($XDG_*_HOME, else
// the spec's defaults under $HOME), each with "newsdex" appended.
#pragma once

#include <filesystem>
#include <optional>

namespace newsdex {

// Each is nullopt when neither the variable nor HOME is set.
std::optional<std::filesystem::path> user_config_dir();  // ~/.config/newsdex
std::optional<std::filesystem::path> user_data_dir();    // ~/.local/share/newsdex
std::optional<std::filesystem::path> user_state_dir();   // ~/.local/state/newsdex

}  // namespace newsdex
