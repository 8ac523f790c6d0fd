#include "gis/export/png_export.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <chrono>
#include <condition_variable>
#include <mutex>
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
#include "gis/export/strip_helper.hpp"

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

namespace {

/// The strips of one streamed export on their way from the renderers to the encoder: each drawer
/// takes the next strip, draws it into its slot once the strip that slot held is encoded, and
/// the encoder takes them in frame order. Strip k lives in slot k % slots.
class StripRing {
public:
    StripRing(int slots, int frameW, int frameH, int stripRows)
        : m_frameW(frameW), m_frameH(frameH), m_stripRows(stripRows), m_strips((frameH + stripRows - 1) / stripRows),
          m_images(static_cast<std::size_t>(std::min(slots, m_strips))), m_drawn(static_cast<std::size_t>(m_strips), 0) {}

    int stripCount() const { return m_strips; }
    int firstRow(int strip) const { return strip * m_stripRows; }
    int rows(int strip) const { return std::min(m_stripRows, m_frameH - strip * m_stripRows); }
    /// Strips not yet taken by a drawer.
    int untaken() const { return std::max(0, m_strips - m_next.load()); }

    /// The next strip to draw, or -1 when every strip is taken.
    int take() {
        const int strip = m_next.fetch_add(1);
        return strip < m_strips ? strip : -1;
    }

    /// Waits until `strip`'s slot is free (the strip before it in that slot is encoded). A slot's
    /// pixels are allocated at its first use: after the upload has let the CPU meshes go, so the
    /// two are not held at once.
    render::Image& slotToDraw(int strip) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return strip < m_encoded + static_cast<int>(m_images.size()); });
        render::Image& image = m_images[static_cast<std::size_t>(strip) % m_images.size()];
        if (image.rgba.empty()) {
            image.width = m_frameW;
            image.height = std::min(m_stripRows, m_frameH);
            image.rgba.resize(static_cast<std::size_t>(m_frameW) * image.height * 4);
        }
        return image;
    }

    void markDrawn(int strip) {
        {
            std::lock_guard lock(m_mutex);
            m_drawn[static_cast<std::size_t>(strip)] = 1;
        }
        m_changed.notify_all();
    }

    /// Waits until `strip` is drawn, and gives its pixels.
    const render::Image& waitDrawn(int strip) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_drawn[static_cast<std::size_t>(strip)] != 0; });
        return m_images[static_cast<std::size_t>(strip) % m_images.size()];
    }

    void markEncoded(int strip) {
        {
            std::lock_guard lock(m_mutex);
            m_encoded = strip + 1;
        }
        m_changed.notify_all();
    }

private:
    int m_frameW, m_frameH, m_stripRows, m_strips;
    std::vector<render::Image> m_images;
    std::vector<char> m_drawn;
    std::atomic<int> m_next{0};
    int m_encoded = 0;
    std::mutex m_mutex;
    std::condition_variable m_changed;
};

/// Draws strips of `scene` with `renderer` until none is left to take; returns how many it drew.
int drawStrips(render::Renderer& renderer, scene::RenderScene& scene, StripRing& ring, int frameW) {
    render::RenderTarget target(frameW, ring.rows(0));
    const int frameOffsetY = scene.camera.tileOffsetYPx;
    int drawn = 0;
    for (int strip = ring.take(); strip >= 0; strip = ring.take(), ++drawn) {
        target.resize(frameW, ring.rows(strip));
        scene.camera.tileOffsetYPx = frameOffsetY + ring.firstRow(strip);
        renderer.render(scene, target);
        target.readPixelsInto(ring.slotToDraw(strip), 0, 0);
        ring.markDrawn(strip);
    }
    return drawn;
}

/// Puts the scene's meshes on the GPU and lets this copy of the scene go of their CPU copy: the
/// renderer uploads a layer again only when its geometry version changes, which it does not
/// between strips.
void uploadAndLetGo(render::Renderer& renderer, scene::RenderScene& scene) {
    renderer.upload(scene);
    const auto hollow = std::make_shared<const tess::LayerMeshes>();
    for (scene::LayerDraw& draw : scene.layers)
        if (draw.meshes) draw.meshes = hollow;
}

/// Whether any of the 64 × 64 probes of renderPage's blank check in this strip (its first `rows`
/// rows: a slot keeps the size of a full strip) differs from the frame's first pixel.
bool stripShowsSomething(const render::Image& strip, int firstRow, int rows, int frameH, const std::uint8_t* firstPixel) {
    constexpr int kSamples = 64;
    const std::size_t stride = static_cast<std::size_t>(strip.width) * 4;
    for (int j = 0; j < kSamples; ++j) {
        const int y = (frameH - 1) * j / (kSamples - 1) - firstRow;
        if (y < 0 || y >= rows) continue;
        for (int i = 0; i < kSamples; ++i) {
            const int x = (strip.width - 1) * i / (kSamples - 1);
            if (std::memcmp(firstPixel, strip.rgba.data() + static_cast<std::size_t>(y) * stride + x * 4u, 4) != 0) return true;
        }
    }
    return false;
}

}  // namespace

std::uint64_t estimatedDrawCost(const scene::RenderScene& scene) {
    std::uint64_t cost = 0;
    for (const scene::LayerDraw& draw : scene.layers) {
        if (!draw.visible || !draw.meshes) continue;
        for (const tess::LodLevel& level : draw.meshes->levels) {
            const bool lines = !level.outline.startDistances.empty();  // a line layer's, not outlines
            cost += level.fill.indices.size() / 3 + level.outline.segments.size() / 4 * (lines ? 3 : 1) +
                    level.points.positions.size() / 2 * 4;
        }
    }
    return cost;
}

Result<StreamedPng> exportPngStrips(render::Renderer& renderer, scene::RenderScene scene, const std::string& path, int dpi,
                                    int maxTileSizePx, bool releaseMeshes, StripHelper* helper) {
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

    // Bounded driver memory for the outlines, restored on every return path.
    struct BatchBound {
        render::Renderer& renderer;
        std::uint32_t previous;
        ~BatchBound() { renderer.setQuadsPerBatch(previous); }
    } batchBound{renderer, renderer.quadsPerBatch()};
    renderer.setQuadsPerBatch(kPngQuadsPerBatch);

    // One slot being encoded and one being drawn on each renderer (a fourth was no faster at 10k
    // and held 4 MB more).
    StripRing ring(helper != nullptr ? 3 : 2, frameW, frameH, stripRows);
    int stripsBySecondRenderer = 0;
    if (helper != nullptr) {
        if (!helper->started()) helper->start();
        // Its own copy of the scene (the camera moves per strip), uploaded to its own context.
        helper->post([&ring, &stripsBySecondRenderer, frameW, helperScene = scene, releaseMeshes](render::Renderer* second) mutable {
            if (second == nullptr || ring.untaken() < 2) return;  // too late to be worth its upload
            if (releaseMeshes) uploadAndLetGo(*second, helperScene);
            second->setQuadsPerBatch(kPngQuadsPerBatch);
            stripsBySecondRenderer = drawStrips(*second, helperScene, ring, frameW);
        });
    }
    if (releaseMeshes) uploadAndLetGo(renderer, scene);

    // An opaque background under premultiplied blending keeps every pixel opaque: RGB throughout.
    PngBandEncoder encoder(frameW, frameH, 3);
    const int lastStrip = ring.stripCount() - 1;
    std::uint8_t firstPixel[4] = {0, 0, 0, 0};
    bool showsSomething = false;
    // Every strip but the last is deflated on one core beside the drawing of the next ones; the
    // last one is deflated below on every core.
    std::thread stripEncoder([&] {
        for (int strip = 0; strip < lastStrip; ++strip) {
            const render::Image& pixels = ring.waitDrawn(strip);
            if (strip == 0) std::memcpy(firstPixel, pixels.rgba.data(), 4);
            showsSomething = showsSomething || stripShowsSomething(pixels, ring.firstRow(strip), ring.rows(strip), frameH, firstPixel);
            encoder.addRows(pixels.rgba.data(), static_cast<std::size_t>(frameW) * 4, ring.rows(strip), 1);
            encoder.writeAvailable(toFile, dpi);  // a failure shows again in finishTo, or in the file's commit
            ring.markEncoded(strip);
        }
    });
    struct Joiner {
        std::thread& thread;
        ~Joiner() {
            if (thread.joinable()) thread.join();
        }
    } joiner{stripEncoder};

    drawStrips(renderer, scene, ring, frameW);
    if (helper != nullptr) helper->wait();
    stripEncoder.join();
    const render::Image& last = ring.waitDrawn(lastStrip);
    if (lastStrip == 0) std::memcpy(firstPixel, last.rgba.data(), 4);
    showsSomething = showsSomething || stripShowsSomething(last, ring.firstRow(lastStrip), ring.rows(lastStrip), frameH, firstPixel);

    StreamedPng timings;
    timings.render = std::chrono::duration<double>(Clock::now() - start).count();
    timings.strips = ring.stripCount();
    timings.stripsBySecondRenderer = stripsBySecondRenderer;
    if (!showsSomething)
        return makeError(ErrorCode::Io, "the rendered map came out blank (" + std::to_string(frameW) + " × " + std::to_string(frameH) +
                                            " px, one colour): nothing was written. The GL driver may have run out of memory; try a lower --dpi");
    const auto encodeStart = Clock::now();
    encoder.addRows(last.rgba.data(), static_cast<std::size_t>(frameW) * 4, ring.rows(lastStrip), std::thread::hardware_concurrency());
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
