#pragma once
/// Paper sizes and print resolutions: A4/A3, portrait or landscape, at 150/300/600 dpi, or a
/// page of plain pixels. Sizes are ISO 216 millimetres rounded to whole pixels, as print
/// dialogs do (A4 landscape at 300 dpi is 3508 × 2480).
#include <optional>
#include <string>

#include "gis/core/result.hpp"

namespace gis::exporting {

enum class Paper { A4, A3 };

/// "A4" / "a3" (as given to --paper); nullopt otherwise.
std::optional<Paper> parsePaper(const std::string& name);
const char* paperName(Paper paper);

/// The dpi values a page may be asked for: 150 (screen, atlas), 300 (print), 600 (fine print).
bool isSupportedDpi(int dpi);

/// A page: a paper at a dpi, or W × H pixels at a dpi (PDF page size and PNG pHYs follow it).
struct PageSpec {
    std::optional<Paper> paper;  ///< none: widthPx × heightPx
    bool landscape = true;
    int dpi = 150;
    int widthPx = 0, heightPx = 0;

    /// Pixel size of the page.
    int pixelWidth() const;
    int pixelHeight() const;
    /// Size in PDF points (1/72 inch): the paper's exact size (A4 is 841.89 × 595.28 pt),
    /// whatever the pixel rounding.
    double pointWidth() const;
    double pointHeight() const;
};

/// Whether this machine can render and encode a frame of W × H pixels: each side at most
/// 16384, and the frame with its copies (about 3 × 4 bytes a pixel) within the memory
/// available now. Checked before anything is read, so a size that cannot work fails in a
/// second with a sentence saying why, not after minutes with a cut-off image.
Status checkFrameFeasible(int widthPx, int heightPx);

}  // namespace gis::exporting
