#include "gis/export/paper.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace gis::exporting {

namespace {

constexpr int kMaxSidePx = 16384;

/// ISO 216 sizes in millimetres, short side first.
void paperMillimetres(Paper paper, double& shortMm, double& longMm) {
    shortMm = paper == Paper::A3 ? 297.0 : 210.0;
    longMm = paper == Paper::A3 ? 420.0 : 297.0;
}

int millimetresToPixels(double mm, int dpi) { return static_cast<int>(std::lround(mm / 25.4 * dpi)); }

/// MemAvailable from /proc/meminfo in bytes, or 0 when it cannot be read (then not checked).
long long availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        if (line.rfind("MemAvailable:", 0) != 0) continue;
        std::istringstream fields(line.substr(13));
        long long kib = 0;
        fields >> kib;
        return kib * 1024;
    }
    return 0;
}

}  // namespace

std::optional<Paper> parsePaper(const std::string& name) {
    if (name == "A4" || name == "a4") return Paper::A4;
    if (name == "A3" || name == "a3") return Paper::A3;
    return std::nullopt;
}

const char* paperName(Paper paper) { return paper == Paper::A3 ? "A3" : "A4"; }

bool isSupportedDpi(int dpi) { return dpi == 150 || dpi == 300 || dpi == 600; }

int PageSpec::pixelWidth() const {
    if (!paper) return widthPx;
    double shortMm = 0, longMm = 0;
    paperMillimetres(*paper, shortMm, longMm);
    return millimetresToPixels(landscape ? longMm : shortMm, dpi);
}

int PageSpec::pixelHeight() const {
    if (!paper) return heightPx;
    double shortMm = 0, longMm = 0;
    paperMillimetres(*paper, shortMm, longMm);
    return millimetresToPixels(landscape ? shortMm : longMm, dpi);
}

double PageSpec::pointWidth() const {
    if (!paper) return widthPx * 72.0 / dpi;
    double shortMm = 0, longMm = 0;
    paperMillimetres(*paper, shortMm, longMm);
    return (landscape ? longMm : shortMm) / 25.4 * 72.0;
}

double PageSpec::pointHeight() const {
    if (!paper) return heightPx * 72.0 / dpi;
    double shortMm = 0, longMm = 0;
    paperMillimetres(*paper, shortMm, longMm);
    return (landscape ? shortMm : longMm) / 25.4 * 72.0;
}

Status checkFrameFeasible(int widthPx, int heightPx) {
    const std::string size = std::to_string(widthPx) + " × " + std::to_string(heightPx) + " px";
    if (widthPx < 1 || heightPx < 1) return makeError(ErrorCode::BadInput, "cannot export a page of " + size);
    if (widthPx > kMaxSidePx || heightPx > kMaxSidePx)
        return makeError(ErrorCode::BadInput, "cannot export " + size + ": a side may be at most 16384 px (A3 at 600 dpi is 9921 px). "
                                              "Choose a lower --dpi or a smaller paper");
    // The frame, a tile read back and the encoder's copy: about three RGBA copies at once.
    const long long needed = static_cast<long long>(widthPx) * heightPx * 4 * 3;
    const long long available = availableMemoryBytes();
    if (available > 0 && needed > available)
        return makeError(ErrorCode::BadInput, "cannot export " + size + ": it needs about " + std::to_string(needed >> 20) +
                                                  " MB of memory and this machine has " + std::to_string(available >> 20) +
                                                  " MB available. Choose a lower --dpi or a smaller paper");
    return Ok{};
}

}  // namespace gis::exporting
