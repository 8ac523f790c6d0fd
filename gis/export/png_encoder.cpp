#include "gis/export/png_encoder.hpp"

#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <thread>

namespace gis::exporting {

namespace {

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void appendChunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data, std::size_t length) {
    appendBigEndian(out, static_cast<std::uint32_t>(length));
    const std::size_t typeAt = out.size();
    out.insert(out.end(), type, type + 4);
    if (length > 0) out.insert(out.end(), data, data + length);
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), out.data() + typeAt, static_cast<uInt>(length + 4));
    appendBigEndian(out, static_cast<std::uint32_t>(crc));
}

/// Byte-wise a - b of four packed bytes, without borrows between them (SWAR).
inline std::uint32_t subtractBytes(std::uint32_t a, std::uint32_t b) {
    return ((a | 0x80808080u) - (b & 0x7F7F7F7Fu)) ^ ((a ^ ~b) & 0x80808080u);
}

/// The "Sub" filter (each byte minus the one a pixel to its left): a map is mostly runs of one
/// colour, which this turns into runs of zeros that deflate's run matching eats at level 1
/// speed, while "Up" or adaptive filtering cost more time for no smaller file here. A pixel's
/// four bytes are subtracted at once; for RGB the fourth (alpha) lands on the next pixel's first
/// byte and is overwritten by it, so `out` needs one byte of room past the row.
void filterRow(const std::uint8_t* rgba, int width, int channels, std::uint8_t* out) {
    out[0] = 1;  // filter type Sub
    std::uint8_t* o = out + 1;
    std::uint32_t left = 0;  // the pixel left of the first is zero: its bytes stay as they are
    for (int x = 0; x < width; ++x) {
        std::uint32_t pixel;
        std::memcpy(&pixel, rgba + static_cast<std::size_t>(x) * 4, 4);
        const std::uint32_t difference = subtractBytes(pixel, left);
        std::memcpy(o + static_cast<std::size_t>(x) * channels, &difference, 4);
        left = pixel;
    }
}

/// One band (rows row0..row1 of the image, `stride` bytes apart), filtered and deflated as raw
/// deflate data ending on a byte boundary (full flush), so the bands concatenate into one
/// stream; only the last band ends the stream.
bool deflateBand(const std::uint8_t* rgba, std::size_t stride, int width, int channels, int rows, bool last,
                 PngBandScratch& scratch, std::vector<std::uint8_t>& deflated, std::uint32_t& adlerOut, std::size_t& filteredBytes) {
    const std::size_t rowBytes = 1 + static_cast<std::size_t>(width) * channels;
    std::vector<std::uint8_t>& filtered = scratch.filtered;
    filteredBytes = rowBytes * static_cast<std::size_t>(rows);
    // igzip reads a few bytes before and past its input as it hashes the first and last
    // positions: both pads are zeroed, so neither the heap nor an earlier band in the buffer
    // changes this band's bytes (a rarer variation inside igzip remains; README, Performance).
    constexpr std::size_t kTailBytes = 64;  // also takes filterRow's one byte past the last row
    constexpr std::size_t kHeadBytes = 64;
    if (filtered.size() < kHeadBytes + filteredBytes + kTailBytes) filtered.resize(kHeadBytes + filteredBytes + kTailBytes);
    std::uint8_t* const input = filtered.data() + kHeadBytes;
    for (int y = 0; y < rows; ++y)
        filterRow(rgba + static_cast<std::size_t>(y) * stride, width, channels, input + static_cast<std::size_t>(y) * rowBytes);
    std::fill(filtered.begin(), filtered.begin() + static_cast<std::ptrdiff_t>(kHeadBytes), 0);
    std::fill(input + filteredBytes, input + filteredBytes + kTailBytes, 0);
    adlerOut = isal_adler32(1, input, filteredBytes);

    // Raw deflate (the zlib header and Adler-32 are written once around all bands) by ISA-L's
    // igzip at level 1, which runs a few times faster than zlib's fastest level on these rows.
    // A full flush ends a band byte-aligned and not final, so the bands join into one stream.
    // igzip keeps its match hash in this area and does not clear it: zeroed for every band, so the
    // bytes of a band never depend on what the thread deflated before (nor on the thread count).
    scratch.level.assign(ISAL_DEF_LVL1_DEFAULT, 0);
    isal_zstream zs{};
    isal_deflate_stateless_init(&zs);
    zs.level = 1;
    zs.level_buf = scratch.level.data();
    zs.level_buf_size = static_cast<std::uint32_t>(scratch.level.size());
    zs.gzip_flag = IGZIP_DEFLATE;
    zs.flush = FULL_FLUSH;
    zs.end_of_stream = last ? 1 : 0;
    // Stateless deflate needs room for the worst case, the whole input as stored blocks (5
    // bytes of header each 64 KB): a bound well above it.
    std::vector<std::uint8_t>& out = scratch.out;
    if (out.size() < filteredBytes + filteredBytes / 16 + 1024) out.resize(filteredBytes + filteredBytes / 16 + 1024);
    zs.next_in = input;
    zs.avail_in = static_cast<std::uint32_t>(filteredBytes);
    zs.next_out = out.data();
    zs.avail_out = static_cast<std::uint32_t>(out.size());
    if (isal_deflate_stateless(&zs) != COMP_OK) return false;
    deflated.assign(out.data(), out.data() + (out.size() - zs.avail_out));
    return true;
}

}  // namespace

PngBandEncoder::PngBandEncoder(int width, int height, int channels) : m_width(width), m_height(height), m_channels(channels) {
    m_bands.reserve(static_cast<std::size_t>(std::max(1, (height + kPngRowsPerBand - 1) / kPngRowsPerBand)));
}

void PngBandEncoder::addRows(const std::uint8_t* rgba, std::size_t strideBytes, int rows, unsigned threads) {
    rows = std::min(rows, m_height - m_rowsAdded);
    if (rows <= 0) return;
    const int firstBand = static_cast<int>(m_bands.size());
    const int bandCount = (rows + kPngRowsPerBand - 1) / kPngRowsPerBand;
    m_bands.resize(m_bands.size() + static_cast<std::size_t>(bandCount));
    const int endRow = m_rowsAdded + rows;
    threads = std::clamp(threads, 1u, kMaxThreads);
    if (m_scratch.size() < threads) m_scratch.resize(threads);
    auto work = [&](unsigned index) {
        // Interleaved bands: neighbours go to different threads, so both finish together.
        for (int b = static_cast<int>(index); b < bandCount; b += static_cast<int>(threads)) {
            const int row0 = b * kPngRowsPerBand;
            const int bandRows = std::min(kPngRowsPerBand, rows - row0);
            Band& band = m_bands[static_cast<std::size_t>(firstBand + b)];
            band.ok = deflateBand(rgba + static_cast<std::size_t>(row0) * strideBytes, strideBytes, m_width, m_channels, bandRows,
                        m_rowsAdded + row0 + bandRows == m_height, m_scratch[index], band.deflated, band.adler, band.filteredBytes);
        }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads && t < static_cast<unsigned>(bandCount); ++t) workers.emplace_back(work, t);
    work(0);
    for (std::thread& worker : workers) worker.join();
    m_rowsAdded = endRow;
}

/// The zlib stream is cut into IDAT chunks of this many bytes, as encoders usually write it.
constexpr std::size_t kIdatBytes = 1u << 20;

bool PngBandEncoder::appendToStream(const ByteSink& sink, const std::uint8_t* bytes, std::size_t size) {
    std::vector<std::uint8_t> chunk;
    while (size > 0) {
        const std::size_t take = std::min(kIdatBytes - m_idat.size(), size);
        m_idat.insert(m_idat.end(), bytes, bytes + take);
        bytes += take;
        size -= take;
        if (m_idat.size() < kIdatBytes) break;
        chunk.clear();
        appendChunk(chunk, "IDAT", m_idat.data(), m_idat.size());
        m_idat.clear();
        if (!sink(chunk.data(), chunk.size())) return false;
    }
    return true;
}

bool PngBandEncoder::writeAvailable(const ByteSink& sink, int dpi) {
    if (!m_headerWritten) {
        static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        std::vector<std::uint8_t> head(std::begin(kSignature), std::end(kSignature));
        std::vector<std::uint8_t> header;
        appendBigEndian(header, static_cast<std::uint32_t>(m_width));
        appendBigEndian(header, static_cast<std::uint32_t>(m_height));
        for (const std::uint8_t byte : {std::uint8_t{8}, std::uint8_t(m_channels == 3 ? 2 : 6), std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0}})
            header.push_back(byte);  // 8 bit, RGB/RGBA, deflate, adaptive filters, no interlace
        appendChunk(head, "IHDR", header.data(), header.size());
        if (dpi > 0) {
            const auto perMetre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
            std::vector<std::uint8_t> phys;
            appendBigEndian(phys, perMetre);
            appendBigEndian(phys, perMetre);
            phys.push_back(1);  // unit: the metre
            appendChunk(head, "pHYs", phys.data(), phys.size());
        }
        if (!sink(head.data(), head.size())) return false;
        m_headerWritten = true;
        // One zlib stream: this header (deflate, 32 KB window, fastest), the bands, the combined Adler-32.
        static constexpr std::uint8_t kZlibHeader[2] = {0x78, 0x01};
        m_idat.reserve(kIdatBytes);
        if (!appendToStream(sink, kZlibHeader, 2)) return false;
    }
    for (; m_bandsWritten < m_bands.size(); ++m_bandsWritten) {
        Band& band = m_bands[m_bandsWritten];
        if (!band.ok || !appendToStream(sink, band.deflated.data(), band.deflated.size())) return false;
        std::vector<std::uint8_t>().swap(band.deflated);  // in the stream now: only its Adler-32 is still needed
    }
    return true;
}

bool PngBandEncoder::finishTo(const ByteSink& sink, int dpi) {
    if (!writeAvailable(sink, dpi)) return false;
    uLong adler = adler32(0L, Z_NULL, 0);
    for (const Band& band : m_bands) adler = adler32_combine(adler, band.adler, static_cast<z_off_t>(band.filteredBytes));
    std::uint8_t trailer[4];
    for (int i = 0; i < 4; ++i) trailer[i] = static_cast<std::uint8_t>(adler >> (24 - 8 * i));
    if (!appendToStream(sink, trailer, 4)) return false;
    std::vector<std::uint8_t> tail;
    if (!m_idat.empty()) appendChunk(tail, "IDAT", m_idat.data(), m_idat.size());
    m_idat.clear();
    appendChunk(tail, "IEND", nullptr, 0);
    return sink(tail.data(), tail.size());
}

std::vector<std::uint8_t> PngBandEncoder::finish(int dpi) {
    std::size_t deflatedBytes = 0;
    for (const Band& band : m_bands) deflatedBytes += band.deflated.size();
    std::vector<std::uint8_t> png;
    png.reserve(deflatedBytes + deflatedBytes / kIdatBytes * 12 + 256);
    const bool ok = finishTo(
        [&png](const std::uint8_t* bytes, std::size_t size) {
            png.insert(png.end(), bytes, bytes + size);
            return true;
        },
        dpi);
    if (!ok) return {};
    return png;
}

std::vector<std::uint8_t> encodePng(const render::Image& image, int dpi) {
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    PngBandEncoder encoder(image.width, image.height, opaque ? 3 : 4);
    encoder.addRows(image.rgba.data(), static_cast<std::size_t>(image.width) * 4, image.height, std::thread::hardware_concurrency());
    return encoder.finish(dpi);
}

}  // namespace gis::exporting
