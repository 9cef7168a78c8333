#include "time_limit.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

using namespace newsdex;

namespace {

// Runs `work` in a child process (TimeLimit ends the process it is in) and
// returns its exit status.
template <typename Work>
int exit_status_of(Work work) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        work();
        std::_Exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("work still running at the time limit ends the process with status 2", "[time-limit]") {
    // Far past the limit: the child would exit 0 after its 30 s of "work".
    CHECK(exit_status_of([] {
              TimeLimit limit(0.05, "newsdex-query: test: time limit");
              std::this_thread::sleep_for(std::chrono::seconds(30));
          }) == 2);
}

TEST_CASE("work done before the time limit, or without one, is not stopped", "[time-limit]") {
    CHECK(exit_status_of([] {
              TimeLimit limit(30, "unused");
              limit.disarm();
          }) == 0);
    CHECK(exit_status_of([] {
              TimeLimit limit(0.05, "unused");
              limit.disarm();
              std::this_thread::sleep_for(std::chrono::milliseconds(200));
          }) == 0);
    CHECK(exit_status_of([] {
              TimeLimit none(0, "unused");
              std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }) == 0);
}

TEST_CASE("past the time limit, output being written is finished before the process ends", "[time-limit]") {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const int status = exit_status_of([&] {
        ::close(fds[0]);
        std::mutex writing;
        std::atomic<bool> held = false;
        std::thread writer([&] {
            // Another thread's answer, half written when the limit passes.
            std::lock_guard lock(writing);
            held = true;
            [[maybe_unused]] ssize_t n = ::write(fds[1], "half", 4);
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            n = ::write(fds[1], " and whole\n", 11);
        });
        while (!held) std::this_thread::yield();
        Watchdog watchdog;
        TimeLimit limit(watchdog, 0.05, "newsdex-query: test: time limit", &writing);
        std::this_thread::sleep_for(std::chrono::seconds(30));
        writer.join();
    });
    ::close(fds[1]);
    std::string written;
    char buffer[64];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) written.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    CHECK(status == 2);
    CHECK(written == "half and whole\n");
}

namespace {

std::size_t threads_of_this_process() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ++n;
    return n;
}

}  // namespace

TEST_CASE("one query's limit starts no thread, and only its own timer's signal ends the process",
          "[time-limit]") {
    const std::size_t before = threads_of_this_process();
    {
        TimeLimit limit(30, "unused");
        CHECK(threads_of_this_process() == before);
    }
    // SIGALRM from elsewhere (kill -ALRM, raise) is not the deadline; once
    // disarmed, SIGALRM's handler is what it was (here: ignored).
    CHECK(exit_status_of([] {
              ::signal(SIGALRM, SIG_IGN);
              TimeLimit limit(30, "unused");
              ::raise(SIGALRM);
              limit.disarm();
              ::raise(SIGALRM);
          }) == 0);
    // A fraction of a second, and a limit too far off to count in nanoseconds.
    CHECK(exit_status_of([] {
              TimeLimit far(1e300, "unused");
              TimeLimit soon(0.001, "newsdex-query: test: time limit");
              std::this_thread::sleep_for(std::chrono::seconds(30));
          }) == 2);
}

TEST_CASE("a batch's limits share one watchdog thread", "[time-limit]") {
    const std::size_t before = threads_of_this_process();
    {
        Watchdog watchdog;
        for (int i = 0; i < 100; ++i) {
            TimeLimit limit(watchdog, 30, "unused");
            limit.disarm();
        }
        CHECK(threads_of_this_process() == before + 1);
    }
    CHECK(threads_of_this_process() == before);
}

TEST_CASE("on a shared watchdog, the limit that passes ends the process, whichever was armed first",
          "[time-limit]") {
    const auto started = std::chrono::steady_clock::now();
    CHECK(exit_status_of([] {
              Watchdog watchdog;
              TimeLimit later(watchdog, 30, "unused");
              TimeLimit done(watchdog, 0.01, "unused");
              done.disarm();
              // Armed after a later deadline: the watchdog wakes for it.
              TimeLimit sooner(watchdog, 0.05, "newsdex-query: test: time limit");
              std::this_thread::sleep_for(std::chrono::seconds(60));
          }) == 2);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    // Disarmed in time, all of them: the process goes on.
    CHECK(exit_status_of([] {
              Watchdog watchdog;
              TimeLimit a(watchdog, 0.05, "unused");
              TimeLimit b(watchdog, 0.05, "unused");
              a.disarm();
              b.disarm();
              std::this_thread::sleep_for(std::chrono::milliseconds(200));
          }) == 0);
}
