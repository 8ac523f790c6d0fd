#pragma once
/// The immutable snapshot the renderer draws. Built from the model + style + camera; cheap to
/// copy (meshes and colour tables are shared, read-only).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/scene/camera.hpp"
#include "gis/scene/page_decor.hpp"
#include "gis/tess/mesh.hpp"

namespace gis::scene {

/// Shapes of point symbols; the numbers are the shape codes of shaders/_symbols.glsl.
enum class PointSymbol : std::uint8_t {
    Circle, Square, Triangle, Diamond, Hexagon, Star, Cross, TriangleDown, Pentagon, Hourglass, Bar
};

/// Progress of a work, drawn as how much of its symbol is filled (completed filled, under
/// construction lower half, planned hollow) and, for roads, as the line's dash. Completed is 0
/// so a zeroed symbol is a plain filled one.
enum class WorkStatus : std::uint8_t { Completed = 0, UnderConstruction = 1, Planned = 2 };

/// Per-feature symbol of point and line layers (4 bytes: uploaded as an RGBA8UI table beside
/// the colour table, read once per vertex).
struct FeatureSymbol {
    PointSymbol shape = PointSymbol::Circle;
    WorkStatus status = WorkStatus::Completed;
    std::uint8_t overdue = 0;   ///< 1: deadline passed and not completed → red ring / red casing
    std::uint8_t reserved = 0;
};
static_assert(sizeof(FeatureSymbol) == 4, "FeatureSymbol is uploaded as one RGBA8UI texel");

struct LayerStyle {
    Rgba8 outlineColor{60, 60, 60, 255};
    float outlineWidthPx = 1.0f;   ///< polygon outlines and line layers; 0 = none
    /// With no outline, polygons still get a half-pixel edge in their own colour (we use no
    /// MSAA). Off when features are a few pixels across and the edges are not worth the triangles.
    bool antialiasFillEdges = true;
    float pointSizePx = 10.0f;     ///< diameter of point symbols
    PointSymbol pointSymbol = PointSymbol::Circle;
    Rgba8 pointStrokeColor{255, 255, 255, 255};  ///< the light halo round each symbol
    /// False: symbols without their halo. Where symbols crowd, each one's halo covered its
    /// neighbours' shapes, so a town's cluster of works drew as a white blot; without halos it
    /// draws dark, as dense as it is (the dark casing still parts the symbols).
    bool pointHalo = true;
    /// Lines of a line layer get a casing this much wider on each side, in the casing colour
    /// (red instead when the feature is overdue), so they read over every fill of the ramp.
    float lineCasingPx = 0.0f;
    Rgba8 lineCasingColor{255, 255, 255, 255};
    Rgba8 highlightColor{255, 200, 0, 255};  ///< outline of the hovered feature
    float opacity = 1.0f;
};

struct LayerDraw {
    std::uint64_t layerId = 0;                          ///< stable across frames (GPU cache key)
    std::shared_ptr<const tess::LayerMeshes> meshes;
    std::uint64_t geometryVersion = 0;                  ///< bumps when meshes change → re-upload
    std::shared_ptr<const std::vector<Rgba8>> featureColors;  ///< one per feature (fill / line / point colour)
    std::uint64_t colorVersion = 0;                     ///< bumps on re-colour → colour table re-upload only
    /// One per feature (shape, status, overdue) or null: every feature then draws
    /// style.pointSymbol, completed, and lines solid.
    std::shared_ptr<const std::vector<FeatureSymbol>> featureSymbols;
    std::uint64_t symbolVersion = 0;                    ///< bumps when the symbols change → symbol table re-upload
    LayerStyle style;
    std::int64_t highlightedFeature = -1;               ///< feature index drawn highlighted, or -1
    bool visible = true;
};

/// A text label anchored at a map position; placed by the renderer without collisions,
/// higher priority first.
struct Label {
    std::string text;      ///< UTF-8 NFC
    Vec2 anchor;           ///< display CRS
    float priority = 0.0f;
};

struct LegendEntry {
    Rgba8 color;
    std::string text;  ///< e.g. "15 – 19 tiêu chí"
    /// Note: a line of text without a swatch (what the map leaves out at this scale).
    enum class Swatch : std::uint8_t { Fill, Line, Point, Note } swatch = Swatch::Fill;
    PointSymbol pointSymbol = PointSymbol::Circle;  ///< shape of a Point swatch, as on the map
    WorkStatus status = WorkStatus::Completed;      ///< fill of a Point swatch, dash of a Line swatch
    bool overdue = false;                           ///< red ring (Point) or red casing (Line)
};

struct Legend {
    std::string title;
    std::vector<LegendEntry> entries;
};

struct RenderScene {
    Camera camera;
    Rgba8 background{242, 239, 233, 255};
    std::vector<LayerDraw> layers;   ///< bottom → top
    std::vector<Label> labels;
    Legend legend;                   ///< drawn bottom-left when it has entries
    std::string title;               ///< drawn top-left when not empty
    std::string watermark;           ///< e.g. "DỮ LIỆU MẪU · demo data"; drawn top-right when not empty
    float textScale = 1.0f;          ///< multiplies every font size (large screens, big exports)
    /// A printed page: the map shows inside page->map, with the layout around it instead of the
    /// on-map title, legend and watermark corners.
    std::optional<PageDecor> page;
    /// Text is handed back as runs (Renderer::lastTextRuns) instead of drawn: a PDF sets its
    /// text as real, searchable text over the picture of everything else.
    bool textAsRuns = false;
};

}  // namespace gis::scene
