#include "ingest.h"

#include "archive_reader.h"
#include "article_id.h"
#include "csv_reader.h"
#include "decoding_source.h"
#include "encoding.h"
#include "errors.h"
#include "html_article.h"
#include "html_reader.h"
#include "index_writer.h"
#include "input_files.h"
#include "input_format.h"
#include "jsonl_reader.h"
#include "member_stream.h"
#include "progress.h"
#include "rejects.h"
#include "text_file.h"
#include "text_reader.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace newsdex {
namespace {

constexpr std::size_t kSniffBytes = 64u << 10;
// One article (text or HTML page) is read whole, up to this size.
constexpr std::size_t kMaxDocumentBytes = 64u << 20;

std::string member_name(const std::string& member) {
    return std::filesystem::path(member).filename().string();
}

// The encoding of a streamed format, judged from its first bytes.
std::string stream_encoding(std::string_view head, const std::string& forced) {
    if (!forced.empty()) return forced;
    // Judge whole lines only: the sample may end inside a character.
    if (head.size() == kSniffBytes) {
        const std::size_t nl = head.rfind('\n');
        if (nl != std::string_view::npos) head = head.substr(0, nl + 1);
    }
    if (invalid_utf8_offset(head) == std::string_view::npos) return "UTF-8";
    return decode_to_utf8(head).encoding;
}

class Run {
public:
    Run(const IngestOptions& options, std::ostream& errors)
        : options_(options), errors_(errors), rejects_(errors, options.errors_file), writer_(options.index_dir) {}

    IngestSummary go() {
        const auto started = std::chrono::steady_clock::now();
        std::vector<InputFile> inputs = collect_inputs(options_.paths, rejects_);
        int64_t total = 0;
        for (const InputFile& f : inputs) total = f.size < 0 || total < 0 ? -1 : total + f.size;
        progress_.emplace(errors_, options_.progress, total);
        rejects_.before_print([this] { progress_->clear(); });

        for (const InputFile& input : inputs) {
            read_file(input);
            done_bytes_ += input.size > 0 ? input.size : 0;
            ++summary_.files;
        }
        writer_.commit();
        progress_->clear();
        summary_.rejected = rejects_.count();
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return summary_;
    }

private:
    void read_file(const InputFile& input) {
        const std::string shown = input.path == "-" ? "(stdin)" : input.path.string();
        try {
            ArchiveReader archive(input.path);
            archive_ = &archive;
            bool any = false;
            while (archive.next_member()) {
                any = true;
                const std::string& member = archive.member();
                // Archives carry images, styles and folders too: read only what
                // could be an article.
                if (!archive.member_is_regular_file()) continue;
                if (!member.empty() && (member_name(member).rfind('.', 0) == 0 || !worth_reading(member_name(member))))
                    continue;
                Origin origin{input.path, member, id_base(input.path, member), ""};
                try {
                    MemberStream stream(archive);
                    read_member(stream, origin);
                } catch (const ArchiveDamaged& e) {
                    // Nothing after this point can be trusted; what came before
                    // is already indexed.
                    rejects_.reject(origin, 0, e.what());
                    break;
                } catch (const InputError& e) {
                    rejects_.reject(origin, 0, e.what());
                }
            }
            archive_ = nullptr;
            if (!any) rejects_.reject(shown, "empty input");
        } catch (const InputError& e) {
            archive_ = nullptr;
            rejects_.reject(shown, e.what());
        }
    }

    std::string id_base(const std::filesystem::path& path, const std::string& member) const {
        const std::string file = path == "-" ? std::string("stdin") : path_id(path, options_.base);
        return member.empty() ? file : file + "/" + member;
    }

    void read_member(MemberStream& stream, Origin& origin) {
        const std::string name = origin.member.empty() ? origin.path.filename().string() : origin.member;
        const Format format = sniff_format(format_from_name(name), stream.peek(kSniffBytes));
        auto store = [&](Article&& a) { this->store(std::move(a)); };
        auto reject = [&](int64_t line, const std::string& reason) { rejects_.reject(origin, line, reason); };

        if (format == Format::Text || format == Format::Html) {
            const std::string bytes = stream.read_all(kMaxDocumentBytes);
            const std::string declared = format == Format::Html ? html_declared_charset(bytes) : std::string();
            DecodedText text = decode_to_utf8(bytes, options_.encoding, declared);
            origin.encoding = text.encoding;
            store(format == Format::Html ? parse_html_article(text.utf8, origin) : parse_text_article(text.utf8, origin));
            return;
        }

        origin.encoding = stream_encoding(stream.peek(kSniffBytes), options_.encoding);
        std::optional<DecodingSource> decoded;
        ByteSource* input = &stream;
        if (origin.encoding != "UTF-8") input = &decoded.emplace(stream, origin.encoding);
        switch (format) {
            case Format::JsonLines: read_json_lines(*input, origin, options_.fields, store, reject); break;
            case Format::Json: read_json_document(*input, origin, options_.fields, store, reject); break;
            case Format::Csv: read_csv(*input, 0, origin, options_.fields, store, reject); break;
            case Format::Tsv: read_csv(*input, '\t', origin, options_.fields, store, reject); break;
            default: break;
        }
    }

    void store(Article&& article) {
        summary_.bytes += article.title.size() + article.text.size();
        switch (writer_.write(article)) {
            case WriteOutcome::Added: ++summary_.added; break;
            case WriteOutcome::Updated: ++summary_.updated; break;
            case WriteOutcome::Unchanged: ++summary_.unchanged; break;
            case WriteOutcome::Duplicate: ++summary_.duplicates; break;
        }
        if (options_.verbose) {
            progress_->clear();
            errors_ << "newsdex-index: " << article.id << '\n';
        }
        const std::size_t articles = summary_.added + summary_.updated + summary_.unchanged + summary_.duplicates;
        const int64_t current = archive_ ? archive_->compressed_bytes_read() : 0;
        progress_->update(summary_.files, articles, done_bytes_ + current);
    }

    const IngestOptions& options_;
    std::ostream& errors_;
    RejectLog rejects_;
    IndexWriter writer_;
    std::optional<Progress> progress_;
    IngestSummary summary_;
    ArchiveReader* archive_ = nullptr;  // the file being read, for progress
    int64_t done_bytes_ = 0;
};

}  // namespace

IngestSummary ingest(const IngestOptions& options, std::ostream& errors) { return Run(options, errors).go(); }

std::string format_summary(const IngestSummary& s) {
    char buf[300];
    const double mb = static_cast<double>(s.bytes) / (1024.0 * 1024.0);
    std::snprintf(buf, sizeof buf,
                  "%zu added, %zu updated, %zu unchanged, %zu duplicates, %zu rejected; %.1f MB in %.2f s (%.1f MB/s)",
                  s.added, s.updated, s.unchanged, s.duplicates, s.rejected, mb, s.seconds,
                  s.seconds > 0 ? mb / s.seconds : 0.0);
    return buf;
}

}  // namespace newsdex
