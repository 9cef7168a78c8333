#include "catalog/catalog.h"
#include "docdata/doc_data.h"
#include "index/index_location.h"
#include "index/index_reader.h"
#include "index_fixture.h"
#include "index/index_writer.h"
#include "index/recovery.h"
#include "catalog/sqlite.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace newsdex;

namespace {

Article article(const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.path = "/src/" + id;
    a.title = "Заголовок " + id;
    a.text = text;
    a.date = "2025-11-24";
    a.source = "Wire";
    return a;
}

// Every catalog row has a Xapian document with the same id, and vice versa.
void check_in_step(const std::filesystem::path& dir) {
    Xapian::Database db = open_index_readonly(dir);
    Catalog catalog(testing::live_generation(dir).catalog(), Catalog::Mode::ReadOnly);
    sqlite::Statement rows(catalog.db(), "SELECT docid, id FROM articles");
    std::size_t n = 0;
    while (rows.step()) {
        ++n;
        Xapian::Document doc = db.get_document(static_cast<Xapian::docid>(rows.integer(0)));
        CHECK(decode_doc_data(doc.get_data()).id == rows.text(1));
    }
    CHECK(n == db.get_doccount());
}

}  // namespace

TEST_CASE("re-indexing the same id replaces the article, never duplicates it", "[writer]") {
    testing::TempDir dir;
    {
        IndexWriter w(testing::live_generation(dir.path()));
        CHECK(w.write(article("a", "первый текст")) == WriteOutcome::Added);
        CHECK(w.write(article("b", "второй текст")) == WriteOutcome::Added);
        w.commit();
    }
    {
        IndexWriter w(testing::live_generation(dir.path()));
        CHECK(w.write(article("a", "первый текст")) == WriteOutcome::Unchanged);
        CHECK(w.write(article("b", "исправленный текст")) == WriteOutcome::Updated);
        CHECK(w.write(article("c", "третий")) == WriteOutcome::Added);
        w.commit();
    }
    Xapian::Database db = open_index_readonly(dir.path());
    CHECK(db.get_doccount() == 3);
    CHECK(db.get_termfreq("Qb") == 1);
    CHECK(db.get_termfreq("исправленный") == 1);
    CHECK(db.get_termfreq("второй") == 0);
    check_in_step(dir.path());
}

TEST_CASE("metadata goes into boolean terms, values and document data", "[writer]") {
    testing::TempDir dir;
    {
        IndexWriter w(testing::live_generation(dir.path()));
        Article a = article("x", "текст");
        a.tags = {"Экономика", "В мире"};
        a.url = "https://example.org/x";
        w.write(a);
        w.commit();
    }
    Xapian::Database db = open_index_readonly(dir.path());
    CHECK(db.get_termfreq("D20251124") == 1);
    CHECK(db.get_termfreq("M202511") == 1);
    CHECK(db.get_termfreq("Y2025") == 1);
    CHECK(db.get_termfreq("XSwire") == 1);
    CHECK(db.get_termfreq("Kэкономика") == 1);
    CHECK(db.get_termfreq("Uhttps://example.org/x") == 1);
    Xapian::Document doc = db.get_document(db.postlist_begin("Qx").operator*());
    CHECK(doc.get_value(0) == "20251124");
    Article back = decode_doc_data(doc.get_data());
    CHECK(back.title == "Заголовок x");
    CHECK(back.tags == std::vector<std::string>{"Экономика", "В мире"});
}

TEST_CASE("an uncommitted batch is abandoned on both sides", "[writer]") {
    testing::TempDir dir;
    {
        IndexWriter w(testing::live_generation(dir.path()));
        w.write(article("kept", "текст"));
        w.commit();
        w.write(article("lost", "текст"));
        // destroyed without commit: as if the process had died here
    }
    Xapian::Database db = open_index_readonly(dir.path());
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_termfreq("Qlost") == 0);
    check_in_step(dir.path());
}

TEST_CASE("the catalog records the Xapian revision of the last batch", "[writer]") {
    testing::TempDir dir;
    {
        IndexWriter w(testing::live_generation(dir.path()));
        w.write(article("a", "текст"));
        w.commit();
    }
    Xapian::Database db = open_index_readonly(dir.path());
    Catalog catalog(testing::live_generation(dir.path()).catalog(), Catalog::Mode::ReadOnly);
    CHECK(catalog.meta("xapian_revision") == std::optional<std::string>(std::to_string(db.get_revision())));
}

TEST_CASE("the same text under another id is indexed once and its place recorded", "[writer]") {
    testing::TempDir dir;
    Article original = article("ria-1", "Текст новости о пошлинах.");
    Article copy = article("mirror-7", "  ТЕКСТ новости\nо пошлинах. ");  // case and spacing differ
    copy.path = "/mirror/7.txt";
    {
        IndexWriter w(testing::live_generation(dir.path()));
        CHECK(w.write(original) == WriteOutcome::Added);
        copy.title = original.title;
        CHECK(w.write(copy) == WriteOutcome::Duplicate);
        w.commit();
    }
    {
        IndexWriter w(testing::live_generation(dir.path()));
        CHECK(w.write(copy) == WriteOutcome::Unchanged);  // a rerun changes nothing
        w.commit();
    }
    Xapian::Database db = open_index_readonly(dir.path());
    CHECK(db.get_doccount() == 1);
    Catalog catalog(testing::live_generation(dir.path()).catalog(), Catalog::Mode::ReadOnly);
    sqlite::Statement dup(catalog.db(), "SELECT id, docid, path FROM duplicates");
    REQUIRE(dup.step());
    CHECK(dup.text(0) == "mirror-7");
    CHECK(static_cast<Xapian::docid>(dup.integer(1)) == catalog.find("ria-1")->docid);
    CHECK(dup.text(2) == "/mirror/7.txt");
    CHECK_FALSE(dup.step());
}

// The crash the commit protocol allows: Xapian committed a batch, the
// catalog did not. Made here by writing to Xapian behind the catalog's back.
TEST_CASE("a batch Xapian committed and the catalog did not is repaired at open", "[writer][recovery]") {
    testing::TempDir dir;
    const Generation gen = testing::live_generation(dir.path());
    {
        IndexWriter w(gen);
        w.write(article("kept", "первый текст"));
        w.write(article("changed", "старый текст"));
        w.write(article("deleted", "удаляемый текст"));
        w.commit();
    }
    Xapian::docid changed = 0, deleted = 0;
    {
        Catalog c(gen.catalog(), Catalog::Mode::ReadOnly);
        changed = c.find("changed")->docid;
        deleted = c.find("deleted")->docid;
    }
    {
        Xapian::WritableDatabase x(gen.xapian().string(), Xapian::DB_OPEN);
        Xapian::Document orphan;
        orphan.set_data(encode_doc_data(article("orphan", "текст без строки в каталоге")));
        orphan.add_boolean_term("Qorphan");
        x.add_document(orphan);
        Xapian::Document newer = x.get_document(changed);
        Article updated = article("changed", "новый текст");
        updated.encoding = "windows-1251";
        newer.set_data(encode_doc_data(updated));
        x.replace_document(changed, newer);
        x.delete_document(deleted);
        x.commit();
    }
    {
        IndexWriter w(gen);
        CHECK(w.repaired() == 3);
    }
    Xapian::Database db = open_index_readonly(dir.path());
    CHECK(db.get_termfreq("Qorphan") == 0);  // the lost batch's new document is gone
    CHECK(db.get_doccount() == 2);
    check_in_step(dir.path());
    Catalog c(gen.catalog(), Catalog::Mode::ReadOnly);
    CHECK_FALSE(c.find("deleted"));
    sqlite::Statement row(c.db(), "SELECT encoding FROM articles WHERE id = 'changed'");
    REQUIRE(row.step());
    CHECK(row.text(0) == "windows-1251");  // the row follows the document, encoding and all
    CHECK(find_inconsistencies(gen.xapian(), c).empty());
}

TEST_CASE("the check finds every disagreement between the stores, whichever thread reads it", "[writer][recovery]") {
    testing::TempDir dir;
    const Generation gen = testing::live_generation(dir.path());
    {
        IndexWriter w(gen);
        for (int i = 1; i <= 40; ++i) w.write(article("a" + std::to_string(i), "текст номер " + std::to_string(i)));
        w.commit();
    }
    std::map<std::string, Xapian::docid> docid;
    {
        Catalog c(gen.catalog(), Catalog::Mode::ReadOnly);
        for (const char* id : {"a3", "a21", "a38"}) docid[id] = c.find(id)->docid;
    }
    {
        // Damage spread over the ids, so each reading thread meets some.
        Xapian::WritableDatabase x(gen.xapian().string(), Xapian::DB_OPEN);
        x.delete_document(docid["a3"]);
        Xapian::Document other = x.get_document(docid["a21"]);
        other.set_data(encode_doc_data(article("someone-else", "текст номер 21")));
        x.replace_document(docid["a21"], other);
        Xapian::Document edited = x.get_document(docid["a38"]);
        edited.set_data(encode_doc_data(article("a38", "другой текст")));
        x.replace_document(docid["a38"], edited);
        Xapian::Document orphan;
        orphan.set_data(encode_doc_data(article("orphan", "текст без строки")));
        x.add_document(orphan);
        x.commit();
    }
    Catalog c(gen.catalog(), Catalog::Mode::ReadOnly);
    const std::vector<std::string> problems = find_inconsistencies(gen.xapian(), c);
    const auto reported = [&](const std::string& text) {
        return std::count(problems.begin(), problems.end(), text) == 1;
    };
    CHECK(problems.size() == 5);
    CHECK(reported("document " + std::to_string(docid["a3"]) + " (a3) is in the catalog but not in the index"));
    CHECK(reported("document " + std::to_string(docid["a21"]) + " is someone-else in the index but a21 in the catalog"));
    CHECK(reported("document " + std::to_string(docid["a38"]) + " (a38) differs between the index and the catalog"));
    CHECK(reported("document 41 is in the index but not in the catalog"));
    CHECK(std::count_if(problems.begin(), problems.end(), [](const std::string& p) {
              return p.find("index revision") != std::string::npos;
          }) == 1);
}
