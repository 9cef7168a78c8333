#include "analysis/recent_words.h"

#include <catch2/catch.hpp>

#include <string>

using namespace newsdex;

TEST_CASE("recent words keep a value a slot, until another word takes it or they are cleared", "[recent_words]") {
    RecentWords recent(4);
    recent.put("пошлины", 6, "пошлин");
    REQUIRE(recent.find("пошлины", 6));
    CHECK(*recent.find("пошлины", 6) == "пошлин");
    CHECK_FALSE(recent.find("пошлины", 7));   // another hash: another word
    CHECK_FALSE(recent.find("пошлина", 6));   // the same hash, another word
    recent.put("газ", 10, "газ");             // the same slot (10 & 3 == 6 & 3)
    CHECK_FALSE(recent.find("пошлины", 6));
    CHECK(*recent.find("газ", 10) == "газ");
    recent.put("нефть", 1, std::string(8, '\0'));  // any bytes, as an address is kept
    CHECK(recent.find("нефть", 1)->size() == 8);
    // What a slot cannot hold, and an empty word, are not kept.
    recent.put(std::string(40, 'a'), 3, std::string(20, 'b'));
    CHECK_FALSE(recent.find(std::string(40, 'a'), 3));
    recent.put("", 0, "x");
    CHECK_FALSE(recent.find("", 0));
    recent.clear();
    CHECK_FALSE(recent.find("газ", 10));
    CHECK_FALSE(recent.find("нефть", 1));
}
