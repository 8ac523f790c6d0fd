#pragma once
/// How every export reaches the disk: through a fresh temporary file beside the target,
/// renamed over it only when complete.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "gis/core/result.hpp"
#include "gis/export/export_target.hpp"

namespace gis {
class TempFileGuard;
}

namespace gis::exporting {

/// A file written in pieces through an exclusively created temporary file beside `path` (so it
/// can be no existing file, link or FIFO), renamed over `path` only by commit(): a failed export
/// (disk full, killed, an error before the end) never leaves a truncated file where the user's
/// previous one was. Until commit() the temporary file is removed on SIGINT, SIGTERM and SIGHUP,
/// and when the object goes away uncommitted. The bytes may be written from another thread
/// than the one that made the file, one thread at a time.
class AtomicFile {
public:
    /// Makes the temporary file (and first removes ones a killed export left for this target).
    static Result<AtomicFile> create(const std::string& path, ExportFormat format);
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    ~AtomicFile();

    /// Appends `size` bytes. After a failure (disk full) nothing more is written, this and every
    /// later call return false, and commit() reports the failure.
    bool write(const std::uint8_t* bytes, std::size_t size);
    bool failed() const { return m_errno != 0; }
    /// Flushes the file to the disk (fsync), checks the target again (checkExportTarget) and
    /// renames the file over it. On any failure the temporary file is removed and the target
    /// is as it was. Call once.
    Status commit();

private:
    AtomicFile(std::string path, std::string temp, ExportFormat format, int fd, std::unique_ptr<TempFileGuard> guard);
    void abandon();

    std::string m_path, m_temp;
    ExportFormat m_format;
    int m_fd = -1;
    int m_errno = 0;  ///< the first failed write's error, 0 while all went well
    std::unique_ptr<TempFileGuard> m_guard;
};

/// The whole of `bytes` through an AtomicFile.
Status writeFileAtomically(const std::string& path, const std::uint8_t* bytes, std::size_t size, ExportFormat format);

}  // namespace gis::exporting
