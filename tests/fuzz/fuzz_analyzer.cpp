// Any bytes through the analyzer and the query normalizer: no crash, no
// sanitizer report, and every term within Xapian's length limit.
#include "analysis/analyzer.h"
#include "base/schema.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static newsdex::Analyzer analyzer;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& t : analyzer.analyze(text))
        if (t.term.empty() || t.term.size() > newsdex::schema::kMaxTermBytes) std::abort();
    Xapian::Document doc;
    analyzer.index_article(doc, text.substr(0, size / 4), text.substr(size / 4));
    analyzer.normalize_query(text);
    return 0;
}
