#include "ingest.h"

#include "errors.h"
#include "index_writer.h"
#include "input_files.h"
#include "jsonl_reader.h"
#include "text_reader.h"

#include <cstdio>
#include <fstream>

namespace newsdex {

IngestSummary ingest(const IngestOptions& options, std::ostream& errors) {
    const auto started = std::chrono::steady_clock::now();
    IngestSummary summary;
    auto reject = [&](const std::string& where, const std::string& reason) {
        errors << "newsdex-index: " << where << ": " << reason << '\n';
        ++summary.rejected;
    };

    IndexWriter writer(options.index_dir);
    auto store = [&](Article&& article) {
        summary.bytes += article.title.size() + article.text.size();
        switch (writer.write(article)) {
            case WriteOutcome::Added: ++summary.added; break;
            case WriteOutcome::Updated: ++summary.updated; break;
            case WriteOutcome::Unchanged: ++summary.unchanged; break;
        }
    };

    for (const InputFile& input : collect_inputs(options.paths, reject)) {
        try {
            if (input.kind == InputKind::Text) {
                store(read_text_article(input.path, options.base));
            } else {
                std::ifstream in(input.path, std::ios::binary);
                if (!in) throw InputError(input.path.string() + ": cannot open");
                read_json_lines(in, input.path, options.base, store, reject);
            }
        } catch (const InputError& e) {
            errors << "newsdex-index: " << e.what() << '\n';
            ++summary.rejected;
        }
    }
    writer.commit();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

std::string format_summary(const IngestSummary& s) {
    char buf[256];
    const double mb = static_cast<double>(s.bytes) / (1024.0 * 1024.0);
    std::snprintf(buf, sizeof buf, "%zu added, %zu updated, %zu unchanged, %zu rejected; %.1f MB in %.2f s (%.1f MB/s)",
                  s.added, s.updated, s.unchanged, s.rejected, mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
    return buf;
}

}  // namespace newsdex
