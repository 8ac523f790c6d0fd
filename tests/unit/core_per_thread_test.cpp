// gis::perThread (gis/core/per_thread.hpp): one value a thread, made on first use, destroyed when
// its thread ends, and distinct per tag.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "gis/core/per_thread.hpp"

namespace {

std::atomic<int> g_alive{0};

struct Counted {
    Counted() { ++g_alive; }
    ~Counted() { --g_alive; }
    Counted(const Counted&) = delete;
    Counted& operator=(const Counted&) = delete;
    int value = 0;
};

}  // namespace

TEST_CASE("per thread: one value a thread, the same on every call, gone when the thread ends", "[unit][core]") {
    const int before = g_alive;
    // Catch2 v2 asserts from the test's own thread only: the other threads just record.
    Counted* first = nullptr;
    Counted* again = nullptr;
    int seenAgain = -1;
    std::thread one([&] {
        first = &gis::perThread<Counted>();
        first->value = 7;
        again = &gis::perThread<Counted>();
        seenAgain = again->value;
    });
    one.join();
    CHECK(first == again);
    CHECK(seenAgain == 7);
    CHECK(g_alive == before);  // destroyed at the thread's exit

    Counted* mine = &gis::perThread<Counted>();
    Counted* other = nullptr;
    int seenThere = -1;
    int aliveThere = -1;
    mine->value = 3;
    std::thread two([&] {
        other = &gis::perThread<Counted>();
        seenThere = other->value;  // a fresh value, not this thread's
        aliveThere = g_alive;
    });
    two.join();
    CHECK(aliveThere == before + 2);
    CHECK(other != mine);
    CHECK(seenThere == 0);
    CHECK(g_alive == before + 1);  // this thread's own stays until it ends
}

TEST_CASE("per thread: two tags of one type are two values", "[unit][core]") {
    int& a = gis::perThread<int, struct FirstTag>();
    int& b = gis::perThread<int, struct SecondTag>();
    a = 1;
    b = 2;
    CHECK(&a != &b);
    CHECK(gis::perThread<int, struct FirstTag>() == 1);
    CHECK(gis::perThread<int, struct SecondTag>() == 2);
}
