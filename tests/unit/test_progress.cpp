#include "run/progress.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

using namespace newsdex;

TEST_CASE("progress names the file being read, text MB and an ETA from the bytes on disk, then erases it",
          "[progress]") {
    std::ostringstream out;
    {
        Progress p(out, true, 1000, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        // One compressed file, a quarter read: 3 MB of text so far.
        p.update({1, 50, 3 << 20, 250});
        const std::string line = out.str();
        CHECK(line.find("file 1 of 1, 50 articles, 3.0 MB of text") != std::string::npos);
        CHECK(line.find("25%") != std::string::npos);
        CHECK(line.find("ETA") != std::string::npos);
    }
    CHECK(out.str().substr(out.str().size() - 4) == "\r\x1b[K");
}

TEST_CASE("progress names the phase after reading", "[progress]") {
    std::ostringstream out;
    Progress p(out, true, 1000, 1);
    p.phase("merging 2 segments");
    CHECK(out.str().find("merging 2 segments") != std::string::npos);
}

TEST_CASE("disabled progress prints nothing", "[progress]") {
    std::ostringstream out;
    {
        Progress p(out, false, 1000, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        p.update({2, 50, 250, 250});
        p.phase("compacting");
    }
    CHECK(out.str().empty());
}
