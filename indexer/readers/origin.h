// Where an article was found, for ids, sources, dates and error messages.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace newsdex {

struct Origin {
    std::filesystem::path path;  // the file given or found ("-" for stdin)
    std::string member;          // inside an archive, else empty
    std::string id_base;         // the path id (see article_id.h), with "/member" for archive members
    std::string encoding;        // the encoding the text was decoded from

    // "path", "path: member", with ":line" when a line is given — the
    // prefix of every message about this input.
    std::string where(int64_t line = 0) const;
};

}  // namespace newsdex
