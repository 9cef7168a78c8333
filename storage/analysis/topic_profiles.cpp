#include "analysis/topic_profiles.h"

#include "base/schema.h"
#include "base/user_dirs.h"
#include "analysis/word_normalizer.h"

#include <toml++/toml.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsdex {

extern const char* const kDefaultTopicsToml;  // generated from topics/topics.toml

namespace {

std::string normalized_name(const std::string& name, Analyzer& analyzer) {
    std::string out;
    for (const AnalyzedToken& t : analyzer.analyze(std::string_view(name))) {
        if (!out.empty()) out += ' ';
        out += t.term;
    }
    return out;
}

// Stems of a word list entry: "пошлина" → {пошлин}; "торговая война" → two;
// a compound ("ракета-носитель") is one word, as the analyzer indexes it.
std::vector<std::string> stems_of(const std::string& text, Analyzer& analyzer) {
    const std::vector<AnalyzedToken> tokens = analyzer.analyze(std::string_view(text));
    if (!tokens.empty() && tokens[0].term.find('-') != std::string::npos) return {tokens[0].stem};
    std::vector<std::string> out;
    for (const AnalyzedToken& t : tokens) out.push_back(t.stem);
    return out;
}

void read_weights(const toml::table& topic, const char* key, const std::string& where, Analyzer& analyzer,
                  TopicProfile& profile) {
    const toml::table* weights = topic[key].as_table();
    if (!weights) return;
    for (const auto& [text, value] : *weights) {
        const std::optional<double> weight = value.value<double>();
        if (!weight) throw std::runtime_error(where + ": " + key + "." + std::string(text.str()) + " is not a number");
        const std::vector<std::string> stems = stems_of(std::string(text.str()), analyzer);
        if (stems.empty()) continue;
        if (stems.size() == 1 && std::string(key) != "phrases") profile.stems[stems[0]] += *weight;
        else profile.phrases.push_back({stems, *weight});
    }
}

std::optional<std::filesystem::path> default_user_file() {
    const std::optional<std::filesystem::path> dir = user_config_dir();
    if (!dir) return std::nullopt;
    std::error_code ec;
    const std::filesystem::path file = *dir / "topics.toml";
    if (std::filesystem::exists(file, ec)) return file;
    return std::nullopt;
}

}  // namespace

Xapian::valueno slot_for(const std::string& name) {
    return schema::kFirstTopicSlot + XXH32(name.data(), name.size(), 0) % schema::kTopicSlotRange;
}

std::vector<TopicProfile> parse_topic_profiles(const std::string& text, const std::string& origin, Analyzer& analyzer) {
    toml::table doc;
    try {
        doc = toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << origin << ":" << e.source().begin.line << ": " << e.description();
        throw std::runtime_error(msg.str());
    }
    std::vector<TopicProfile> out;
    const toml::table* topics = doc["topics"].as_table();
    if (!topics) return out;
    for (const auto& [key, node] : *topics) {
        const toml::table* topic = node.as_table();
        const std::string name(key.str());
        const std::string where = origin + ": topic " + name;
        if (!topic) throw std::runtime_error(where + " is not a table");
        TopicProfile p;
        p.name = name;
        p.name_ru = topic->get_as<std::string>("ru") ? topic->get_as<std::string>("ru")->get() : "";
        if (const toml::array* aliases = (*topic)["aliases"].as_array())
            for (const auto& a : *aliases)
                if (auto s = a.value<std::string>()) p.aliases.push_back(normalized_name(*s, analyzer));
        p.threshold = (*topic)["threshold"].value_or(6.0);
        read_weights(*topic, "words", where, analyzer, p);
        read_weights(*topic, "phrases", where, analyzer, p);
        read_weights(*topic, "negative", where, analyzer, p);
        if (p.stems.empty() && p.phrases.empty()) throw std::runtime_error(where + " has no words or phrases");
        p.slot = slot_for(p.name);
        out.push_back(std::move(p));
    }
    return out;
}

TopicProfiles load_topic_profiles(Analyzer& analyzer, const std::optional<std::filesystem::path>& user_file) {
    TopicProfiles profiles;
    profiles.topics = parse_topic_profiles(kDefaultTopicsToml, "topics.toml (built in)", analyzer);
    std::string all = kDefaultTopicsToml;
    if (const std::optional<std::filesystem::path> file = user_file ? user_file : default_user_file()) {
        std::ifstream in(*file);
        if (!in) throw std::runtime_error(file->string() + ": cannot read topic profiles");
        std::ostringstream text;
        text << in.rdbuf();
        all += text.str();
        for (TopicProfile& mine : parse_topic_profiles(text.str(), file->string(), analyzer)) {
            auto same = std::find_if(profiles.topics.begin(), profiles.topics.end(),
                                     [&](const TopicProfile& t) { return t.name == mine.name; });
            if (same != profiles.topics.end()) *same = std::move(mine);
            else profiles.topics.push_back(std::move(mine));
        }
    }
    for (std::size_t i = 0; i < profiles.topics.size(); ++i)
        for (std::size_t j = i + 1; j < profiles.topics.size(); ++j)
            if (profiles.topics[i].slot == profiles.topics[j].slot)
                throw std::runtime_error("topics '" + profiles.topics[i].name + "' and '" + profiles.topics[j].name +
                                         "' share a value slot; rename one");
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH64(all.data(), all.size(), 0)));
    profiles.fingerprint = hex;
    return profiles;
}

const TopicProfile* TopicProfiles::find(const std::string& name, Analyzer& analyzer) const {
    const std::string wanted = normalized_name(name, analyzer);
    for (const TopicProfile& t : topics) {
        if (normalized_name(t.name, analyzer) == wanted || (!t.name_ru.empty() && normalized_name(t.name_ru, analyzer) == wanted))
            return &t;
        for (const std::string& alias : t.aliases)
            if (alias == wanted) return &t;
    }
    return nullptr;
}

TopicProfiles load_topic_profiles(const std::optional<std::filesystem::path>& user_file) {
    Analyzer analyzer;
    try {
        return load_topic_profiles(analyzer, user_file);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(e.what());
    }
}

}  // namespace newsdex
