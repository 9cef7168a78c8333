// Any bytes as a query against a small index: an answer or a QueryError,
// never a crash.
#include "base/errors.h"
#include "small_index.h"
#include "search.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace {

std::filesystem::path make_index() {
    auto dir = std::filesystem::temp_directory_path() / ("newsdex-fuzz-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    newsdex::testing::write_small_index(dir);
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::filesystem::path dir = make_index();
    newsdex::SearchRequest request;
    request.indexes = {dir};
    request.query.assign(reinterpret_cast<const char*>(data), size);
    try {
        newsdex::search(request);
    } catch (const newsdex::QueryError&) {
    }
    return 0;
}
