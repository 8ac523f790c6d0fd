#include "gis/export/png_export.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <chrono>
#include <thread>
#include <vector>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include "gis/data/gdal_error_capture.hpp"
#include "gis/export/atomic_file.hpp"
#include "gis/export/export_target.hpp"
#include "gis/export/png_encoder.hpp"

namespace gis::exporting {

namespace {

// Frames beyond this are refused: 16k x 16k RGBA is already 1 GiB of pixels.
constexpr long long kMaxFramePixels = 16384LL * 16384LL;

struct DatasetCloser {
    void operator()(void* ds) const noexcept { GDALClose(static_cast<GDALDatasetH>(ds)); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

/// GDAL's failure messages joined for an error sentence ("" when none).
std::string joinedErrors(const data::GdalErrorCapture& errors) {
    std::string joined;
    for (const std::string& message : errors.errors()) joined += (joined.empty() ? "" : "; ") + message;
    return joined;
}

}  // namespace

Result<render::Image> renderFrame(render::Renderer& renderer, const scene::RenderScene& scene, int maxTileSizePx) {
    const int frameW = scene.camera.frameWidthPx;
    const int frameH = scene.camera.frameHeightPx;
    if (frameW <= 0 || frameH <= 0 || static_cast<long long>(frameW) * frameH > kMaxFramePixels)
        return makeError(ErrorCode::BadInput, "Cannot render a frame of " + std::to_string(frameW) + " x " +
                                                  std::to_string(frameH) +
                                                  " pixels: the limit is 268 million pixels (16384 x 16384, 1 GiB of RGBA).");
    int tile = renderer.maxTargetSize();
    if (maxTileSizePx > 0) tile = std::min(tile, maxTileSizePx);
    tile = std::max(1, tile);

    render::Image image;
    image.width = frameW;
    image.height = frameH;
    image.rgba.resize(static_cast<std::size_t>(frameW) * frameH * 4);

    // Every tile draws the whole frame's camera shifted by its offset: labels and legend are
    // placed in frame pixels, so tiles join seamlessly.
    render::RenderTarget target(std::min(tile, frameW), std::min(tile, frameH));
    scene::RenderScene tileScene = scene;
    for (int y0 = 0; y0 < frameH; y0 += tile) {
        for (int x0 = 0; x0 < frameW; x0 += tile) {
            const int w = std::min(tile, frameW - x0);
            const int h = std::min(tile, frameH - y0);
            target.resize(w, h);
            tileScene.camera.tileOffsetXPx = scene.camera.tileOffsetXPx + x0;
            tileScene.camera.tileOffsetYPx = scene.camera.tileOffsetYPx + y0;
            renderer.render(tileScene, target);
            target.readPixelsInto(image, x0, y0);
        }
    }
    return image;
}

bool canStreamPng(const render::Renderer& renderer, const scene::RenderScene& scene, int maxTileSizePx) {
    int tile = renderer.maxTargetSize();
    if (maxTileSizePx > 0) tile = std::min(tile, maxTileSizePx);
    const int frameW = scene.camera.frameWidthPx;
    const int frameH = scene.camera.frameHeightPx;
    return scene.background.a == 255 && frameW > 0 && frameH > 0 && frameW <= tile && tile >= kPngRowsPerBand &&
           static_cast<long long>(frameW) * frameH <= kMaxFramePixels;
}

Result<StreamedPng> exportPngStrips(render::Renderer& renderer, scene::RenderScene scene, const std::string& path, int dpi,
                                    int maxTileSizePx, bool releaseMeshes) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    if (!canStreamPng(renderer, scene, maxTileSizePx))
        return makeError(ErrorCode::BadInput, "Cannot stream this frame to " + path + " (transparent background or too wide).");
    if (auto target = checkExportTarget(path, {}, ExportFormat::Png); !target) return target.error();
    // The file is written as the strips are encoded, beside the drawing of the next one: at the
    // end only the last strip's bytes, the fsync and the rename are left (a 9 MB PNG took 21 ms
    // to write after the render).
    auto file = AtomicFile::create(path, ExportFormat::Png);
    if (!file) return file.error();
    const PngBandEncoder::ByteSink toFile = [&file](const std::uint8_t* bytes, std::size_t size) { return file->write(bytes, size); };
    const int frameW = scene.camera.frameWidthPx;
    const int frameH = scene.camera.frameHeightPx;
    int tile = renderer.maxTargetSize();
    if (maxTileSizePx > 0) tile = std::min(tile, maxTileSizePx);
    const int stripRows = std::min(kPngStripRows, tile / kPngRowsPerBand * kPngRowsPerBand);

    if (releaseMeshes) {
        // On the GPU first, then let go before the strips' images exist: the renderer uploads a
        // layer again only when its geometry version changes, which it does not between strips.
        renderer.upload(scene);
        const auto hollow = std::make_shared<const tess::LayerMeshes>();
        for (scene::LayerDraw& draw : scene.layers)
            if (draw.meshes) draw.meshes = hollow;
    }
    // An opaque background under premultiplied blending keeps every pixel opaque: RGB throughout.
    PngBandEncoder encoder(frameW, frameH, 3);
    render::Image strips[2];
    for (render::Image& strip : strips) {
        strip.width = frameW;
        strip.height = std::min(stripRows, frameH);
        strip.rgba.resize(static_cast<std::size_t>(frameW) * strip.height * 4);
    }
    const std::size_t stride = static_cast<std::size_t>(frameW) * 4;
    std::thread worker;
    struct Joiner {
        std::thread& thread;
        ~Joiner() {
            if (thread.joinable()) thread.join();
        }
    } joiner{worker};

    // The blank check of renderPage, on the same 64 × 64 probes, strip by strip.
    constexpr int kSamples = 64;
    std::uint8_t firstPixel[4] = {0, 0, 0, 0};
    bool showsSomething = false;

    // Bounded driver memory for the outlines, restored on every return path.
    struct BatchBound {
        render::Renderer& renderer;
        std::uint32_t previous;
        ~BatchBound() { renderer.setQuadsPerBatch(previous); }
    } batchBound{renderer, renderer.quadsPerBatch()};
    renderer.setQuadsPerBatch(kPngQuadsPerBatch);

    render::RenderTarget target(frameW, std::min(stripRows, frameH));
    const int frameOffsetY = scene.camera.tileOffsetYPx;
    for (int y0 = 0, k = 0; y0 < frameH; y0 += stripRows, ++k) {
        const int rows = std::min(stripRows, frameH - y0);
        target.resize(frameW, rows);
        scene.camera.tileOffsetYPx = frameOffsetY + y0;
        renderer.render(scene, target);
        render::Image& strip = strips[k % 2];  // the worker has the other one
        target.readPixelsInto(strip, 0, 0);
        if (y0 == 0) std::memcpy(firstPixel, strip.rgba.data(), 4);
        for (int j = 0; j < kSamples && !showsSomething; ++j) {
            const int y = (frameH - 1) * j / (kSamples - 1) - y0;
            if (y < 0 || y >= rows) continue;
            for (int i = 0; i < kSamples && !showsSomething; ++i) {
                const int x = (frameW - 1) * i / (kSamples - 1);
                showsSomething = std::memcmp(firstPixel, strip.rgba.data() + static_cast<std::size_t>(y) * stride + x * 4u, 4) != 0;
            }
        }
        if (worker.joinable()) worker.join();
        const bool last = y0 + rows >= frameH;
        if (last) break;  // the last strip is deflated below on every core
        worker = std::thread([&encoder, &strip, stride, rows, &toFile, dpi] {
            encoder.addRows(strip.rgba.data(), stride, rows, 1);
            encoder.writeAvailable(toFile, dpi);  // a failure shows again in finishTo, or in the file's commit
        });
    }
    StreamedPng timings;
    timings.render = std::chrono::duration<double>(Clock::now() - start).count();
    if (!showsSomething)
        return makeError(ErrorCode::Io, "the rendered map came out blank (" + std::to_string(frameW) + " × " + std::to_string(frameH) +
                                            " px, one colour): nothing was written. The GL driver may have run out of memory; try a lower --dpi");
    const auto encodeStart = Clock::now();
    const int lastStrip = (frameH - 1) / stripRows;
    encoder.addRows(strips[lastStrip % 2].rgba.data(), stride, frameH - encoder.rowsAdded(), std::thread::hardware_concurrency());
    if (!encoder.finishTo(toFile, dpi) && !file->failed())
        return makeError(ErrorCode::Io, "Cannot write " + path + ": the PNG data could not be compressed.");
    if (Status saved = file->commit(); !saved) return saved.error();  // a failed write reports here
    timings.encode = std::chrono::duration<double>(Clock::now() - encodeStart).count();
    return timings;
}

Status writeRaster(const render::Image& image, const std::string& path, const RasterFile& file) {
    const std::string kind = file.format == RasterFormat::GeoTiff ? "GeoTIFF" : "PNG";
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
        return makeError(ErrorCode::BadInput, "Cannot write " + path + ": the image is empty or inconsistent.");
    // Every writer (the CLI, the window, screenshots) gets the same refusal of links, FIFOs,
    // devices and files that are not our images; the sources are checked by the callers that know them.
    const ExportFormat format = file.format == RasterFormat::GeoTiff ? ExportFormat::GeoTiff : ExportFormat::Png;
    if (auto target = checkExportTarget(path, {}, format); !target) return target.error();
    if (format == ExportFormat::Png) {
        // Our band-parallel encoder: GDAL's PNG driver (libpng, one core) took longer than the render.
        const std::vector<std::uint8_t> png = encodePng(image, file.dpi);
        if (png.empty()) return makeError(ErrorCode::Io, "Cannot write " + path + ": the PNG data could not be compressed.");
        return writeFileAtomically(path, png.data(), png.size(), format);
    }
    data::ensureGdalRegistered();
    data::GdalErrorCapture errors;
    GDALDriverH memDriver = GDALGetDriverByName("MEM");
    GDALDriverH outDriver = GDALGetDriverByName(file.format == RasterFormat::GeoTiff ? "GTiff" : "PNG");
    if (memDriver == nullptr || outDriver == nullptr)
        return makeError(ErrorCode::Io, "Cannot write " + path + ": GDAL has no MEM or " + kind + " driver.");

    // A map frame is opaque: an RGB image is a quarter smaller and faster to encode than RGBA.
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    const int bands = opaque ? 3 : 4;
    DatasetPtr mem(GDALCreate(memDriver, "", image.width, image.height, bands, GDT_Byte, nullptr));
    if (!mem) return makeError(ErrorCode::Io, "Cannot write " + path + ": " + joinedErrors(errors));
    const auto memDs = static_cast<GDALDatasetH>(mem.get());
    // Interleaved RGBA in, one band per channel: pixel stride 4 bytes, line stride width*4.
    const CPLErr written = GDALDatasetRasterIO(memDs, GF_Write, 0, 0, image.width, image.height,
                                               const_cast<std::uint8_t*>(image.rgba.data()), image.width, image.height,
                                               GDT_Byte, bands, nullptr, 4, static_cast<GSpacing>(image.width) * 4, 1);
    if (written != CE_None) return makeError(ErrorCode::Io, "Cannot write " + path + ": " + joinedErrors(errors));
    if (!opaque) GDALSetRasterColorInterpretation(GDALGetRasterBand(memDs, 4), GCI_AlphaBand);
    if (file.dpi > 0 && format == ExportFormat::GeoTiff) {
        // GTiff writes these as its resolution tags (PNG gets its pHYs chunk below): a word
        // processor then places a 300 dpi A4 map at A4 size.
        const std::string dpi = std::to_string(file.dpi);
        GDALSetMetadataItem(memDs, "TIFFTAG_XRESOLUTION", dpi.c_str(), nullptr);
        GDALSetMetadataItem(memDs, "TIFFTAG_YRESOLUTION", dpi.c_str(), nullptr);
        GDALSetMetadataItem(memDs, "TIFFTAG_RESOLUTIONUNIT", "2", nullptr);  // inches
    }
    if (file.geoTransform) {
        double transform[6];
        std::copy(file.geoTransform->begin(), file.geoTransform->end(), transform);
        GDALSetGeoTransform(memDs, transform);
        if (!file.crs.empty()) {
            OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
            if (OSRSetFromUserInput(srs, file.crs.c_str()) == OGRERR_NONE) GDALSetSpatialRef(memDs, srs);
            OSRDestroySpatialReference(srs);
        }
    }

    char** options = nullptr;
    options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
    options = CSLSetNameValue(options, "PREDICTOR", "2");
    options = CSLSetNameValue(options, "TILED", "YES");
    options = CSLSetNameValue(options, "PHOTOMETRIC", "RGB");
    // Encoded in memory first: GDAL opens files by name and follows whatever is there, so the
    // bytes reach the disk only through our own exclusive temporary file (see writeFileAtomically).
    static std::atomic<unsigned> exportCounter{0};
    const std::string encoded = "/vsimem/ntm_export_" + std::to_string(exportCounter++) +
                                (file.format == RasterFormat::GeoTiff ? ".tif" : ".png");
    DatasetPtr out(GDALCreateCopy(outDriver, encoded.c_str(), memDs, FALSE, options, nullptr, nullptr));
    CSLDestroy(options);
    if (!out) {
        VSIUnlink(encoded.c_str());
        const std::string reason = joinedErrors(errors).empty() ? "GDAL could not encode the image" : joinedErrors(errors);
        return makeError(ErrorCode::Io, "Cannot write " + kind + " " + path + ": " + reason + ".");
    }
    out.reset();  // flushes and closes; the file is complete only on close
    vsi_l_offset length = 0;
    GByte* bytes = VSIGetMemFileBuffer(encoded.c_str(), &length, FALSE);
    if (!joinedErrors(errors).empty() || bytes == nullptr) {
        VSIUnlink(encoded.c_str());
        return makeError(ErrorCode::Io, "Cannot write " + kind + " " + path + ": " + joinedErrors(errors) + ".");
    }
    std::vector<std::uint8_t> fileBytes(bytes, bytes + length);
    VSIUnlink(encoded.c_str());
    Status saved = writeFileAtomically(path, fileBytes.data(), fileBytes.size(), format);
    if (!saved) return saved.error();
    return Ok{};
}

Status writePng(const render::Image& image, const std::string& path, int dpi) {
    RasterFile file;
    file.dpi = dpi;
    return writeRaster(image, path, file);
}

}  // namespace gis::exporting
