// How many articles one run may remove. An archive folder that comes up
// empty (an unmounted disk, a moved share) looks to an incremental run like
// every file deleted; without a limit the nightly run would empty the index
// and exit 0. A run over the limit removes nothing and exits 2.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

struct RemovalLimit {
    // By default at most half the index, and not every article under one
    // input folder; set explicitly (--max-removals), the number or share
    // alone.
    std::optional<std::size_t> count;
    double share = 0.5;
    bool explicit_limit = false;
};

// "N" (articles) or "P%" (of the index before the run). Throws
// std::invalid_argument.
RemovalLimit parse_removal_limit(const std::string& text);

// Why removing `removals` of the `articles` the index held must not go
// ahead, or nullopt. `emptied` are the input folders none of whose articles
// would be left.
std::optional<std::string> removals_refused(const RemovalLimit& limit, std::size_t removals, std::size_t articles,
                                            const std::vector<std::string>& emptied);

}  // namespace newsdex
