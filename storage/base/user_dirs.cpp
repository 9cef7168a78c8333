#include "base/user_dirs.h"

#include <cstdlib>

namespace newsdex {
namespace {

std::optional<std::filesystem::path> xdg_dir(const char* variable, const char* default_under_home) {
    if (const char* value = std::getenv(variable); value && *value) return std::filesystem::path(value) / "newsdex";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / default_under_home / "newsdex";
    return std::nullopt;
}

}  // namespace

std::optional<std::filesystem::path> user_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }
std::optional<std::filesystem::path> user_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }
std::optional<std::filesystem::path> user_state_dir() { return xdg_dir("XDG_STATE_HOME", ".local/state"); }

}  // namespace newsdex
