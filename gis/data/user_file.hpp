#pragma once
/// Files the user names are untrusted input. GDAL will happily follow a path to the network
/// (/vsicurl/, http:, PG:), into an archive or through an indirection (an OGR VRT naming
/// CSV:/etc/passwd), so everything we open for a user goes through here: the path must be a
/// plain local file or folder, and only the drivers we support may claim it.
#include <gdal_priv.h>

#include <string>

#include "gis/core/result.hpp"

namespace gis::data {

/// The GDAL vector drivers a user file may be opened with (README "Using it" and the
/// importers): no VRT, no network or database drivers. Null-terminated, for GDALOpenEx.
const char* const* supportedVectorDrivers();

/// Refuses what is not a plain local path: GDAL virtual file systems (/vsi…), URLs and
/// connection strings (http:, ftp:, PG:, CSV:…), names that do not exist, FIFOs and devices
/// (reading them would hang or never end). The message names the path and says why.
Status checkUserPath(const std::string& path);

/// checkUserPath, then GDALOpenEx read-only with the allow-list. Null with an Error whose
/// message names the file when it cannot be opened; GDAL's own text is kept out of it when
/// it could echo another file's content.
Result<GDALDatasetUniquePtr> openUserVectorFile(const std::string& path, const char* const* openOptions = nullptr);

/// Checks a user's --where text before it reaches a driver: one expression, no `;` (a second
/// statement), no control characters. Names the option in the message.
Status checkWhereText(const std::string& where);

/// Applies --where to the layer and makes the driver compile it (SQL drivers only do that on
/// the first read), so a filter that does not parse is reported as the filter's fault, never
/// as a damaged file. Leaves the layer reset to its first feature.
Status applyWhereFilter(OGRLayer& layer, const std::string& where, const std::string& label);

}  // namespace gis::data
