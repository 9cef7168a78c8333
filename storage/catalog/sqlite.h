// Thin RAII wrappers over the SQLite C API: a connection, a prepared
// statement, and a transaction that rolls back unless committed.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex::sqlite {

class Database {
public:
    enum class Mode { ReadOnly, ReadWriteCreate };
    Database(const std::filesystem::path& path, Mode mode);

    void exec(std::string_view sql);
    sqlite3* handle() const { return db_.get(); }
    std::string error_context() const;

private:
    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    std::unique_ptr<sqlite3, Closer> db_;
    std::string path_;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bind_null(int index);
    Statement& bind_real(int index, double value);

    // Advances; false when there are no more rows.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    std::string text(int column) const;
    int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
    };
    Database& db_;
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// Runs `sql`, which returns no rows, once: `values` bound to ?1, ?2, ...
template <typename... Values>
void run(Database& db, std::string_view sql, const Values&... values) {
    Statement statement(db, sql);
    int index = 0;
    (statement.bind(++index, values), ...);
    statement.run();
}

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace newsdex::sqlite
