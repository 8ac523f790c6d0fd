#pragma once
/// Headless map export: renders a scene of any size (tiles above the GL limit) and writes a PNG.
#include <string>

#include "gis/core/result.hpp"
#include "gis/render/image.hpp"
#include "gis/render/renderer.hpp"

namespace gis::exporting {

/// Renders `scene` at its camera's full frame size, tile by tile when larger than
/// `renderer.maxTargetSize()` (or `maxTileSizePx` when > 0), and returns the whole image.
Result<render::Image> renderFrame(render::Renderer& renderer, const scene::RenderScene& scene, int maxTileSizePx = 0);

/// Writes RGBA pixels as PNG through GDAL, replacing `path` atomically. Refuses (checkExportTarget
/// without sources) a path that is a link, a FIFO, a device or an existing file that is not a PNG.
/// The error names the path.
Status writePng(const render::Image& image, const std::string& path);

}  // namespace gis::exporting
