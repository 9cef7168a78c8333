#include "shared_data.h"

#include <archive.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace newsdex::testing {

std::optional<std::filesystem::path> shared_data_file(const std::string& name) {
    const char* env = std::getenv("NEWSDEX_SHARED_DATA");
    std::filesystem::path dir = env && *env ? env : NEWSDEX_SHARED_DATA;
    std::filesystem::path file = dir / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return file;
    return std::nullopt;
}

void for_each_line(const std::filesystem::path& file, const std::function<void(const std::string&)>& line) {
    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), archive_read_free);
    archive_read_support_filter_all(a.get());
    archive_read_support_format_raw(a.get());
    if (archive_read_open_filename(a.get(), file.c_str(), 1 << 16) != ARCHIVE_OK)
        throw std::runtime_error(file.string() + ": " + archive_error_string(a.get()));
    archive_entry* entry = nullptr;
    if (archive_read_next_header(a.get(), &entry) != ARCHIVE_OK)
        throw std::runtime_error(file.string() + ": " + archive_error_string(a.get()));
    std::string pending;
    char buf[1 << 16];
    for (la_ssize_t n; (n = archive_read_data(a.get(), buf, sizeof buf)) != 0;) {
        if (n < 0) throw std::runtime_error(file.string() + ": " + archive_error_string(a.get()));
        pending.append(buf, static_cast<std::size_t>(n));
        std::size_t start = 0;
        for (std::size_t eol; (eol = pending.find('\n', start)) != std::string::npos; start = eol + 1)
            line(pending.substr(start, eol - start));
        pending.erase(0, start);
    }
    if (!pending.empty()) line(pending);
}

}  // namespace newsdex::testing
