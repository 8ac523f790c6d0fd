#include "gis/core/temp_file_guard.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace gis {
namespace {

// What the handler removes. Only async-signal-safe calls (unlink, sigaction, raise) happen in it,
// so the paths are kept in fixed buffers rather than strings.
constexpr int kMaxPaths = 4;
char g_paths[kMaxPaths][4096];
std::atomic<int> g_pathCount{0};
std::mutex g_oneGuard;
struct sigaction g_previous[3];
constexpr int kSignals[3] = {SIGTERM, SIGINT, SIGHUP};
thread_local sigset_t t_maskBeforeBlock;

void removeTempsAndDie(int signal) {
    const int count = g_pathCount.load();
    for (int i = 0; i < count; ++i) ::unlink(g_paths[i]);
    for (int i = 0; i < 3; ++i)
        if (kSignals[i] == signal) ::sigaction(signal, &g_previous[i], nullptr);
    ::raise(signal);  // the earlier disposition (by default: terminate) now applies
}

}  // namespace

void TempFileGuard::blockSignals() {
    sigset_t block;
    sigemptyset(&block);
    for (int s : kSignals) sigaddset(&block, s);
    pthread_sigmask(SIG_BLOCK, &block, &t_maskBeforeBlock);
}

void TempFileGuard::unblockSignals() { pthread_sigmask(SIG_SETMASK, &t_maskBeforeBlock, nullptr); }

TempFileGuard::TempFileGuard(const std::vector<std::string>& paths) {
    g_oneGuard.lock();
    int count = 0;
    for (const auto& path : paths) {
        if (count == kMaxPaths) break;
        std::strncpy(g_paths[count], path.c_str(), sizeof g_paths[count] - 1);
        g_paths[count][sizeof g_paths[count] - 1] = '\0';
        ++count;
    }
    g_pathCount = count;
    for (int i = 0; i < 3; ++i) {
        struct sigaction current {};
        ::sigaction(kSignals[i], nullptr, &current);
        m_installed[i] = current.sa_handler == SIG_DFL;
        if (!m_installed[i]) continue;
        struct sigaction ours {};
        ours.sa_handler = removeTempsAndDie;
        sigemptyset(&ours.sa_mask);
        ::sigaction(kSignals[i], &ours, &g_previous[i]);
    }
}

TempFileGuard::~TempFileGuard() {
    for (int i = 0; i < 3; ++i)
        if (m_installed[i]) ::sigaction(kSignals[i], &g_previous[i], nullptr);
    g_pathCount = 0;
    g_oneGuard.unlock();
}

}  // namespace gis
