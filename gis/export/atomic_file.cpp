#include "gis/export/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "gis/core/temp_file_guard.hpp"
#include "gis/export/export_target.hpp"

namespace gis::exporting {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPartialSuffix = ".partial";

/// Temporary files are named TARGET.PID.XXXXXX.partial. Ones whose process is gone were left by
/// a SIGKILL or a power cut: the next export to the same target removes them.
void removeStaleTemporaries(const fs::path& target) {
    const std::string prefix = target.filename().string() + ".";
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), last; !ec && it != last; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() + std::strlen(kPartialSuffix) || name.compare(0, prefix.size(), prefix) != 0) continue;
        if (name.compare(name.size() - std::strlen(kPartialSuffix), std::strlen(kPartialSuffix), kPartialSuffix) != 0) continue;
        const std::string rest = name.substr(prefix.size());
        char* end = nullptr;
        const long pid = std::strtol(rest.c_str(), &end, 10);
        if (pid <= 0 || end == nullptr || *end != '.' || std::strlen(end) != 1 + 6 + std::strlen(kPartialSuffix)) continue;
        if (pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // its writer still runs
        std::error_code removed;
        if (fs::is_regular_file(fs::symlink_status(it->path(), removed))) fs::remove(it->path(), removed);
    }
}

std::string whyNotWritten(const std::string& path, int error) {
    if (error == ENOSPC || error == EDQUOT || error == EFBIG)
        return "Cannot write " + path + ": the disk is full (" + std::strerror(error) + "). Nothing was written; an earlier file of that name is unchanged. Free some space and export again.";
    return "Cannot write " + path + ": " + std::strerror(error) + ".";
}

}  // namespace

Status writeFileAtomically(const std::string& path, const std::uint8_t* bytes, std::size_t size, ExportFormat format) {
    removeStaleTemporaries(path);
    std::string temp = path + "." + std::to_string(::getpid()) + ".XXXXXX" + kPartialSuffix;
    // Signals blocked while the file is made and the guard installed: no moment where it exists unguarded.
    TempFileGuard::blockSignals();
    const int fd = mkstemps(temp.data(), static_cast<int>(std::strlen(kPartialSuffix)));
    const int createErrno = errno;
    if (fd < 0) {
        TempFileGuard::unblockSignals();
        return makeError(ErrorCode::Io, whyNotWritten(path, createErrno));
    }
    TempFileGuard guard({temp});
    TempFileGuard::unblockSignals();

    bool ok = fchmod(fd, 0644) == 0;  // mkstemps makes 0600; a map is for sharing
    int savedErrno = 0;
    for (std::size_t done = 0; ok && done < size;) {
        const ssize_t n = ::write(fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (n < 0) savedErrno = errno;
        else if (n == 0) savedErrno = ENOSPC;
        if (ok) done += static_cast<std::size_t>(n);
    }
    if (ok && ::fsync(fd) != 0) {
        ok = false;
        savedErrno = errno;
    }
    if (::close(fd) != 0 && ok) {
        ok = false;
        savedErrno = errno;
    }
    std::error_code ignored;
    if (!ok) {
        fs::remove(temp, ignored);
        return makeError(ErrorCode::Io, whyNotWritten(path, savedErrno != 0 ? savedErrno : EIO));
    }
    if (auto target = checkExportTarget(path, {}, format); !target) {
        fs::remove(temp, ignored);
        return target.error();
    }
    std::error_code renamed;
    fs::rename(temp, path, renamed);
    if (renamed) {
        fs::remove(temp, ignored);
        return makeError(ErrorCode::Io, "Cannot write " + path + ": " + renamed.message() + ".");
    }
    return Ok{};
}

}  // namespace gis::exporting
