#pragma once
/// How every export reaches the disk: through a fresh temporary file beside the target,
/// renamed over it only when complete.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gis/core/result.hpp"
#include "gis/export/export_target.hpp"

namespace gis::exporting {

/// Writes `size` bytes to `path` through an exclusively created temporary file (so it can be
/// no existing file, link or FIFO), renamed over `path` only when complete: a failed export
/// (disk full, killed) never leaves a truncated file where the user's previous one was. The
/// target is checked again (checkExportTarget) just before the rename.
Status writeFileAtomically(const std::string& path, const std::uint8_t* bytes, std::size_t size, ExportFormat format);

}  // namespace gis::exporting
