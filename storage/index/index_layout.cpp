#include "index/index_layout.h"

#include "base/errors.h"
#include "index/index_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr const char* kGenerationPrefix = "gen-";

bool is_generation_name(const std::string& name) { return name.rfind(kGenerationPrefix, 0) == 0; }

}  // namespace

fs::path normalized_dir(const fs::path& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir, ec);
    p = (ec ? dir : p).lexically_normal();
    if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();
    return p;
}

std::optional<Generation> IndexLayout::live() const {
    std::error_code ec;
    if (fs::exists(stub(), ec)) {
        std::ifstream in(stub());
        std::string backend, target;
        if (!(in >> backend >> target))
            throw IndexError(stub().string() + ": unreadable stub file (expected \"auto gen-NNNNNN/xapian\")");
        const fs::path dir = normalized_dir(dir_);
        const fs::path gen = (dir / target).lexically_normal().parent_path();
        if (gen.parent_path() != dir || !is_generation_name(gen.filename().string()))
            throw IndexError(stub().string() + ": stub points outside the index directory: " + target);
        // Spelled as `dir_` spells it: remove_stale_generations compares it
        // with the directory's entries.
        return Generation{dir_ / gen.filename()};
    }
    if (fs::exists(dir_ / "xapian", ec)) return Generation{dir_};  // newsdex 0.1 layout
    return std::nullopt;
}

Generation IndexLayout::next_generation() const {
    int highest = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (is_generation_name(name)) highest = std::max(highest, std::atoi(name.c_str() + 4));
    }
    char name[32];
    std::snprintf(name, sizeof name, "%s%06d", kGenerationPrefix, highest + 1);
    return Generation{dir_ / name};
}

void IndexLayout::publish(const Generation& generation) const {
    // Via "index.stub.tmp-PID", never following a link planted there; the
    // rename is synced too, or after a power cut readers could come back to
    // a stub naming a generation that was already removed.
    replace_file(stub(), "auto " + generation.dir.filename().string() + "/xapian\n");
}

void IndexLayout::remove_stale_generations() const {
    const std::optional<Generation> current = live();
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path p = it->path();
        const std::string name = p.filename().string();
        if (is_generation_name(name) && (!current || p != current->dir)) stale.push_back(p);
        if (name.rfind("index.stub.tmp-", 0) == 0) stale.push_back(p);
    }
    for (const fs::path& p : stale) fs::remove_all(p, ec);
}

}  // namespace newsdex
