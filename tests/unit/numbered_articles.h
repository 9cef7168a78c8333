// Generated articles for index-building tests, and a description of a
// document to compare two indexes by.
#pragma once

#include "base/article.h"
#include "base/schema.h"

#include <xapian.h>

#include <sstream>
#include <string>

namespace newsdex::testing {

// Article n in a given version: the words shift with the version, so a new
// version is a real update.
inline Article numbered_article(int n, int version) {
    static const char* const words[] = {"санкции", "пошлины", "переговоры",       "министр",        "Россия",
                                        "экспорт", "матч",    "сборная",          "нефть",          "ёлка",
                                        "интернет-магазин",   "Ростов-на-Дону", "не",             "торговля"};
    Article a;
    a.id = "a" + std::to_string(n);
    a.path = "/src/" + a.id;
    a.title = std::string("Новость ") + words[n % 14] + " " + std::to_string(n);
    std::string text;
    for (int i = 0; i < 40 + n % 17; ++i) text += std::string(words[(n * 7 + i * 3 + version) % 14]) + " ";
    a.text = text + "версия " + std::to_string(version);
    a.date = "2025-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
    a.source = n % 2 ? "Wire" : "Daily";
    a.topic = n % 3 ? "Экономика" : "Спорт";
    return a;
}

// Everything Xapian holds for a document except its id and when it was
// indexed.
inline std::string describe(const Xapian::Document& doc) {
    std::ostringstream out;
    out << doc.get_data() << '\n';
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out << *t << ':' << t.get_wdf();
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << ',' << *p;
        out << ' ';
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (v.get_valueno() != schema::kIndexedAtSlot) out << '\n' << v.get_valueno() << '=' << *v;
    return out.str();
}

}  // namespace newsdex::testing
