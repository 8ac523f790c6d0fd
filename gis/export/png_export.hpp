#pragma once
/// Headless map export: renders a scene of any size (tiles above the GL limit) and writes a PNG.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "gis/core/result.hpp"
#include "gis/render/image.hpp"
#include "gis/render/renderer.hpp"

namespace gis::exporting {

class StripHelper;

/// Renders `scene` at its camera's full frame size, tile by tile when larger than
/// `renderer.maxTargetSize()` (or `maxTileSizePx` when > 0), and returns the whole image.
Result<render::Image> renderFrame(render::Renderer& renderer, const scene::RenderScene& scene, int maxTileSizePx = 0);

/// Rows of a strip of a streamed PNG export (a multiple of kPngRowsPerBand). 256 rather than 512:
/// the two strip images, the strip target and llvmpipe's binned scene shrink with it, 16 MB off
/// the national export's peak (208 -> 191-192 MB, 2026-12-07), for about 5 % more render time
/// (twelve strips instead of six at 3000 rows). Pixels on edges move by rounding (820 of 12 M,
/// most by 1-2 levels).
inline constexpr int kPngStripRows = 256;

/// Segment and point-symbol quads a streamed export draws as one batch (render::Renderer::
/// setQuadsPerBatch): on llvmpipe the national export's peak memory fell from 254 MB to about
/// 221 MB (2026-12-06; smaller pieces saved no more). Waiting for each batch left the rasterizer
/// threads idle while the next was set up; with one batch drawing while the next is set up the
/// national render went from 0.24 to 0.20 s (median of 7, interleaved, 2026-12-07) for 2 MB more.
inline constexpr std::uint32_t kPngQuadsPerBatch = 5000;

/// Whether exportPngStrips can draw `scene`: an opaque background (every pixel then is, so the
/// file is RGB from the first strip on) and a frame width the GL target takes in one piece.
bool canStreamPng(const render::Renderer& renderer, const scene::RenderScene& scene, int maxTileSizePx = 0);

struct StreamedPng {
    double render = 0;  ///< the strips drawn and read back, each encoded on a worker while the next one draws
    double encode = 0;  ///< what is left after the last strip: its bands, the file assembled and written
    int strips = 0;
    int stripsBySecondRenderer = 0;  ///< drawn by the StripHelper
};

/// Renders `scene` in full-width strips and deflates each into the PNG while the next one renders,
/// so neither the whole frame nor a frame-sized render target is ever held (the 4000×3000 export
/// held both, 96 MB, and llvmpipe's per-target state). Refuses a blank render as renderPage does,
/// writing nothing; replaces `path` atomically as writePng does.
/// `releaseMeshes`: the layers' meshes are put on the GPU before the first strip (Renderer::upload)
/// and this call's copy of the scene then lets go of their CPU copy, before the strips' images are
/// allocated (with MapDocument::releaseGeometry it is the last holder, so the memory is freed).
/// `helper`: when not null, a second renderer (started here if it is not yet) draws strips
/// beside `renderer` as soon as it is ready; the pixels are the same (see StripHelper).
Result<StreamedPng> exportPngStrips(render::Renderer& renderer, scene::RenderScene scene, const std::string& path, int dpi,
                                    int maxTileSizePx = 0, bool releaseMeshes = false, StripHelper* helper = nullptr);

/// What drawing `scene` costs one llvmpipe renderer, in units of a fill triangle or an outline
/// segment (about 0.75 us each in a 4000 px wide export on these machines), over every level its
/// visible layers hold (a one-frame export holds one). A line segment counts 3 (casing and line,
/// wider) and a point symbol 4 (its quad and halo): measured 2026-12-07 on the 10,000-commune
/// set, communes alone drew in 0.17 s, its 56,000 road segments added 0.12 s and its 30,000
/// waste sites 0.09 s.
std::uint64_t estimatedDrawCost(const scene::RenderScene& scene);

enum class RasterFormat { Png, GeoTiff };

/// How a raster file is written: format, the resolution it declares, and (GeoTIFF) where it lies.
struct RasterFile {
    RasterFormat format = RasterFormat::Png;
    int dpi = 0;  ///< 0 = none declared; otherwise PNG pHYs / TIFF resolution tags
    std::optional<std::array<double, 6>> geoTransform;  ///< GDAL order: x0, dx, 0, y0, 0, -dy
    std::string crs;  ///< e.g. "EPSG:3857"
};

/// Writes RGBA pixels through GDAL, replacing `path` atomically. Refuses (checkExportTarget
/// without sources) a path that is a link, a FIFO, a device or an existing file that is not one
/// of our images. The error names the path.
Status writeRaster(const render::Image& image, const std::string& path, const RasterFile& file);

/// writeRaster as PNG, declaring `dpi` when > 0.
Status writePng(const render::Image& image, const std::string& path, int dpi = 0);

}  // namespace gis::exporting
