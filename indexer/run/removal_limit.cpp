#include "run/removal_limit.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace newsdex {

RemovalLimit parse_removal_limit(const std::string& text) {
    RemovalLimit limit;
    limit.explicit_limit = true;
    const bool percent = !text.empty() && text.back() == '%';
    const std::string number = percent ? text.substr(0, text.size() - 1) : text;
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (number.empty() || *end != '\0' || value < 0 || (percent && value > 100) ||
        (!percent && value != std::floor(value)))
        throw std::invalid_argument("--max-removals: expected a number of articles (100) or a share of the index "
                                    "(50%), not '" + text + "'");
    if (percent) limit.share = value / 100.0;
    else limit.count = static_cast<std::size_t>(value);
    return limit;
}

std::optional<std::string> removals_refused(const RemovalLimit& limit, std::size_t removals, std::size_t articles,
                                            const std::vector<std::string>& emptied) {
    if (removals == 0) return std::nullopt;
    std::string why;
    if (limit.count) {
        if (removals > *limit.count) why = "more than --max-removals " + std::to_string(*limit.count) + " allows";
    } else if (static_cast<double>(removals) > limit.share * static_cast<double>(articles)) {
        why = "more than " + std::to_string(static_cast<int>(std::lround(limit.share * 100))) + "% of the index" +
              (limit.explicit_limit ? " (--max-removals)" : "");
    }
    if (why.empty() && !limit.explicit_limit && !emptied.empty())
        why = "every article under " + emptied.front() + (emptied.size() > 1 ? " and other inputs" : "");
    if (why.empty()) return std::nullopt;
    return "refusing to remove " + std::to_string(removals) + " of " + std::to_string(articles) + " articles: " + why +
           " (an input folder that came up empty, such as an unmounted disk, would empty the index). Nothing was "
           "removed; if this is meant, run again with --max-removals " +
           (limit.count ? std::to_string(removals) : std::string("100%"));
}

}  // namespace newsdex
