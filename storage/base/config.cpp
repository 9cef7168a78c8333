#include "base/config.h"

#include "base/user_dirs.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <set>
#include <sstream>
#include <stdexcept>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSystemFile = "/etc/newsdex/newsdex.toml";

class Reader {
public:
    Reader(const fs::path& file, const toml::table& doc) : file_(file), doc_(doc) {}

    void read(Config& c) {
        allow({"db", "topics", "index", "query"}, doc_, "");
        if (auto v = path("db")) c.db = v;
        if (auto v = path("topics")) c.topics = v;
        if (const toml::table* index = table("index")) {
            allow({"paths", "max_removals", "wait"}, *index, "index.");
            if (const toml::node* paths = (*index)["paths"].node()) {
                const toml::array* list = paths->as_array();
                if (!list) fail("index.paths", "a list of paths");
                c.index_paths.clear();
                for (const toml::node& p : *list) {
                    const std::optional<std::string> s = p.value<std::string>();
                    if (!s) fail("index.paths", "a list of paths");
                    c.index_paths.push_back(relative_to_file(*s).string());
                }
            }
            if (auto v = value<std::string>(*index, "max_removals", "a count or a share, as \"100\" or \"50%\""))
                c.max_removals = v;
            if (const toml::node* wait = (*index)["wait"].node()) {
                const std::optional<double> seconds = wait->value<double>();
                if (!seconds || *seconds < 0) fail("index.wait", "seconds, a number of 0 or more");
                c.wait = seconds;
            }
        }
        if (const toml::table* query = table("query")) {
            allow({"limit", "color"}, *query, "query.");
            if (const toml::node* limit = (*query)["limit"].node()) {
                const std::optional<long long> n = limit->value<long long>();
                if (!n || *n < 0) fail("query.limit", "a whole number of 0 or more");
                c.limit = n;
            }
            if (auto v = value<std::string>(*query, "color", "auto, always or never")) {
                if (*v != "auto" && *v != "always" && *v != "never") fail("query.color", "auto, always or never");
                c.color = v;
            }
        }
    }

private:
    [[noreturn]] void fail(const std::string& key, const std::string& expected) const {
        throw std::invalid_argument(file_.string() + ": " + key + " must be " + expected);
    }

    void allow(std::initializer_list<std::string_view> keys, const toml::table& table, const std::string& prefix) const {
        const std::set<std::string_view> known(keys);
        for (const auto& [key, node] : table)
            if (!known.count(key.str()))
                throw std::invalid_argument(file_.string() + ":" + std::to_string(node.source().begin.line) +
                                            ": unknown key '" + prefix + std::string(key.str()) + "'");
    }

    const toml::table* table(const char* key) const {
        const toml::node* node = doc_[key].node();
        if (!node) return nullptr;
        if (!node->is_table()) fail(key, "a table ([" + std::string(key) + "])");
        return node->as_table();
    }

    template <typename T>
    std::optional<T> value(const toml::table& table, const char* key, const std::string& expected) const {
        const toml::node* node = table[key].node();
        if (!node) return std::nullopt;
        std::optional<T> v = node->value<T>();
        if (!v) fail(key, expected);
        return v;
    }

    std::optional<fs::path> path(const char* key) const {
        std::optional<std::string> s = value<std::string>(doc_, key, "a path (a string)");
        if (!s) return std::nullopt;
        if (s->empty()) fail(key, "a path, not empty");
        return relative_to_file(*s);
    }

    fs::path relative_to_file(const fs::path& p) const { return p.is_absolute() ? p : file_.parent_path() / p; }

    const fs::path& file_;
    const toml::table& doc_;
};

}  // namespace

void read_config_file(const fs::path& file, Config& config) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return;
    toml::table doc;
    try {
        doc = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << file.string() << ":" << e.source().begin.line << ": " << e.description();
        throw std::invalid_argument(msg.str());
    }
    Reader(fs::absolute(file), doc).read(config);
    config.read.push_back(file);
}

Config load_config() {
    Config config;
    if (const char* only = std::getenv("NEWSDEX_CONFIG")) {
        if (*only) {
            if (!fs::exists(only)) throw std::invalid_argument(std::string(only) + ": no such config file (NEWSDEX_CONFIG)");
            read_config_file(only, config);
        }
        return config;
    }
    read_config_file(kSystemFile, config);
    if (const std::optional<fs::path> user = user_config_dir()) read_config_file(*user / "newsdex.toml", config);
    return config;
}

}  // namespace newsdex
