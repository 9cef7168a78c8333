// Any bytes as a query against a small index: an answer or a QueryError,
// never a crash. The same bytes made headline-like text
// (tests/unit/headline_like.h): an answer, or a QueryError that says where
// the problem is or that no word is left; never Xapian's own refusal.
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
    auto dir = std::filesystem::temp_directory_path() / ("newsdex-fuzz-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    newsdex::testing::write_small_index(dir);
    return dir;
}

// The QueryError's message, if the query was refused. One session for
// every input, as `--batch` answers its queries: a session used once loads
// a dictionary for each input with a word the index never met, which held
// this target to a dozen inputs a second.
std::string refusal(newsdex::SearchSession& session, const std::filesystem::path& dir, std::string query) {
    newsdex::SearchRequest request;
    request.indexes = {dir};
    request.query = std::move(query);
    try {
        session.search(request);
    } catch (const newsdex::QueryError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::filesystem::path dir = make_index();
    static newsdex::SearchSession session;
    refusal(session, dir, std::string(reinterpret_cast<const char*>(data), size));
    const std::string headline = refusal(session, dir, newsdex::testing::headline_like(data, size));
    if (!headline.empty() && !newsdex::testing::refusal_says_where(headline)) std::abort();  // refused without saying where
    return 0;
}
