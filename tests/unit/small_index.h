// A one-article index in `dir`, for tests and fuzz targets that need
// something to search: a title with «quotes», a date, and words that the
// headline-like inputs (headline_like.h) use.
#pragma once

#include "index_fixture.h"
#include "index/index_writer.h"

#include <filesystem>

namespace newsdex::testing {

inline void write_small_index(const std::filesystem::path& dir) {
    IndexWriter writer(live_generation(dir));
    Article a;
    a.id = "a";
    a.path = "/a";
    a.title = "«Зенит» играл потрясающе: пошлины на сталь";
    a.text = "США ввели 25% пошлины на сталь из Казахстана; интернет-магазины не будут работать. Ему не повезло.";
    a.date = "2025-11-24";
    writer.write(a);
    writer.commit();
}

}  // namespace newsdex::testing
