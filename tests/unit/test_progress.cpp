#include "progress.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

using namespace newsdex;

TEST_CASE("progress draws a line with counts and an ETA, then erases it", "[progress]") {
    std::ostringstream out;
    {
        Progress p(out, true, 1000);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        p.update(2, 50, 250);
        const std::string line = out.str();
        CHECK(line.find("2 files, 50 articles") != std::string::npos);
        CHECK(line.find("25%") != std::string::npos);
        CHECK(line.find("ETA") != std::string::npos);
    }
    CHECK(out.str().substr(out.str().size() - 4) == "\r\x1b[K");
}

TEST_CASE("disabled progress prints nothing", "[progress]") {
    std::ostringstream out;
    {
        Progress p(out, false, 1000);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        p.update(2, 50, 250);
    }
    CHECK(out.str().empty());
}
