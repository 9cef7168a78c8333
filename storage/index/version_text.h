// What `newsdex-index --version` and `newsdex-query --version` print: the
// newsdex version, the on-disk formats this build reads and writes, and the
// versions of the libraries it runs with (asked at run time, since the
// shared libraries loaded may be newer than the headers built against),
// one per line. A bug report then says which index format and which Xapian
// were involved.
#pragma once

#include <string>

namespace newsdex {

// `tool` is the program name for the first line, e.g. "newsdex-index".
std::string version_text(const std::string& tool);

}  // namespace newsdex
