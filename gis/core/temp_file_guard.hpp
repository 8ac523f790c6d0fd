#pragma once
/// Removes a temporary file (and its companions) when the process is ended by SIGTERM, SIGINT or
/// SIGHUP while the file exists — a logout, Ctrl+C or `kill` during an export or an `init` must
/// not leave a half-written file behind. A SIGKILL or a power cut cannot be caught: callers also
/// clean up what an earlier, killed run left (by name).
#include <string>
#include <vector>

namespace gis {

/// Installs the handler for the guard's lifetime (a caller's own handler, or an ignored signal,
/// is kept: it is what runs after our clean-up, or we stay out of the way). One guard at a time
/// per process: a second waits for the first to end.
class TempFileGuard {
public:
    /// `paths`: the temporary file first, then companions that may appear beside it (at most 4).
    explicit TempFileGuard(const std::vector<std::string>& paths);
    ~TempFileGuard();
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;

    /// Blocks the guarded signals on this thread until unblockSignals(): create the file between
    /// the two, so there is no moment where it exists unguarded.
    static void blockSignals();
    static void unblockSignals();

private:
    bool m_installed[3] = {false, false, false};
};

}  // namespace gis
