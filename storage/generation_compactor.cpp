#include "generation_compactor.h"

#include "catalog.h"
#include "errors.h"
#include "recovery.h"
#include "sqlite.h"
#include "xapian_reason.h"

#include <xapian.h>

namespace newsdex {

namespace fs = std::filesystem;

Generation compact_generation(const IndexLayout& layout, const Generation& live) {
    const Generation next = layout.next_generation();
    fs::create_directories(next.dir);
    try {
        Xapian::Database(live.xapian().string()).compact(next.xapian().string(), Xapian::DBCOMPACT_NO_RENUMBER);
        Catalog source(live.catalog(), Catalog::Mode::ReadOnly);
        sqlite::Statement vacuum(source.db(), "VACUUM INTO ?1");
        vacuum.bind(1, next.catalog().string());
        vacuum.run();
    } catch (const Xapian::Error& e) {
        throw IndexError(next.dir.string() + ": compaction failed: " + xapian_reason(e) + "; the live index is unchanged");
    }
    {
        Xapian::Database compacted(next.xapian().string());
        Catalog catalog(next.catalog(), Catalog::Mode::ReadWrite);
        catalog.set_meta("xapian_revision", std::to_string(compacted.get_revision()));
        const std::vector<std::string> problems = find_inconsistencies(compacted, catalog);
        if (!problems.empty())
            throw IndexError(next.dir.string() + ": compacted index failed its check (" + problems.front() +
                             "); the live index is unchanged");
    }
    layout.publish(next);
    layout.remove_stale_generations();
    return next;
}

}  // namespace newsdex
