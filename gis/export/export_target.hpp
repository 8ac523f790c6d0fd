#pragma once
/// Where an export may write. An export replaces its output file, so a mistyped --out (the
/// project itself, a symlink to it, a FIFO, a device) must be refused before anything is rendered:
/// the only file an export ever replaces is an earlier PNG image.
#include <string>
#include <vector>

#include "gis/core/result.hpp"

namespace gis::exporting {

/// What a caller needs to know about an acceptable target.
struct ExportTargetInfo {
    /// A PNG image is already there and would be replaced: the window asks before overwriting.
    bool exists = false;
};

/// Checks `path` as the output of an export of `sources` (the files the map is read from; empty
/// strings are ignored). Refused, with a sentence naming the path: an empty path; a name not ending
/// in .png; the path of a source or of anything that resolves to one (hard or symbolic link); a
/// symbolic link; anything that exists and is not a regular file (FIFO, device, socket, directory);
/// an existing regular file that is not a PNG image; a directory that does not exist.
Result<ExportTargetInfo> checkExportTarget(const std::string& path, const std::vector<std::string>& sources);

}  // namespace gis::exporting
