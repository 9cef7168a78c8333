#include "input_files.h"

#include "errors.h"
#include "input_format.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <algorithm>

namespace newsdex {
namespace fs = std::filesystem;

FileState file_state(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw InputError(std::string("cannot examine: ") + std::strerror(errno));
    return FileState{static_cast<int64_t>(st.st_size),
                     static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                     static_cast<int64_t>(st.st_ino)};
}

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
    FileState state;
    try {
        state = file_state(p);
    } catch (const InputError& e) {
        rejects.reject(p.string(), e.what());
        return;
    }
    if (state.size == 0) {
        rejects.reject(p.string(), "empty file");
        return;
    }
    out.push_back({p, state.size, state});
}

void walk(const fs::path& dir, std::vector<InputFile>& out, RejectLog& rejects) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
        rejects.reject(dir.string(), "cannot read folder: " + ec.message());
        return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& e : entries) {
        const fs::path& p = e.path();
        if (hidden(p)) continue;
        // The entry's type comes from the directory listing itself; only
        // symbolic links cost a stat to follow.
        std::error_code link_ec, type_ec;
        const bool link = e.is_symlink(link_ec);
        const bool directory = e.is_directory(type_ec);
        const bool regular = !type_ec && e.is_regular_file(type_ec);
        if (type_ec) {
            // A dangling link or a link loop: say so rather than skip silently.
            rejects.reject(p.string(), type_ec.message());
        } else if (directory) {
            if (!link && !is_index_dir(p)) walk(p, out, rejects);
        } else if (regular && worth_reading(p.filename().string())) {
            add_file(p, out, rejects);
        }
    }
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, RejectLog& rejects) {
    std::vector<InputFile> out;
    for (const std::string& given : paths) {
        if (given == "-") {
            out.push_back({"-", -1, {}});
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
            if (fs::is_fifo(st)) out.push_back({p, -1, {}});
            else add_file(p, out, rejects);
        } else {
            rejects.reject(given, "not a regular file or folder");
        }
    }
    return out;
}

}  // namespace newsdex
