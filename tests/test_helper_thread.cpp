// The helper thread that splits a pose change's muscle meshes in two: both halves run, on two
// threads when the helper is free, and a failure in either reaches the caller.

#include "lumbarlab/core/helper_thread.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace lumbarlab;

TEST_CASE("helper thread: both jobs run and the helper's runs on another thread", "[unit][helper_thread]") {
    HelperThread helper;
    for (int round = 0; round < 200; ++round) {  // reused, not restarted
        std::thread::id theirs, mine;
        int sum = 0, other = 0;
        helper.runAlongside([&] { theirs = std::this_thread::get_id(), other = round; },
                            [&] { mine = std::this_thread::get_id(), sum = 2 * round; });
        REQUIRE(mine == std::this_thread::get_id());
        REQUIRE(theirs != mine);
        REQUIRE(sum + other == 3 * round);  // both finished before runAlongside returned
    }
}

TEST_CASE("helper thread: an exception in either job reaches the caller", "[unit][helper_thread]") {
    HelperThread helper;
    REQUIRE_THROWS_WITH(helper.runAlongside([] { throw std::runtime_error("theirs"); }, [] {}), "theirs");
    REQUIRE_THROWS_WITH(helper.runAlongside([] {}, [] { throw std::runtime_error("mine"); }), "mine");
    int ran = 0;
    helper.runAlongside([&] { ++ran; }, [&] { ++ran; });  // still usable after a failure
    REQUIRE(ran == 2);
}

TEST_CASE("helper thread: a second caller while it is busy runs both jobs itself", "[unit][helper_thread]") {
    HelperThread helper;
    std::atomic<bool> holding{false}, release{false};
    std::thread first([&] {
        helper.runAlongside(
            [&] {
                holding = true;
                while (!release) std::this_thread::yield();
            },
            [] {});
    });
    while (!holding) std::this_thread::yield();
    std::thread::id theirs;
    int ran = 0;
    helper.runAlongside([&] { theirs = std::this_thread::get_id(), ++ran; }, [&] { ++ran; });
    REQUIRE(ran == 2);
    REQUIRE(theirs == std::this_thread::get_id());
    release = true;
    first.join();
}
