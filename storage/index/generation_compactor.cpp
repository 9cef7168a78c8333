#include "index/generation_compactor.h"

#include "catalog/catalog.h"
#include "base/errors.h"
#include "index/index_file.h"
#include "index/recovery.h"
#include "catalog/sqlite.h"
#include "index/table_fingerprint.h"
#include "base/xapian_reason.h"

#include <xapian.h>

#include <future>

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// Segments take their ids from ranges with gaps between them
// (segment_set.h). Merged with renumbering, each segment's ids close up
// behind the previous segment's, as Xapian's compactor renumbers: the k-th id
// of a segment becomes the number of documents before it plus k. Small ids
// pack into fewer bytes in every table (2 MB of positions on the dev data).
struct Renumbering {
    struct Range {
        Xapian::docid first, last, new_first;
    };
    std::vector<Range> ranges;

    Xapian::docid map(Xapian::docid docid) const {
        for (const Range& r : ranges)
            if (docid >= r.first && docid <= r.last) return docid - r.first + r.new_first;
        return docid;
    }
};

// Adds the segments to `sources`; how the compactor will renumber them
// (segments hold every id of their range: nothing is deleted in them).
Renumbering add_segments(Xapian::Database& sources, const std::vector<fs::path>& segments) {
    Renumbering out;
    Xapian::docid before = 0;
    for (const fs::path& path : segments) {
        Xapian::Database segment(path.string());
        sources.add_database(segment);
        if (segment.get_doccount() == 0) continue;
        const Xapian::docid first = *segment.postlist_begin("");
        const Xapian::docid last = segment.get_lastdocid();
        out.ranges.push_back({first, last, before + 1});
        before += last - first + 1;
    }
    return out;
}

// The catalog of `next`: a copy of the live one, its ids renumbered as the
// compactor renumbers the documents.
void copy_catalog(const Generation& live, const Generation& next, const Renumbering& renumbering) {
    {
        Catalog source(live.catalog(), Catalog::Mode::ReadOnly);
        sqlite::run(source.db(), "VACUUM INTO ?1", next.catalog().string());
    }
    if (renumbering.ranges.empty()) return;
    Catalog catalog(next.catalog(), Catalog::Mode::ReadWrite);
    {
        sqlite::Transaction tx(catalog.db());
        for (const Renumbering::Range& r : renumbering.ranges) catalog.move_range(r.first, r.last, r.new_first);
        tx.commit();
    }
    catalog.db().exec("VACUUM");  // moving rows leaves pages part empty: 2 MB on the dev data
}

// Segments are of no use once merged, whether the merged index passes its
// check or not (a failed merge is repaired from the catalog, not from them).
void remove_segments(const std::vector<fs::path>& segments) {
    std::error_code ec;
    for (const fs::path& segment : segments) fs::remove_all(segment, ec);
}

void drop_documents(const Generation& next, const std::vector<Xapian::docid>& dropped) {
    if (dropped.empty()) return;
    Xapian::WritableDatabase db(next.xapian().string(), Xapian::DB_OPEN);
    for (Xapian::docid docid : dropped) {
        try {
            db.delete_document(docid);
        } catch (const Xapian::DocNotFoundError&) {
            // Never written: the run stopped queueing it in time.
        }
    }
    db.commit();
}

}  // namespace

namespace {

// Builds `next` from `live` and the segments, and checks it. Throws
// IndexError; what it wrote is the caller's to remove.
void build_checked(const Generation& live, const Generation& next, const SegmentMerge& merge) {
    make_index_directory(next.dir, "index generation");
    Renumbering renumbering;
    try {
        Xapian::Database main(live.xapian().string());
        // A segmented run writes nothing into the main database; if it did,
        // its ids would be kept and so would the segments'.
        const bool renumber = !merge.segments.empty() && main.get_doccount() == 0;
        Xapian::Database sources;
        if (renumber) {
            renumbering = add_segments(sources, merge.segments);
        } else {
            sources.add_database(main);
            for (const fs::path& segment : merge.segments) sources.add_database(Xapian::Database(segment.string()));
        }
        // Xapian's compactor runs on one thread: the catalog is copied on
        // another meanwhile (2 of the 13 s a merge took at 4x the dev data).
        std::future<void> catalog_copy =
            std::async(std::launch::async, [&] { copy_catalog(live, next, renumbering); });
        // FULL, as xapian-compact does by default (the API's default is
        // STANDARD): 3 MB smaller on the dev data, and the index stays fit
        // for updates, which FULLER would not.
        try {
            sources.compact(next.xapian().string(),
                            (renumber ? 0 : Xapian::DBCOMPACT_NO_RENUMBER) | Xapian::Compactor::FULL);
        } catch (...) {
            catalog_copy.wait();  // it writes into next.dir, which the caller removes
            throw;
        }
        catalog_copy.get();
        std::vector<Xapian::docid> dropped;
        for (Xapian::docid docid : merge.dropped) dropped.push_back(renumbering.map(docid));
        drop_documents(next, dropped);
    } catch (const Xapian::Error& e) {
        throw IndexError(next.dir.string() + ": compaction failed: " + xapian_reason(e) + "; the live index is unchanged");
    }
    // Deleting a gigabyte of segments takes a second: done while the check
    // reads the merged index.
    std::future<void> removal = std::async(std::launch::async, [&] { remove_segments(merge.segments); });
    Catalog catalog(next.catalog(), Catalog::Mode::ReadWrite);
    const Xapian::rev revision = Xapian::Database(next.xapian().string()).get_revision();
    catalog.set_meta(kRevisionMeta, std::to_string(revision));
    catalog.delete_meta(kSegmentsPendingMeta);
    const std::vector<std::string> problems = find_inconsistencies(next.xapian(), catalog);
    if (!problems.empty())
        throw IndexError(next.dir.string() + ": compacted index failed its check (" + problems.front() +
                         "); the live index is unchanged");
    removal.get();
    record_table_fingerprint(catalog, next.xapian(), revision);
}

}  // namespace

Generation compact_generation(const IndexLayout& layout, const Generation& live, const SegmentMerge& merge) {
    {
        // A compacted copy would carry the damage under a new fingerprint.
        Catalog catalog(live.catalog(), Catalog::Mode::ReadOnly);
        if (std::optional<std::string> damage =
                table_damage(catalog, live.xapian(), Xapian::Database(live.xapian().string()).get_revision()))
            throw IndexError(live.dir.string() + ": " + *damage + "; not compacted. Run 'newsdex-index check'");
    }
    const Generation next = layout.next_generation();
    try {
        build_checked(live, next, merge);
        layout.publish(next);
    } catch (...) {
        // Nothing of a failed compaction is of use: not the half-written
        // generation, nor the segments, which the next run never merges (it
        // reads their files again). Left behind, they would fill the disk
        // that may have made it fail.
        std::error_code ec;
        fs::remove_all(next.dir, ec);
        remove_segments(merge.segments);
        throw;
    }
    layout.remove_stale_generations();
    return next;
}

}  // namespace newsdex
