#pragma once
/// The resolution of a PNG as its pHYs chunk (PNG specification 11.3.5.3). GDAL's PNG driver
/// keeps a resolution only in a side-car .aux.xml, which Word and LibreOffice never read; the
/// chunk is what makes a 300 dpi A4 map paste at A4 size.
#include <cstdint>
#include <vector>

namespace gis::exporting {

/// Inserts (or replaces) the pHYs chunk of an encoded PNG, right after IHDR. Returns false and
/// leaves `png` alone when it does not start with a PNG signature and IHDR.
bool setPngDpi(std::vector<std::uint8_t>& png, int dpi);

}  // namespace gis::exporting
