#pragma once
/// A value per thread, made on the thread's first use and destroyed when the thread ends: what
/// a `thread_local` with a destructor gives, without its lock.
///
/// Why: glibc registers a thread_local's destructor on the thread's first use of it
/// (__cxa_thread_atexit), and that takes the dynamic loader's lock. While the export's GL worker
/// dlopens llvmpipe (LLVM's relocations, some 20 ms) every thread touching such a variable
/// waited for it: the 10,000-commune export's layer readers sat blocked through their first
/// 30 ms, on their PROJ contexts. Here the thread_local is a plain pointer, which needs no
/// registration, and the value is handed to a pthread key, whose destructor runs at the
/// thread's exit without that lock. (The main thread's value lives until the process ends.)
#include <pthread.h>

namespace gis {

/// The calling thread's T, value-initialised on first use. `Tag` tells apart uses of one type
/// (two scratch vectors of Vec2 are two buffers).
template <class T, class Tag = T>
T& perThread() {
    static const pthread_key_t key = [] {
        pthread_key_t made{};
        pthread_key_create(&made, [](void* value) { delete static_cast<T*>(value); });
        return made;
    }();
    thread_local T* mine = nullptr;  // trivially destructible: no registration, no lock
    if (mine == nullptr) {
        mine = new T();
        pthread_setspecific(key, mine);
    }
    return *mine;
}

}  // namespace gis
