#include "readers/article_id.h"

namespace newsdex {

std::string path_id(const std::filesystem::path& file, const std::filesystem::path& base) {
    const std::filesystem::path rel = file.lexically_normal().lexically_relative(base.lexically_normal());
    if (rel.empty() || *rel.begin() == "..") return file.lexically_normal().string();
    return rel.string();
}

}  // namespace newsdex
