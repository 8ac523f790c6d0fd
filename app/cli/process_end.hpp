#pragma once
/// How a one-shot command ends its process. A command like `export` holds a few hundred MB in
/// millions of allocations, a GL context and the driver's threads; taking them apart one by one
/// costs more than the operating system takes to drop the whole address space at once.
#include <cstdio>
#include <cstdlib>

namespace cli {

/// True in the sanitizer build: its leak checker runs when the process exits normally and must
/// see every object destroyed, so nothing is left to the process's end there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kLeakCheckedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kLeakCheckedBuild = true;
#else
inline constexpr bool kLeakCheckedBuild = false;
#endif
#else
inline constexpr bool kLeakCheckedBuild = false;
#endif

/// Flushes the output and ends the process with `code`, skipping static destructors and atexit
/// handlers (the GL driver's teardown among them); in the sanitizer build, returns `code` for
/// main to return as usual. Call only once every file the command writes is closed.
inline int endProcess(int code) {
    std::fflush(nullptr);
    if (!kLeakCheckedBuild) std::_Exit(code);
    return code;
}

}  // namespace cli
