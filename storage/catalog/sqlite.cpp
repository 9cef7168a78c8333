#include "catalog/sqlite.h"

#include "base/errors.h"

namespace newsdex::sqlite {

Database::Database(const std::filesystem::path& path, Mode mode) : path_(path.string()) {
    int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path_.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK)
        throw IndexError(path_ + ": cannot open catalog: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    // Readers and the writer may overlap; wait briefly rather than fail.
    sqlite3_busy_timeout(raw, 5000);
}

std::string Database::error_context() const { return path_ + ": " + sqlite3_errmsg(db_.get()); }

void Database::exec(std::string_view sql) {
    char* message = nullptr;
    std::string statement(sql);
    if (sqlite3_exec(db_.get(), statement.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : "unknown error";
        sqlite3_free(message);
        throw IndexError(path_ + ": catalog error: " + error);
    }
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
        throw IndexError(db.error_context());
    stmt_.reset(raw);
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        throw IndexError(db_.error_context());
    return *this;
}

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) throw IndexError(db_.error_context());
    return *this;
}

Statement& Statement::bind_real(int index, double value) {
    if (sqlite3_bind_double(stmt_.get(), index, value) != SQLITE_OK) throw IndexError(db_.error_context());
    return *this;
}

double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) throw IndexError(db_.error_context());
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw IndexError(db_.error_context());
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_.get(), column);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_.get(), column)) : std::string();
}

int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace newsdex::sqlite
