#include "gis/export/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "gis/export/export_target.hpp"

namespace gis::exporting {

Status writeFileAtomically(const std::string& path, const std::uint8_t* bytes, std::size_t size, ExportFormat format) {
    std::string temp = path + ".XXXXXX.partial";
    const int fd = mkstemps(temp.data(), static_cast<int>(std::strlen(".partial")));
    if (fd < 0) return makeError(ErrorCode::Io, "Cannot write " + path + ": " + std::strerror(errno) + ".");
    bool ok = fchmod(fd, 0644) == 0;  // mkstemps makes 0600; a map is for sharing
    for (std::size_t done = 0; ok && done < size;) {
        const ssize_t n = ::write(fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    const int savedErrno = errno;
    ok = ok && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    std::error_code ignored;
    if (!ok) {
        std::filesystem::remove(temp, ignored);
        return makeError(ErrorCode::Io, "Cannot write " + path + ": " + std::strerror(savedErrno != 0 ? savedErrno : errno) + ".");
    }
    if (auto target = checkExportTarget(path, {}, format); !target) {
        std::filesystem::remove(temp, ignored);
        return target.error();
    }
    std::error_code renamed;
    std::filesystem::rename(temp, path, renamed);
    if (renamed) {
        std::filesystem::remove(temp, ignored);
        return makeError(ErrorCode::Io, "Cannot write " + path + ": " + renamed.message() + ".");
    }
    return Ok{};
}

}  // namespace gis::exporting
