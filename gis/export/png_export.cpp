#include "gis/export/png_export.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include "gis/data/gdal_error_capture.hpp"
#include "gis/export/export_target.hpp"

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

/// Writes `size` bytes to `path` through a fresh temporary file beside it (created exclusively, so
/// it can be no existing file, link or FIFO), renamed over `path` only when complete: a failed
/// export (disk full, killed) never leaves a truncated PNG where the user's previous map was. The
/// target is checked again just before the rename, in case something replaced it meanwhile.
Status writeFileAtomically(const std::string& path, const GByte* bytes, std::size_t size) {
    std::string temp = path + ".XXXXXX.partial";
    const int fd = mkstemps(temp.data(), static_cast<int>(std::strlen(".partial")));
    if (fd < 0) return makeError(ErrorCode::Io, "Cannot write PNG " + path + ": " + std::strerror(errno) + ".");
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
        return makeError(ErrorCode::Io, "Cannot write PNG " + path + ": " + std::strerror(savedErrno != 0 ? savedErrno : errno) + ".");
    }
    if (auto target = checkExportTarget(path, {}); !target) {
        std::filesystem::remove(temp, ignored);
        return target.error();
    }
    std::error_code renamed;
    std::filesystem::rename(temp, path, renamed);
    if (renamed) {
        std::filesystem::remove(temp, ignored);
        return makeError(ErrorCode::Io, "Cannot write PNG " + path + ": " + renamed.message() + ".");
    }
    return Ok{};
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
            const render::Image part = target.readPixels();
            const std::size_t rowBytes = static_cast<std::size_t>(w) * 4;
            for (int row = 0; row < h; ++row)
                std::memcpy(image.rgba.data() + (static_cast<std::size_t>(y0 + row) * frameW + x0) * 4,
                            part.rgba.data() + static_cast<std::size_t>(row) * rowBytes, rowBytes);
        }
    }
    return image;
}

Status writePng(const render::Image& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
        return makeError(ErrorCode::BadInput, "Cannot write " + path + ": the image is empty or inconsistent.");
    // Every writer (the CLI, the window, screenshots) gets the same refusal of links, FIFOs,
    // devices and non-PNG files; the sources are checked by the callers that know them.
    if (auto target = checkExportTarget(path, {}); !target) return target.error();
    data::ensureGdalRegistered();
    data::GdalErrorCapture errors;
    GDALDriverH memDriver = GDALGetDriverByName("MEM");
    GDALDriverH pngDriver = GDALGetDriverByName("PNG");
    if (memDriver == nullptr || pngDriver == nullptr)
        return makeError(ErrorCode::Io, "Cannot write " + path + ": GDAL has no MEM or PNG driver.");

    // A map frame is opaque: an RGB PNG is a quarter smaller and faster to encode than RGBA.
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    const int bands = opaque ? 3 : 4;
    DatasetPtr mem(GDALCreate(memDriver, "", image.width, image.height, bands, GDT_Byte, nullptr));
    if (!mem) return makeError(ErrorCode::Io, "Cannot write " + path + ": " + joinedErrors(errors));
    // Interleaved RGBA in, one band per channel: pixel stride 4 bytes, line stride width*4.
    const CPLErr written = GDALDatasetRasterIO(
        static_cast<GDALDatasetH>(mem.get()), GF_Write, 0, 0, image.width, image.height,
        const_cast<std::uint8_t*>(image.rgba.data()), image.width, image.height, GDT_Byte, bands, nullptr, 4,
        static_cast<GSpacing>(image.width) * 4, 1);
    if (written != CE_None) return makeError(ErrorCode::Io, "Cannot write " + path + ": " + joinedErrors(errors));
    if (!opaque) GDALSetRasterColorInterpretation(GDALGetRasterBand(static_cast<GDALDatasetH>(mem.get()), 4), GCI_AlphaBand);

    // zlib level 3: about 40 % faster than the default 6 on a 4000×3000 map for ~12 % more bytes.
    char** options = CSLSetNameValue(nullptr, "ZLEVEL", "3");
    // Encoded in memory first: GDAL opens files by name and follows whatever is there, so the
    // bytes reach the disk only through our own exclusive temporary file (see writeFileAtomically).
    static std::atomic<unsigned> exportCounter{0};
    const std::string encoded = "/vsimem/ntm_export_" + std::to_string(exportCounter++) + ".png";
    DatasetPtr png(GDALCreateCopy(pngDriver, encoded.c_str(), static_cast<GDALDatasetH>(mem.get()), FALSE, options,
                                  nullptr, nullptr));
    CSLDestroy(options);
    if (!png) {
        VSIUnlink(encoded.c_str());
        const std::string reason = joinedErrors(errors).empty() ? "GDAL could not encode the image" : joinedErrors(errors);
        return makeError(ErrorCode::Io, "Cannot write PNG " + path + ": " + reason + ".");
    }
    png.reset();  // flushes and closes; PNG is written on close
    vsi_l_offset length = 0;
    GByte* bytes = VSIGetMemFileBuffer(encoded.c_str(), &length, FALSE);
    if (!joinedErrors(errors).empty() || bytes == nullptr) {
        VSIUnlink(encoded.c_str());
        return makeError(ErrorCode::Io, "Cannot write PNG " + path + ": " + joinedErrors(errors) + ".");
    }
    Status saved = writeFileAtomically(path, bytes, static_cast<std::size_t>(length));
    VSIUnlink(encoded.c_str());
    if (!saved) return saved.error();
    return Ok{};
}

}  // namespace gis::exporting
