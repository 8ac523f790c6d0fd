#pragma once
/// The view: which part of the display CRS lands on which pixels.
#include "gis/core/geometry.hpp"

namespace gis::scene {

/// A frame of `frameWidthPx` x `frameHeightPx` pixels centred on `center` (display CRS metres)
/// at `metersPerPixel`. A render target may cover only a tile of the frame (tiled export):
/// the tile's top-left pixel in the frame is (tileOffsetXPx, tileOffsetYPx). Pixel y grows down.
struct Camera {
    Vec2 center;
    double metersPerPixel = 1.0;
    int frameWidthPx = 1;
    int frameHeightPx = 1;
    int tileOffsetXPx = 0;
    int tileOffsetYPx = 0;

    /// Frame pixel (y down) of a display-CRS point.
    Vec2 toPixel(Vec2 world) const {
        return {(world.x - center.x) / metersPerPixel + frameWidthPx * 0.5,
                (center.y - world.y) / metersPerPixel + frameHeightPx * 0.5};
    }
    /// Display-CRS point under a frame pixel.
    Vec2 toWorld(Vec2 pixel) const {
        return {center.x + (pixel.x - frameWidthPx * 0.5) * metersPerPixel,
                center.y - (pixel.y - frameHeightPx * 0.5) * metersPerPixel};
    }
    /// The display-CRS box the whole frame shows.
    Bounds visibleBounds() const {
        Bounds b;
        b.expand(toWorld({0, 0}));
        b.expand(toWorld({static_cast<double>(frameWidthPx), static_cast<double>(frameHeightPx)}));
        return b;
    }
    /// Zooms by `factor` (>1 zooms in) keeping the world point under `pixel` fixed.
    void zoomAround(Vec2 pixel, double factor) {
        const Vec2 before = toWorld(pixel);
        metersPerPixel /= factor;
        const Vec2 after = toWorld(pixel);
        center.x += before.x - after.x;
        center.y += before.y - after.y;
    }
    /// Moves the map with the cursor by a pixel delta.
    void panByPixels(double dxPx, double dyPx) {
        center.x -= dxPx * metersPerPixel;
        center.y += dyPx * metersPerPixel;
    }
    /// A camera that shows `bounds` whole in a frame, with `marginPx` free on every side,
    /// `leftReservePx` more on the left (room for the legend) and `topReservePx` more at the
    /// top (room for the title).
    static Camera fit(const Bounds& bounds, int widthPx, int heightPx, double marginPx = 24.0, double leftReservePx = 0.0,
                      double topReservePx = 0.0) {
        Camera c;
        c.frameWidthPx = widthPx;
        c.frameHeightPx = heightPx;
        if (!bounds.valid()) return c;  // nothing to show (an empty layer): an arbitrary, finite view
        const double usableW = std::max(1.0, widthPx - 2 * marginPx - leftReservePx);
        const double usableH = std::max(1.0, heightPx - 2 * marginPx - topReservePx);
        c.metersPerPixel = std::max(bounds.width() / usableW, bounds.height() / usableH);
        if (!(c.metersPerPixel > 0)) c.metersPerPixel = 1.0;
        // Centre the data in the part of the frame the reserves leave free.
        c.center = bounds.center();
        c.center.x -= leftReservePx * 0.5 * c.metersPerPixel;
        c.center.y += topReservePx * 0.5 * c.metersPerPixel;
        return c;
    }
};

}  // namespace gis::scene
