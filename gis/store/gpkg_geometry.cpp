#include "gis/store/gpkg_geometry.hpp"

#include <cstring>

namespace gis::store {
namespace {

template <class T>
void appendLittleEndian(std::vector<std::uint8_t>& out, T value) {
    std::uint8_t bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));  // every target we build for is little-endian (x86-64, arm64)
    out.insert(out.end(), bytes, bytes + sizeof(T));
}

}  // namespace

std::vector<std::uint8_t> encodeGpkgGeometry(const OGRGeometry& geometry, std::int32_t srsId) {
    std::vector<std::uint8_t> out{'G', 'P', 0 /* version 1 */};
    const bool empty = geometry.IsEmpty();
    // flags: bit 0 little-endian, bits 1-3 envelope kind (1 = xy), bit 4 empty geometry.
    const std::uint8_t flags = static_cast<std::uint8_t>(0x01 | (empty ? 0x10 : 0x02));
    out.push_back(flags);
    appendLittleEndian(out, srsId);
    if (!empty) {
        OGREnvelope env;
        geometry.getEnvelope(&env);
        appendLittleEndian(out, env.MinX);
        appendLittleEndian(out, env.MaxX);
        appendLittleEndian(out, env.MinY);
        appendLittleEndian(out, env.MaxY);
    }
    const std::size_t headerSize = out.size();
    out.resize(headerSize + static_cast<std::size_t>(geometry.WkbSize()));
    geometry.exportToWkb(wkbNDR, out.data() + headerSize, wkbVariantIso);
    return out;
}

std::unique_ptr<OGRGeometry> decodeGpkgGeometry(const std::vector<std::uint8_t>& blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P') return nullptr;
    static constexpr std::size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64, 0, 0, 0};
    const std::size_t offset = 8 + kEnvelopeBytes[(blob[3] >> 1) & 0x07];
    if (blob.size() <= offset) return nullptr;
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkb(blob.data() + offset, nullptr, &geometry, blob.size() - offset) != OGRERR_NONE)
        return nullptr;
    return std::unique_ptr<OGRGeometry>(geometry);
}

}  // namespace gis::store
