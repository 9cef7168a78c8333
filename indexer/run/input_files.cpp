#include "run/input_files.h"

#include "base/errors.h"
#include "readers/input_format.h"

#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <memory>
#include <unordered_set>

namespace newsdex {
namespace fs = std::filesystem;

FileState file_state(const std::string& path) {
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

void add_file(const std::string& p, std::vector<InputFile>& out, RejectLog& rejects) {
    FileState state;
    try {
        state = file_state(p);
    } catch (const InputError& e) {
        rejects.reject(p, e.what());
        return;
    }
    if (state.size == 0) {
        rejects.reject(p, "empty file");
        return;
    }
    out.push_back({p, state.size, state});
}

struct CloseDir {
    void operator()(DIR* d) const { ::closedir(d); }
};

struct Entry {
    std::string name;
    unsigned char type;  // DT_* from the listing; DT_UNKNOWN on some file systems
};

// The folder's entries, hidden ones left out, in name order (so runs are
// reproducible). Read with readdir rather than std::filesystem: a no-change
// rerun is mostly this walk, and building a path object per entry doubled it.
std::vector<Entry> list_folder(const std::string& dir) {
    std::unique_ptr<DIR, CloseDir> d(::opendir(dir.c_str()));
    if (!d) throw InputError(std::string("cannot read folder: ") + std::strerror(errno));
    std::vector<Entry> entries;
    errno = 0;
    while (const dirent* e = ::readdir(d.get())) {
        if (e->d_name[0] != '.') entries.push_back({e->d_name, e->d_type});
        errno = 0;
    }
    if (errno) throw InputError(std::string("cannot read folder: ") + std::strerror(errno));
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
}

void walk(const std::string& dir, std::vector<InputFile>& out, RejectLog& rejects) {
    std::vector<Entry> entries;
    try {
        entries = list_folder(dir);
    } catch (const InputError& e) {
        rejects.reject(dir, e.what());
        return;
    }
    for (const Entry& e : entries) {
        const std::string p = dir.back() == '/' ? dir + e.name : dir + '/' + e.name;
        // The type comes from the listing itself; only symbolic links (and
        // file systems that do not say) cost a stat.
        bool link = e.type == DT_LNK;
        unsigned char type = e.type;
        if (type == DT_LNK || type == DT_UNKNOWN) {
            struct stat st {};
            if (type == DT_UNKNOWN && ::lstat(p.c_str(), &st) == 0) link = S_ISLNK(st.st_mode);
            if (::stat(p.c_str(), &st) != 0) {
                // A dangling link or a link loop: say so rather than skip silently.
                rejects.reject(p, std::strerror(errno));
                continue;
            }
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type == DT_DIR) {
            if (!link && !is_index_dir(p)) walk(p, out, rejects);
        } else if (type == DT_REG && worth_reading(e.name)) {
            add_file(p, out, rejects);
        }
    }
}

}  // namespace

bool is_under(const std::string& path, const std::vector<fs::path>& roots) {
    for (const fs::path& root : roots) {
        const std::string& r = root.native();
        if (path == r || (path.size() > r.size() && path.compare(0, r.size(), r) == 0 && path[r.size()] == '/'))
            return true;
    }
    return false;
}

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
            walk(p.string(), out, rejects);
        } else if (fs::is_regular_file(st) || fs::is_fifo(st)) {
            if (fs::is_fifo(st)) out.push_back({p.string(), -1, {}});
            else add_file(p.string(), out, rejects);
        } else {
            rejects.reject(given, "not a regular file or folder");
        }
    }
    // A file named twice (a folder and a file in it, or one path given
    // twice) is read once, where it first came. One walk never lists a
    // file twice: folder links are not followed.
    if (paths.size() > 1) {
        std::unordered_set<std::string> listed;
        std::erase_if(out, [&](const InputFile& f) { return f.path != "-" && !listed.insert(f.path).second; });
    }
    return out;
}

}  // namespace newsdex
