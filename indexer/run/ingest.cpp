#include "run/ingest.h"

#include "readers/archive_reader.h"
#include "readers/article_id.h"
#include "readers/csv_reader.h"
#include "readers/decoding_source.h"
#include "readers/encoding.h"
#include "base/errors.h"
#include "run/disk_usage.h"
#include "run/file_tracker.h"
#include "index/document_pipeline.h"
#include "index/generation_compactor.h"
#include "readers/html_article.h"
#include "readers/html_reader.h"
#include "index/index_writer.h"
#include "run/input_files.h"
#include "readers/input_format.h"
#include "readers/jsonl_reader.h"
#include "readers/member_stream.h"
#include "readers/related_links.h"
#include "run/progress.h"
#include "index/recovery.h"
#include "run/rejects.h"
#include "run/text_estimate.h"
#include "readers/text_file.h"
#include "readers/text_reader.h"
#include "analysis/topic_profiles.h"
#include "index/writer_lock.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

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

// Where this run writes: the live generation, or a new one for a rebuild.
Generation target_generation(const IndexLayout& layout, bool rebuild) {
    // Leftovers of an interrupted rebuild or compaction go first.
    layout.remove_stale_generations();
    if (!rebuild)
        if (std::optional<Generation> live = layout.live()) return *live;
    return layout.next_generation();
}

WriterOptions writer_options(const IngestOptions& options, const TopicProfiles& profiles) {
    WriterOptions out;
    out.batch_articles = options.batch_articles;
    out.topics = &profiles;
    if (options.analysis_threads) out.workers = *options.analysis_threads;
    out.lemmas = options.lemmas;
    return out;
}

class Run {
public:
    Run(const IngestOptions& options, std::ostream& errors)
        : options_(options),
          errors_(errors),
          profiles_(load_topic_profiles(options.topics_file)),
          layout_(options.index_dir),
          lock_(layout_, options.wait_seconds),
          generation_(target_generation(layout_, options.rebuild)),
          rejects_(errors, options.errors_file),
          writer_(std::in_place, generation_, writer_options(options, profiles_)),
          tracker_(*writer_) {
        // A first index is published at once, so readers find it (empty)
        // rather than "no index"; a rebuild only when it is complete.
        if (!options_.rebuild && !layout_.live()) {
            writer_->commit();
            layout_.publish(generation_);
        }
        summary_.repaired = writer_->repaired();
        summary_.restored = writer_->catalog_rebuild().restored;
        if (summary_.restored)
            errors_ << "newsdex-index: " << generation_.dir.string() << ": the catalog was missing or behind the "
                    << "index; rebuilt " << summary_.restored << " articles' rows from the index (their files are read "
                    << "again)\n";
        articles_before_ = writer_->catalog().count();
        note_changed_profiles();
    }

    IngestSummary go() {
        try {
            return run();
        } catch (...) {
            abandon();
            throw;
        }
    }

private:
    IngestSummary run() {
        const auto started = std::chrono::steady_clock::now();
        run_ = writer_->catalog().begin_run(options_.rebuild ? "rebuild" : "index");
        writer_->commit();
        writer_->set_run(run_);

        std::vector<InputFile> inputs = collect_inputs(options_.paths, rejects_);
        int64_t total = 0;
        for (const InputFile& f : inputs) total = f.size < 0 || total < 0 ? -1 : total + f.size;
        if (wants_segments(inputs, total)) writer_->start_segments();
        progress_.emplace(errors_, options_.progress, total, inputs.size());
        rejects_.before_print([this] { progress_->clear(); });

        for (const InputFile& input : inputs) {
            read_file(input);
            done_bytes_ += input.size > 0 ? input.size : 0;
            ++summary_.files;
        }
        make_removals();
        revisit_duplicates();
        // A run that changed nothing still links what a run killed before
        // linking left (every commit links its own articles).
        if (!writer_->segmented()) writer_->link_stories();
        progress_->phase(writer_->segmented() ? "writing the last segments" : "committing");
        writer_->commit();
        SegmentMerge merge = writer_->finish_segments();
        progress_->clear();
        summary_.rejected = rejects_.count();
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (options_.rebuild && merge.segments.empty()) switch_to_rebuilt();
        writer_->catalog().finish_run(run_, format_summary(summary_), exit_status(summary_));
        writer_->commit();
        if (!merge.segments.empty()) {
            progress_->phase("merging " + std::to_string(merge.segments.size()) + " segments into the index");
            merge_segments(merge);
            progress_->phase("linking story threads");
            link_stories_after_merge();
        } else if (should_compact()) {
            progress_->phase("compacting the index");
            compact();
        } else {
            writer_->seal();
        }
        progress_->clear();
        return summary_;
    }

    // A failed run leaves nothing that takes room and is of no use: the
    // writer removes its unmerged segments as it closes, and a rebuild's
    // generation that never went live goes too.
    void abandon() {
        writer_.reset();
        std::optional<Generation> live;
        try {
            live = layout_.live();
        } catch (const IndexError&) {
            return;  // an unreadable stub: leave the directory as it is
        }
        std::error_code ec;
        if (options_.rebuild && (!live || live->dir != generation_.dir)) std::filesystem::remove_all(generation_.dir, ec);
    }

    // Segments pay for their merge only with a second core to write on, and
    // only when the run is long enough (kAutoSegmentBytes, measured); only a
    // new index is written in segments, so only then is a compressed input
    // worth sampling for its size.
    bool wants_segments(const std::vector<InputFile>& inputs, int64_t disk_bytes) const {
        if (options_.segments != When::Auto) return options_.segments == When::Always;
        const unsigned workers = options_.analysis_threads.value_or(DocumentPipeline::default_workers());
        if (workers == 0 || articles_before_ > 0 || disk_bytes < 0) return false;
        constexpr auto enough = static_cast<int64_t>(kAutoSegmentBytes);
        return disk_bytes >= enough || estimated_text_bytes(inputs, enough) >= enough;
    }

    // A Xapian database written batch by batch holds its B-trees about half
    // full; compacting it halves it and speeds up queries, and takes seconds
    // where building took minutes. Worth it after a run that built most of
    // the index (a first run, a rebuild, a large import), not after a
    // nightly top-up.
    bool should_compact() {
        if (options_.compaction != When::Auto) return options_.compaction == When::Always;
        return writer_->catalog().count() >= 2 * articles_before_ &&
               size_on_disk(generation_.xapian()) >= kAutoCompactBytes;
    }

    // Completes a segmented run: the compactor merges the segments into a
    // new generation, checks it against the catalog and publishes it (a
    // rebuild included).
    void merge_segments(const SegmentMerge& merge) {
        const auto started = std::chrono::steady_clock::now();
        writer_.reset();
        generation_ = compact_generation(layout_, generation_, merge);
        summary_.merged_segments = merge.segments.size();
        summary_.merged_to = size_on_disk(generation_.dir);
        summary_.merge_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }

    // The merged index's articles have only the stories they found alone:
    // join them now, with a writer of the published generation.
    void link_stories_after_merge() {
        IndexWriter writer(generation_, writer_options(options_, profiles_));
        writer.link_stories();
        writer.seal();  // commits
    }

    void compact() {
        const auto started = std::chrono::steady_clock::now();
        writer_.reset();  // the compactor reads a closed, committed generation
        summary_.compacted_from = size_on_disk(generation_.dir);
        generation_ = compact_generation(layout_, generation_);
        summary_.compacted_to = size_on_disk(generation_.dir);
        summary_.compact_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }

    // Articles keep the scores of the profiles they were indexed with until
    // `retopic` rescores them; say so when the profiles have changed.
    void note_changed_profiles() {
        Catalog& catalog = writer_->catalog();
        const std::optional<std::string> scored_with = catalog.meta("topic_profiles");
        if (!scored_with || catalog.count() == 0) catalog.set_meta("topic_profiles", profiles_.fingerprint);
        else if (*scored_with != profiles_.fingerprint)
            errors_ << "newsdex-index: topic profiles have changed since articles were scored; "
                       "run 'newsdex-index retopic' to rescore them\n";
        writer_->commit();
    }

    void switch_to_rebuilt() {
        const std::vector<std::string> problems = find_inconsistencies(generation_.xapian(), writer_->catalog());
        if (!problems.empty())
            throw IndexError(generation_.dir.string() + ": rebuilt index failed its check (" + problems.front() +
                             "); the live index is unchanged");
        layout_.publish(generation_);
        layout_.remove_stale_generations();
    }

    void read_file(const InputFile& input) {
        const std::string shown = input.path == "-" ? "(stdin)" : input.path;
        // Regular files are tracked between runs; pipes and stdin are not.
        std::optional<FileTracker::Decision> decision;
        if (input.size >= 0) {
            try {
                decision = tracker_.examine(input.path, input.state);
            } catch (const InputError& e) {
                rejects_.reject(shown, e.what());
                return;
            }
            if (decision->verdict != FileTracker::Verdict::Read) {
                summary_.unchanged += static_cast<std::size_t>(decision->articles);
                if (decision->verdict == FileTracker::Verdict::Moved) ++summary_.moved_files;
                return;
            }
            writer_->catalog().delete_duplicates_from(input.path);
        }
        const std::size_t rejected_before = rejects_.count();
        file_articles_ = 0;
        read_archive(input, shown);
        if (!decision) return;
        if (rejects_.count() != rejected_before) {
            // Incomplete this time: keep what it had, and try again next run.
            tracker_.invalidate(input.path);
            return;
        }
        // Articles the file no longer holds go at the end of the run, when
        // all removals can be weighed together (make_removals).
        if (held_articles_before(input.path, *decision)) reread_.push_back(input.path);
        tracker_.read_done(input.path, *decision, file_articles_);
    }

    // Whether the index may hold articles of `path` from before this run: a
    // file the tracker knew, or one whose reading an earlier run did not
    // finish (its articles committed, its record not yet written). Listing
    // every file read, as this did before, cost 130 bytes a file until the
    // run ended; a first run's index held nothing.
    bool held_articles_before(const std::string& path, const FileTracker::Decision& decision) {
        if (decision.known) return true;
        return articles_before_ > 0 && !writer_->catalog().articles_from(path, run_).empty();
    }

    void remove(Xapian::docid docid) {
        for (std::string& path : writer_->remove(docid)) {
            tracker_.invalidate(path);
            revisit_.push_back(std::move(path));
        }
        ++summary_.removed;
    }

    std::vector<std::filesystem::path> roots() const {
        std::vector<std::filesystem::path> out;
        for (const std::string& p : options_.paths)
            if (p != "-") out.push_back(std::filesystem::absolute(p).lexically_normal());
        return out;
    }

    // Removes the articles that files read again no longer hold (and that
    // no other file gave this run), and those of deleted files, unless that
    // is more than options_.max_removals allows: then nothing is removed,
    // the files read are read again next run, and the deleted ones stay
    // known.
    void make_removals() {
        Catalog& catalog = writer_->catalog();
        std::vector<std::pair<Xapian::docid, std::string>> doomed;
        for (const std::string& path : reread_)
            for (Xapian::docid docid : catalog.articles_from(path, run_)) doomed.emplace_back(docid, path);
        const std::vector<std::string> deleted =
            options_.keep_deleted ? std::vector<std::string>{} : tracker_.deleted_under(roots());
        for (const std::string& path : deleted)
            for (Xapian::docid docid : catalog.articles_from(path, -1)) doomed.emplace_back(docid, path);

        if (std::optional<std::string> refusal =
                removals_refused(options_.max_removals, doomed.size(), static_cast<std::size_t>(articles_before_),
                                 emptied_roots(doomed))) {
            for (const std::string& path : reread_) tracker_.invalidate(path);
            reread_.clear();
            summary_.refused_removals = doomed.size();
            summary_.refusal = *refusal;
            return;
        }
        reread_.clear();
        for (const auto& [docid, path] : doomed) remove(docid);
        for (const std::string& path : deleted) {
            catalog.delete_duplicates_from(path);
            tracker_.forget(path);
        }
    }

    // The input folders whose every article would be removed.
    std::vector<std::string> emptied_roots(const std::vector<std::pair<Xapian::docid, std::string>>& doomed) {
        std::vector<std::string> out;
        for (const std::filesystem::path& root : roots()) {
            const std::string r = root.string();
            const int64_t held = writer_->catalog().count_under(r);
            const auto going = std::count_if(doomed.begin(), doomed.end(), [&](const auto& d) {
                return d.second == r || d.second.rfind(r + "/", 0) == 0;
            });
            if (held > 0 && going >= held) out.push_back(r);
        }
        return out;
    }

    // Files that held duplicates of a removed article: their copy is now the
    // only one, so read them again.
    void revisit_duplicates() {
        std::vector<std::string> paths = std::move(revisit_);
        std::sort(paths.begin(), paths.end());
        paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
        for (const std::string& path : paths) {
            try {
                const FileState state = file_state(path);
                read_file(InputFile{path, state.size, state});
            } catch (const InputError&) {
                // Gone since: nothing left to index there.
            }
        }
        // What those files no longer hold: a few articles at most, past
        // the weighing of make_removals().
        for (const std::string& path : std::exchange(reread_, {}))
            for (Xapian::docid docid : writer_->catalog().articles_from(path, run_)) remove(docid);
    }

    void read_archive(const InputFile& input, const std::string& shown) {
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
        // Whatever the format: the HTML reader leaves a page's related news
        // out, and this the same links set into a text.
        article.text = without_related_links(std::move(article.text));
        if (options_.accept && !options_.accept(article)) return;
        summary_.bytes += article.title.size() + article.text.size();
        switch (writer_->write(article)) {
            case WriteOutcome::Added: ++summary_.added; ++file_articles_; break;
            case WriteOutcome::Updated: ++summary_.updated; ++file_articles_; break;
            case WriteOutcome::Unchanged: ++summary_.unchanged; ++file_articles_; break;
            case WriteOutcome::Duplicate: ++summary_.duplicates; break;
        }
        if (options_.verbose) {
            progress_->clear();
            errors_ << "newsdex-index: " << article.id << '\n';
        }
        const std::size_t articles = summary_.added + summary_.updated + summary_.unchanged + summary_.duplicates;
        const int64_t current = archive_ ? archive_->compressed_bytes_read() : 0;
        progress_->update({summary_.files + 1, articles, static_cast<int64_t>(summary_.bytes), done_bytes_ + current});
    }

    const IngestOptions& options_;
    std::ostream& errors_;
    TopicProfiles profiles_;
    IndexLayout layout_;
    WriterLock lock_;
    Generation generation_;
    RejectLog rejects_;
    std::optional<IndexWriter> writer_;  // closed before compacting
    FileTracker tracker_;
    int64_t articles_before_ = 0;
    int64_t run_ = 0;
    int64_t file_articles_ = 0;
    std::vector<std::string> revisit_;
    std::vector<std::string> reread_;  // files read whole this run
    std::optional<Progress> progress_;
    IngestSummary summary_;
    ArchiveReader* archive_ = nullptr;  // the file being read, for progress
    int64_t done_bytes_ = 0;
};

}  // namespace

IngestSummary ingest(const IngestOptions& options, std::ostream& errors) { return Run(options, errors).go(); }

int exit_status(const IngestSummary& s) {
    if (s.refused_removals) return 2;
    return s.rejected ? 3 : 0;
}

std::string summary_json(const IngestSummary& s, int exit_status, const std::string& index, const std::string& error) {
    nlohmann::ordered_json j;
    j["type"] = "summary";
    j["format"] = 1;
    j["index"] = index;
    j["added"] = s.added;
    j["updated"] = s.updated;
    j["unchanged"] = s.unchanged;
    j["removed"] = s.removed;
    j["duplicates"] = s.duplicates;
    j["rejected"] = s.rejected;
    j["refused_removals"] = s.refused_removals;
    j["moved_files"] = s.moved_files;
    j["repaired"] = s.repaired;
    j["restored"] = s.restored;
    j["bytes"] = s.bytes;
    j["seconds"] = std::round(s.seconds * 100) / 100;
    j["changed"] = s.added + s.updated + s.removed + s.repaired + s.restored > 0;
    j["exit"] = exit_status;
    if (!error.empty()) j["error"] = error;
    else if (!s.refusal.empty()) j["error"] = s.refusal;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string format_summary(const IngestSummary& s) {
    char buf[300];
    const double mb = static_cast<double>(s.bytes) / (1024.0 * 1024.0);
    std::snprintf(buf, sizeof buf,
                  "%zu added, %zu updated, %zu unchanged, %zu removed, %zu duplicates, %zu rejected; %.1f MB in %.2f s "
                  "(%.1f MB/s)",
                  s.added, s.updated, s.unchanged, s.removed, s.duplicates, s.rejected, mb, s.seconds,
                  s.seconds > 0 ? mb / s.seconds : 0.0);
    std::string out = buf;
    if (s.moved_files) out += "; " + std::to_string(s.moved_files) + " files moved";
    if (s.compacted_from) {
        std::snprintf(buf, sizeof buf, "; compacted %.1f MB into %.1f MB in %.2f s",
                      static_cast<double>(s.compacted_from) / 1048576.0,
                      static_cast<double>(s.compacted_to) / 1048576.0, s.compact_seconds);
        out += buf;
    }
    if (s.merged_segments) {
        std::snprintf(buf, sizeof buf, "; merged %zu segments into %.1f MB in %.2f s", s.merged_segments,
                      static_cast<double>(s.merged_to) / 1048576.0, s.merge_seconds);
        out += buf;
    }
    if (s.repaired) out += "; repaired " + std::to_string(s.repaired) + " documents left by an interrupted run";
    if (s.restored) out += "; catalog rebuilt from the index (" + std::to_string(s.restored) + " articles)";
    return out;
}

}  // namespace newsdex
