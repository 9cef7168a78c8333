#include "input_files.h"

#include "input_format.h"

#include <algorithm>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// A newsdex index or a Xapian database inside the tree being indexed (often
// the index itself) is not input.
bool is_index_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "index.stub", ec) || fs::exists(dir / "iamglass", ec) ||
           fs::exists(dir / "catalog.sqlite", ec);
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

void add_file(const fs::path& p, std::vector<InputFile>& out, RejectLog& rejects) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec) {
        rejects.reject(p.string(), ec.message());
        return;
    }
    if (size == 0) {
        rejects.reject(p.string(), "empty file");
        return;
    }
    out.push_back({p, static_cast<int64_t>(size)});
}

void walk(const fs::path& dir, std::vector<InputFile>& out, RejectLog& rejects) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
    if (ec) {
        rejects.reject(dir.string(), "cannot read folder: " + ec.message());
        return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) {
        if (hidden(p)) continue;
        std::error_code link_ec, type_ec;
        const bool link = fs::is_symlink(p, link_ec);
        const fs::file_status st = fs::status(p, type_ec);
        if (type_ec) {
            // A dangling link or a link loop: say so rather than skip silently.
            rejects.reject(p.string(), type_ec.message());
        } else if (fs::is_directory(st)) {
            if (!link && !is_index_dir(p)) walk(p, out, rejects);
        } else if (fs::is_regular_file(st) && worth_reading(p.filename().string())) {
            add_file(p, out, rejects);
        }
    }
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, RejectLog& rejects) {
    std::vector<InputFile> out;
    for (const std::string& given : paths) {
        if (given == "-") {
            out.push_back({"-", -1});
            continue;
        }
        std::error_code ec;
        const fs::path p = fs::absolute(given, ec).lexically_normal();
        const fs::file_status st = fs::status(p, ec);
        if (ec) {
            rejects.reject(given, ec == std::errc::no_such_file_or_directory ? "no such file or directory" : ec.message());
        } else if (fs::is_directory(st)) {
            walk(p, out, rejects);
        } else if (fs::is_regular_file(st) || fs::is_fifo(st)) {
            if (fs::is_fifo(st)) out.push_back({p, -1});
            else add_file(p, out, rejects);
        } else {
            rejects.reject(given, "not a regular file or folder");
        }
    }
    return out;
}

}  // namespace newsdex
