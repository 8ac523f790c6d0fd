#include "gis/export/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

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

AtomicFile::AtomicFile(std::string path, std::string temp, ExportFormat format, int fd, std::unique_ptr<TempFileGuard> guard)
    : m_path(std::move(path)), m_temp(std::move(temp)), m_format(format), m_fd(fd), m_guard(std::move(guard)) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_temp(std::move(other.m_temp)),
      m_format(other.m_format),
      m_fd(std::exchange(other.m_fd, -1)),
      m_errno(other.m_errno),
      m_guard(std::move(other.m_guard)) {}

AtomicFile::~AtomicFile() { abandon(); }

void AtomicFile::abandon() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temp.empty()) {
        std::error_code ignored;
        fs::remove(m_temp, ignored);
        m_temp.clear();
    }
    m_guard.reset();
}

Result<AtomicFile> AtomicFile::create(const std::string& path, ExportFormat format) {
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
    auto guard = std::make_unique<TempFileGuard>(std::vector<std::string>{temp});
    TempFileGuard::unblockSignals();
    AtomicFile file(path, std::move(temp), format, fd, std::move(guard));
    if (fchmod(fd, 0644) != 0) file.m_errno = errno;  // mkstemps makes 0600; a map is for sharing
    return file;
}

bool AtomicFile::write(const std::uint8_t* bytes, std::size_t size) {
    for (std::size_t done = 0; m_errno == 0 && done < size;) {
        const ssize_t n = ::write(m_fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) m_errno = errno;
        else if (n == 0) m_errno = ENOSPC;
        else done += static_cast<std::size_t>(n);
    }
    return m_errno == 0;
}

Status AtomicFile::commit() {
    if (m_errno == 0 && ::fsync(m_fd) != 0) m_errno = errno;
    if (::close(m_fd) != 0 && m_errno == 0) m_errno = errno;
    m_fd = -1;
    if (m_errno != 0) {
        const int error = m_errno;
        abandon();
        return makeError(ErrorCode::Io, whyNotWritten(m_path, error));
    }
    if (auto target = checkExportTarget(m_path, {}, m_format); !target) {
        abandon();
        return target.error();
    }
    std::error_code renamed;
    fs::rename(m_temp, m_path, renamed);
    if (renamed) {
        abandon();
        return makeError(ErrorCode::Io, "Cannot write " + m_path + ": " + renamed.message() + ".");
    }
    m_temp.clear();  // it is the target now
    m_guard.reset();
    return Ok{};
}

Status writeFileAtomically(const std::string& path, const std::uint8_t* bytes, std::size_t size, ExportFormat format) {
    auto file = AtomicFile::create(path, format);
    if (!file) return file.error();
    file->write(bytes, size);
    return file->commit();
}

}  // namespace gis::exporting
