// The live generation of a test index directory, created (and published,
// so readers find it) on first use — what newsdex-index does for a new index.
#pragma once

#include "index/index_layout.h"

#include <filesystem>

namespace newsdex::testing {

inline Generation live_generation(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    IndexLayout layout(dir);
    if (auto live = layout.live()) return *live;
    Generation g = layout.next_generation();
    std::filesystem::create_directories(g.dir);
    layout.publish(g);
    return g;
}

}  // namespace newsdex::testing
