#pragma once
/// Our own PNG writer for map frames: rows filtered and deflated in bands on every core, joined
/// into one zlib stream (as pigz does), so a 4000×3000 map encodes in a fraction of libpng's time.
#include <cstdint>
#include <functional>
#include <vector>

#include "gis/render/image.hpp"

namespace gis::exporting {

/// The whole PNG file of `image` (8-bit RGB when every pixel is opaque, else RGBA), declaring
/// `dpi` in a pHYs chunk when > 0. Deterministic: the bytes do not depend on the thread count.
std::vector<std::uint8_t> encodePng(const render::Image& image, int dpi = 0);

/// The same file built from rows as they arrive (a frame rendered in strips): each call filters
/// and deflates its bands, so only the compressed bands stay, never the whole frame. Rows must
/// come top to bottom, every call but the last a multiple of kPngRowsPerBand rows; the bytes are
/// those encodePng gives for the whole image with the same channel count.
/// Rows per band: enough for deflate to find its matches (its window is 32 KB, a row of a
/// 4000 px map is 12 KB) and few enough bands to keep both cores busy on small frames.
inline constexpr int kPngRowsPerBand = 64;

/// Buffers one deflating thread reuses band after band (the filtered rows, igzip's output and its
/// level-1 work area): fresh ones each band cost a page fault per 4 KB.
struct PngBandScratch {
    std::vector<std::uint8_t> filtered, out, level;
};

class PngBandEncoder {
public:
    /// channels: 3 (RGB; the caller knows every pixel is opaque) or 4 (RGBA).
    PngBandEncoder(int width, int height, int channels);
    static constexpr unsigned kMaxThreads = 8;
    /// `rows` rows of straight-alpha RGBA (`strideBytes` apart, top first), continuing the image,
    /// deflated on `threads` threads (at most kMaxThreads). Calls must not overlap.
    void addRows(const std::uint8_t* rgba, std::size_t strideBytes, int rows, unsigned threads);
    int rowsAdded() const { return m_rowsAdded; }

    /// Where the file's bytes go, in order, as they become final; returns false to stop (the
    /// write failed).
    using ByteSink = std::function<bool(const std::uint8_t* bytes, std::size_t size)>;
    /// Hands `sink` what of the file is final so far: the signature and headers on the first call
    /// (declaring `dpi` in a pHYs chunk when > 0; give the same dpi every call), then every whole
    /// IDAT chunk the rows added so far fill. Their deflated bytes are then let go. So a frame
    /// rendered in strips is written while the next strip is drawn. False when a band could not
    /// be deflated (the deflater refused; never seen) or the sink refused.
    bool writeAvailable(const ByteSink& sink, int dpi);
    /// Once every row is in: hands `sink` the rest of the file (the last IDAT chunk, the stream's
    /// Adler-32, IEND). The bytes `sink` receives over all calls are the whole file, the same
    /// whether or not writeAvailable was called before.
    bool finishTo(const ByteSink& sink, int dpi);
    /// The whole file in memory, once every row is in. Empty when a band could not be deflated.
    std::vector<std::uint8_t> finish(int dpi);

private:
    struct Band {
        std::vector<std::uint8_t> deflated;
        std::uint32_t adler = 1;
        std::size_t filteredBytes = 0;
        bool ok = true;
    };
    /// Appends stream bytes to the IDAT chunk being filled, handing each full chunk to `sink`.
    bool appendToStream(const ByteSink& sink, const std::uint8_t* bytes, std::size_t size);

    int m_width, m_height, m_channels;
    int m_rowsAdded = 0;
    std::vector<Band> m_bands;
    std::vector<PngBandScratch> m_scratch;  ///< one per thread of addRows, kept between calls
    bool m_headerWritten = false;
    std::size_t m_bandsWritten = 0;         ///< bands whose bytes went into the stream
    std::vector<std::uint8_t> m_idat;       ///< the IDAT chunk being filled (its data only)
};

}  // namespace gis::exporting
