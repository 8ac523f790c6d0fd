#pragma once
/// Where an export may write. An export replaces its output file, so a mistyped --out (the
/// project itself, a symlink to it, a FIFO, a device) must be refused before anything is rendered:
/// the only file an export ever replaces is an earlier image or document of the kind it writes
/// (PNG, GeoTIFF, PDF), recognised by its first bytes.
#include <optional>
#include <string>
#include <vector>

#include "gis/core/result.hpp"

namespace gis::exporting {

/// What a caller needs to know about an acceptable target.
struct ExportTargetInfo {
    /// A PNG image is already there and would be replaced: the window asks before overwriting.
    bool exists = false;
};

/// What an export writes: the format follows the file name (.png, .tif/.tiff, .pdf) unless given.
enum class ExportFormat { Png, GeoTiff, Pdf };

std::optional<ExportFormat> formatFromExtension(const std::string& path);
/// "png", "tif"/"tiff"/"geotiff", "pdf" (as given to --format); nullopt otherwise.
std::optional<ExportFormat> parseExportFormat(const std::string& name);
/// "PNG image", "GeoTIFF", "PDF document": for messages.
const char* formatName(ExportFormat format);

/// Checks `path` as the output of an export of `sources` (the files the map is read from; empty
/// strings are ignored). Refused, with a sentence naming the path: an empty path; a name not ending
/// in .png, .tif/.tiff or .pdf (unless `format` says what is written); the path of a source or of
/// anything that resolves to one (hard or symbolic link); a symbolic link; anything that exists
/// and is not a regular file (FIFO, device, socket, directory); an existing regular file whose
/// first bytes are not those of the format written (a PNG, TIFF or PDF signature); a directory
/// that does not exist.
Result<ExportTargetInfo> checkExportTarget(const std::string& path, const std::vector<std::string>& sources,
                                           std::optional<ExportFormat> format = std::nullopt);

/// Checks `path` as the folder an atlas writes its PNG pages into: a source, a symbolic link or
/// anything that exists and is not a folder is refused; a new folder needs an existing parent.
/// Each page file is then checked with checkExportTarget. `exists` says the folder is there.
Result<ExportTargetInfo> checkAtlasFolder(const std::string& path, const std::vector<std::string>& sources);

}  // namespace gis::exporting
