#include "index/version_text.h"

#include "catalog/catalog.h"
#include "docdata/doc_data.h"
#include "newsdex_version.h"

#include <sqlite3.h>
#include <unicode/uversion.h>
#include <xapian.h>

namespace newsdex {

namespace {

std::string icu_version() {
    UVersionInfo version;
    u_getVersion(version);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    return text;
}

}  // namespace

std::string version_text(const std::string& tool) {
    return tool + " " + NEWSDEX_VERSION + "\n" +
           "index format: catalog schema " + std::to_string(Catalog::kSchemaVersion) + ", document data format " +
           std::to_string(kDocDataFormat) + "\n" +
           "Xapian " + Xapian::version_string() + "\n" +
           "ICU " + icu_version() + "\n" +
           "SQLite " + sqlite3_libversion();
}

}  // namespace newsdex
