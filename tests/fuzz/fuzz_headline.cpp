// Headline-like text (tests/unit/headline_like.h) as a query against a
// small index: an answer, or a QueryError that says where the problem is or
// that no word is left; never Xapian's own refusal, never a crash.
#include "base/errors.h"
#include "headline_like.h"
#include "small_index.h"
#include "search.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

std::filesystem::path make_index() {
    auto dir = std::filesystem::temp_directory_path() / ("newsdex-fuzz-headline-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    newsdex::testing::write_small_index(dir);
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::filesystem::path dir = make_index();
    newsdex::SearchRequest request;
    request.indexes = {dir};
    request.query = newsdex::testing::headline_like(data, size);
    try {
        newsdex::search(request);
    } catch (const newsdex::QueryError& e) {
        const std::string message = e.what();
        if (message.find("at column ") == std::string::npos && message.find("empty query") == std::string::npos &&
            message.find("no searchable words") == std::string::npos)
            std::abort();  // refused without saying where
    }
    return 0;
}
