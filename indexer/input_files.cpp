#include "input_files.h"

#include <algorithm>

namespace newsdex {
namespace fs = std::filesystem;

InputKind input_kind(const fs::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".txt") return InputKind::Text;
    if (ext == ".jsonl") return InputKind::JsonLines;
    return InputKind::Unsupported;
}

namespace {

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

void walk(const fs::path& dir, std::vector<InputFile>& out,
          const std::function<void(const std::string&, const std::string&)>& reject) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
        reject(dir.string(), "cannot read directory: " + ec.message());
        return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& e : entries) {
        if (hidden(e.path())) continue;
        std::error_code type_ec;
        if (e.is_directory(type_ec) && !e.is_symlink(type_ec))
            walk(e.path(), out, reject);
        else if (e.is_regular_file(type_ec) && input_kind(e.path()) != InputKind::Unsupported)
            out.push_back({e.path(), input_kind(e.path())});
    }
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths,
                                      const std::function<void(const std::string&, const std::string&)>& reject) {
    std::vector<InputFile> out;
    for (const std::string& given : paths) {
        std::error_code ec;
        fs::path p = fs::absolute(given, ec).lexically_normal();
        fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            reject(given, "no such file or directory");
        } else if (fs::is_directory(st)) {
            walk(p, out, reject);
        } else if (input_kind(p) == InputKind::Unsupported) {
            reject(given, "unsupported file type (newsdex-index reads .txt and .jsonl)");
        } else {
            out.push_back({p, input_kind(p)});
        }
    }
    return out;
}

}  // namespace newsdex
