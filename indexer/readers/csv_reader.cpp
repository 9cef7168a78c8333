#include "readers/csv_reader.h"

#include "base/errors.h"
#include "readers/record_mapper.h"
#include "readers/text_file.h"

#include <csv.h>

#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace newsdex {
namespace {

char guess_delimiter(std::string_view first_line) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : first_line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs > semicolons) return '\t';
    return semicolons > commas ? ';' : ',';
}

// Collects libcsv's callbacks into rows and hands complete rows on.
class RowBuilder {
public:
    RowBuilder(const Origin& origin, const FieldMap& fields, const ArticleSink& emit, const RecordRejectSink& reject)
        : origin_(origin), fields_(fields), emit_(emit), reject_(reject) {}

    static void on_field(void* data, std::size_t size, void* self) {
        static_cast<RowBuilder*>(self)->field(static_cast<const char*>(data), size);
    }
    static void on_row(int, void* self) { static_cast<RowBuilder*>(self)->row(); }

    void set_line(int64_t line) { line_ = line; }
    // The line the record being read began on.
    int64_t row_start() const { return cells_.empty() ? next_row_start_ : row_start_; }
    void drop_row() { cells_.clear(); }
    void restart_at(int64_t line) { next_row_start_ = line; }

private:
    void field(const char* data, std::size_t size) {
        if (cells_.empty()) row_start_ = next_row_start_;
        cells_.emplace_back(data ? data : "", data ? size : 0);
    }

    void row() {
        std::vector<std::string> cells = std::move(cells_);
        cells_.clear();
        next_row_start_ = line_ + 1;
        if (header_.empty()) {
            for (std::string& name : cells) {
                if (header_.empty() && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
                const char* ws = " \t\r\n";
                const std::size_t b = name.find_first_not_of(ws);
                header_.push_back(b == std::string::npos ? std::string() : name.substr(b, name.find_last_not_of(ws) - b + 1));
            }
            return;
        }
        if (cells.size() == 1 && cells[0].empty()) return;  // blank line
        try {
            nlohmann::json record = nlohmann::json::object();
            for (std::size_t i = 0; i < cells.size() && i < header_.size(); ++i) {
                if (header_[i].empty()) continue;
                if (std::size_t bad = invalid_utf8_offset(cells[i]); bad != std::string::npos)
                    throw InputError("invalid UTF-8 in field '" + header_[i] + "'");
                record[header_[i]] = std::move(cells[i]);
            }
            Article a = article_from_record(record, fields_, origin_.id_base + ":" + std::to_string(row_start_));
            stamp_origin(a, origin_, row_start_);
            emit_(std::move(a));
        } catch (const InputError& e) {
            reject_(row_start_, e.what());
        }
    }

    const Origin& origin_;
    const FieldMap& fields_;
    const ArticleSink& emit_;
    const RecordRejectSink& reject_;
    std::vector<std::string> header_;
    std::vector<std::string> cells_;
    int64_t line_ = 1;
    int64_t row_start_ = 1;
    int64_t next_row_start_ = 1;
};

struct ParserDeleter {
    void operator()(csv_parser* p) const {
        csv_free(p);
        delete p;
    }
};

std::unique_ptr<csv_parser, ParserDeleter> make_parser(char delimiter) {
    std::unique_ptr<csv_parser, ParserDeleter> p(new csv_parser);
    // Strict: a quote that never closes is an error at the end, not a field
    // that silently swallows the rest of the file.
    if (csv_init(p.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        throw InputError("cannot start the CSV parser");
    csv_set_delim(p.get(), static_cast<unsigned char>(delimiter));
    return p;
}

}  // namespace

void read_csv(ByteSource& input, char delimiter, const Origin& origin, const FieldMap& fields, const ArticleSink& emit,
              const RecordRejectSink& reject) {
    RowBuilder rows(origin, fields, emit, reject);
    std::unique_ptr<csv_parser, ParserDeleter> parser;
    std::vector<char> buffer(1 << 16);
    int64_t line = 1;
    char chosen = delimiter;
    bool skipping = false;  // after a malformed record, until the next line

    for (std::size_t n; (n = input.read(buffer.data(), buffer.size())) != 0;) {
        const char* chunk = buffer.data();
        const char* end = chunk + n;
        if (!parser) {
            const std::string_view first(chunk, n);
            if (!chosen) chosen = guess_delimiter(first.substr(0, first.find('\n')));
            parser = make_parser(chosen);
        }
        // Feed line by line so each row knows the line it started on.
        while (chunk < end) {
            const char* nl = static_cast<const char*>(std::memchr(chunk, '\n', static_cast<std::size_t>(end - chunk)));
            const std::size_t len = nl ? static_cast<std::size_t>(nl - chunk) + 1 : static_cast<std::size_t>(end - chunk);
            if (skipping) {
                chunk += len;
                if (nl) {
                    ++line;
                    skipping = false;
                    rows.restart_at(line);
                }
                continue;
            }
            rows.set_line(line);
            const bool parsed = csv_parse(parser.get(), chunk, len, RowBuilder::on_field, RowBuilder::on_row, &rows) == len;
            chunk += len;
            if (nl) ++line;
            if (!parsed) {
                // A stray quote inside an unquoted field: lose that record, then
                // carry on from the next line with a fresh parser.
                reject(rows.row_start(), "malformed quoting");
                rows.drop_row();
                rows.restart_at(line);
                parser = make_parser(chosen);
                skipping = nl == nullptr;
                continue;
            }
            // A quote that never closes swallows the rest of the file into one
            // field: give up on that record rather than on memory.
            if (parser->entry_pos > kMaxRecordBytes) {
                reject(rows.row_start(), "field too long (over " + std::to_string(kMaxRecordBytes >> 20) +
                                             " MB; unterminated quote?)");
                rows.drop_row();
                rows.restart_at(line);
                parser = make_parser(chosen);
            }
        }
    }
    if (!parser) return;
    rows.set_line(line);
    if (csv_fini(parser.get(), RowBuilder::on_field, RowBuilder::on_row, &rows) != 0) {
        reject(rows.row_start(), "unterminated quoted field");
        rows.drop_row();
    }
}

}  // namespace newsdex
