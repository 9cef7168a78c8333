#include "readers/text_file.h"

#include "base/errors.h"
#include "analysis/utf8_walk.h"


#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace newsdex {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot open: " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw InputError(path.string() + ": read error: " + std::strerror(errno));
    return std::move(buffer).str();
}

std::size_t invalid_utf8_offset(std::string_view text) {
    std::size_t offset = 0, found = std::string_view::npos;
    walk_utf8(text, [&](UChar32 c, std::string_view bytes) {
        if (c < 0) found = offset;
        offset += bytes.size();
        return found == std::string_view::npos;
    });
    return found;
}

}  // namespace newsdex
