// Topic profiles: what makes an article about "tariffs" or "diplomacy".
// Shipped in topics/topics.toml (built into the binaries); a user's file
// adds topics or replaces shipped ones of the same name.
#pragma once

#include "analysis/analyzer.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

struct TopicProfile {
    std::string name;                  // English name, the key
    std::string name_ru;
    std::vector<std::string> aliases;  // other names accepted (normalized)
    std::map<std::string, double> stems;  // stem → weight (negative: a look-alike)
    struct Phrase {
        std::vector<std::string> stems;
        double weight;
    };
    std::vector<Phrase> phrases;
    double threshold = 6.0;            // raw score an article needs to be about it
    Xapian::valueno slot = 0;          // where article scores are kept (schema.h)
};

struct TopicProfiles {
    std::vector<TopicProfile> topics;
    std::string fingerprint;  // changes whenever any profile changes

    // By English or Russian name or alias, in any case; nullptr if unknown.
    const TopicProfile* find(const std::string& name, Analyzer& analyzer) const;
};

// The shipped profiles, then `user_file` if given, else the user's default
// file ($XDG_CONFIG_HOME/newsdex/topics.toml or ~/.config/...) if it exists.
// Throws std::runtime_error naming the file and the problem.
TopicProfiles load_topic_profiles(Analyzer& analyzer, const std::optional<std::filesystem::path>& user_file);
// The same with an analyzer of its own (for a writer, which scores with
// the profiles but analyzes elsewhere); a bad file is the caller's mistake:
// std::invalid_argument.
TopicProfiles load_topic_profiles(const std::optional<std::filesystem::path>& user_file);

// The value slot of a topic's article scores, from its name: the same in
// every index, with no table to keep in step. Collisions among loaded
// topics are refused.
Xapian::valueno slot_for(const std::string& name);

// Parses one TOML document of profiles (for tests and the loader).
std::vector<TopicProfile> parse_topic_profiles(const std::string& toml, const std::string& origin, Analyzer& analyzer);

}  // namespace newsdex
