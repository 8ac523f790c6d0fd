#pragma once
/// The open map: layers read once, meshed once, coloured by a chosen field. Builds the
/// immutable RenderScene for any camera; re-colouring replaces only the colour table.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/core/translation.hpp"
#include "gis/data/vector_layer.hpp"
#include "gis/scene/map_source.hpp"
#include "gis/scene/render_scene.hpp"
#include "gis/style/classification.hpp"
#include "gis/tess/mesh.hpp"

namespace gis::scene {

/// How a feature of the main layer stands in the dashboard's view: in the scope and passing the
/// filters, in the scope but filtered out (dimmed), or a neighbour outside the scope (greyed).
enum class Emphasis : std::uint8_t { Normal, Dimmed, Outside };

/// One layer of the open map with everything the renderer needs.
struct MapLayer {
    data::VectorLayer data;
    GeometryKind kind = GeometryKind::None;  ///< the kind of its first feature
    std::shared_ptr<const tess::LayerMeshes> meshes;  ///< built levels only (see ensureLevelsFor)
    std::uint64_t geometryVersion = 0;                ///< bumps when a level is added
    std::uint64_t layerId = 0;
    std::string colorField;                   ///< field the fill/symbol colour comes from ("" = plain)
    std::shared_ptr<const std::vector<Rgba8>> colors;
    std::uint64_t colorVersion = 0;
    /// Shape, status and overdue per feature (infrastructure points, roads), or null.
    std::shared_ptr<const std::vector<FeatureSymbol>> symbols;
    std::uint64_t symbolVersion = 0;
    Legend legend;                            ///< entries for this layer's classification
    LayerStyle style;
    bool visible = true;
    bool hittable = true;                     ///< false for context outlines (district/province borders)
    int labelField = -1;                      ///< field shown as a label, -1 = none
    /// Label anchors (inside the polygon, display CRS), one slot per feature of a polygon layer
    /// (none otherwise), each made on first use by MapDocument::labelPoint: GEOS's point on surface
    /// for all 11,163 national communes took ~10 ms of every load, for the few dozen labels an
    /// export at the country's extent draws.
    mutable std::vector<Vec2> labelPoints;
    mutable std::vector<std::uint8_t> labelPointKnown;  ///< per slot: labelPoints[f] is made
    std::vector<Bounds> featureBounds;        ///< one per feature, display CRS (hit tests, label sizing)
    double medianFeatureSizeMeters = 0.0;     ///< typical feature width: thins outlines at small scales
    /// Vertex count per simplification tolerance (0 = full detail), measured once when first
    /// needed: a level that keeps most vertices is not worth building (see levelWorthBuilding).
    std::map<double, std::size_t> vertexCountAtTolerance;
};

/// What the map's legend lists: everything (exports, reports), or only the thematic layer's
/// classes (the window, whose layer panel keys the symbols so the legend does not cover the map).
enum class LegendContent { All, ThematicOnly };

/// How long the levels a scale needs will be kept, which decides whether measuring them pays.
enum class LevelUse {
    /// The window, the atlas: levels stay beside each other as the scale changes, so a level
    /// that keeps nearly every vertex of a finer one is not built (tess::levelWorthBuilding).
    AcrossScales,
    /// One frame and then the geometry is let go (the command line's export): the level the
    /// scale wants is the only one ever built, so there is nothing to save by measuring first,
    /// and the measure (a Douglas–Peucker descent to the finest tolerance, 45 of the 140 ms of
    /// meshing the 10,000-commune set) is skipped. Never more than a pixel from the source either way.
    OneFrame,
};

/// A level of detail a layer still lacks for some scale.
struct MissingLevel {
    std::size_t layerIndex = 0;
    double toleranceMeters = 0.0;
};

/// The tolerance of the level the renderer wants at this scale: the largest of full detail (0)
/// and tess::defaultLodTolerances() that is at most kLodMaxTolerancePx pixels.
double levelToleranceFor(double metersPerPixel);

/// A feature under the cursor.
struct FeatureHit {
    std::size_t layerIndex = 0;
    std::size_t featureIndex = 0;
};

class MapDocument {
public:
    /// Loads and styles a source; meshes are built per scale by ensureLevelsFor(). The largest polygon layer is coloured by `colorField`
    /// (empty = the source's natural indicator: criteria_met when present, else plain).
    static Result<MapDocument> open(const MapSourceSpec& spec, const std::string& colorField = "");
    /// Same, from layers already in memory (tests, benchmarks).
    static Result<MapDocument> fromLayers(LoadedSource source, const std::string& colorField = "");

    const std::vector<MapLayer>& layers() const { return m_layers; }
    const std::string& title() const { return m_title; }
    /// What reading repaired or skipped (each names the file and feature), all layers together.
    std::vector<std::string> warnings() const;
    bool isDemo() const { return m_isDemo; }
    /// Where the map was opened from (to reopen it at another date).
    const MapSourceSpec& source() const { return m_source; }
    /// Dates the figures exist for (projects), oldest first; empty for plain files.
    const std::vector<std::string>& asOfChoices() const { return m_asOfChoices; }
    Bounds bounds() const;
    /// Replaces the map's title (the dashboard's "Huyện Bắc Sơn — số liệu đến 22/04/2024").
    void setTitle(std::string title) { m_title = std::move(title); }

    /// The main layer's feature whose "code" attribute is `code`.
    std::optional<std::size_t> featureByCode(const std::string& code) const;
    /// The main layer's "code" of a feature ("" without one).
    std::string featureCode(std::size_t featureIndex) const;
    /// Bounds of some of the main layer's features (empty bounds for none).
    Bounds featuresBounds(const std::vector<std::size_t>& featureIndices) const;
    /// Dims or greys main-layer features (one entry per feature; empty = all normal). Only the
    /// colour table changes: no geometry work, one texture upload.
    void setEmphasis(std::vector<Emphasis> perFeature);
    const std::vector<Emphasis>& emphasis() const { return m_emphasis; }

    /// Index of the main (thematic) layer: the polygon layer with most features, or 0.
    std::size_t mainLayerIndex() const { return m_mainLayer; }
    /// Fields of the main layer a user can colour by (numeric and short text fields).
    std::vector<std::string> colorableFields() const;
    /// Adds (or replaces) a numeric field of the main layer computed elsewhere (the gap count
    /// per commune), one value per feature (NaN = no figure). Re-colours when it is on the map.
    Status setFieldValues(const std::string& field, const std::vector<double>& values);
    /// Re-colours the main layer by a field (empty = plain). No geometry work.
    Status colorBy(const std::string& field);
    void setLayerVisible(std::size_t layerIndex, bool visible);

    /// Levels of detail the visible layers lack at this scale (none once built). Across scales it
    /// measures, once per layer and tolerance, whether a simplified level is worth building at all.
    std::vector<MissingLevel> missingLevelsFor(double metersPerPixel, LevelUse use = LevelUse::AcrossScales);
    /// Adds a level built elsewhere (e.g. on a worker with tess::buildLodLevel) and bumps the
    /// layer's geometry version so the renderer uploads it once.
    void addLevel(std::size_t layerIndex, tess::LodLevel level);
    /// Builds, on this thread, every level this scale needs. Returns true when it built any.
    bool ensureLevelsFor(double metersPerPixel, LevelUse use = LevelUse::AcrossScales);
    /// For a one-frame export once its scene is built: frees every feature's geometry and the
    /// document's hold on the CPU meshes (a scene handed out keeps its own until it lets go, see
    /// exportPngStrips), about 12 MB on the national layer. Attributes, bounds, the label points
    /// made so far and colours stay; no level is built after this (missingLevelsFor finds none),
    /// and no label point either (labelPoint answers nullopt for one never asked for).
    void releaseGeometry();

    /// Where the main layer's feature is labelled: a point inside its largest polygon (GEOS
    /// PointOnSurface), made on first use and kept. nullopt when the main layer is not a polygon
    /// layer, the index is past its features, or the geometry was released before it was asked.
    /// Fills a cache: not to be called from two threads at once (nor buildScene, which calls it).
    std::optional<Vec2> labelPoint(std::size_t featureIndex) const;

    /// Takes over the meshes (and GPU identity) of `previous`'s layers whose features are the
    /// same (same name, count and fids): reopening a project at another date changes only the
    /// figures, so nothing is re-triangulated or re-uploaded but the colour tables.
    void adoptGeometryFrom(const MapDocument& previous);

    /// The camera that shows all the data in a frame, keeping the legend (bottom-left) off the
    /// data when the frame is wide enough to spare the room.
    Camera fitCamera(int widthPx, int heightPx, float textScale = 1.0f, LegendContent legend = LegendContent::All) const;
    /// The same for part of the map (a scope): `focus` in the display CRS.
    Camera fitCamera(const Bounds& focus, int widthPx, int heightPx, float textScale = 1.0f,
                     LegendContent legend = LegendContent::All) const;

    /// The snapshot to draw: layers, labels of the main layer, the legend, title and demo marker.
    RenderScene buildScene(const Camera& camera, std::optional<FeatureHit> highlighted = std::nullopt, float textScale = 1.0f,
                           LegendContent legend = LegendContent::All) const;

    /// The topmost visible feature at a display-CRS point (points and lines within
    /// `tolerancePx` pixels at `metersPerPixel`).
    std::optional<FeatureHit> hitTest(Vec2 world, double metersPerPixel, double tolerancePx = 6.0) const;
    /// One line naming a feature for a tooltip, e.g. "Xã Thành Sơn — 14/19 tiêu chí (73,7 %)".
    std::string describe(const FeatureHit& hit) const;
    /// The language of the map's own texts (legend, tooltips); Vietnamese by default.
    void setLanguage(Language language) { m_language = language; }
    Language language() const { return m_language; }

private:
    /// The tolerance to build for a wanted one: the coarsest level up to `wanted` whose vertex
    /// count is at most tess::kLodMaxKeptFraction of the next finer worthwhile level. Data that
    /// is already generalised (the national layer at 38 m) then draws full detail instead of a
    /// near-copy that costs as much to build.
    double worthwhileTolerance(MapLayer& layer, double wanted);

    /// Colours and legend of each field the main layer has been coloured by: switching back to
    /// an indicator during a briefing costs a pointer swap, not a classification.
    struct CachedStyle {
        std::shared_ptr<const std::vector<Rgba8>> colors;
        Legend legend;
    };
    std::map<std::string, CachedStyle> m_styleCache;
    /// The main layer's numeric fields as columns, read once while the load has them in cache: a
    /// field's first classification read one value from each of 11,000 features' attribute
    /// vectors, a cache miss each, and that was most of its 1 ms.
    std::map<std::string, std::vector<double>> m_numericColumns;
    /// The main layer's colours for the current field with the emphasis applied.
    void applyEmphasis(const std::shared_ptr<const std::vector<Rgba8>>& baseColors);
    std::shared_ptr<const std::vector<Rgba8>> m_baseColors;
    std::unordered_map<std::string, std::size_t> m_featureByCode;  ///< main layer's "code" → feature
    std::vector<Emphasis> m_emphasis;
    Language m_language = Language::Vi;

    std::vector<MapLayer> m_layers;
    std::size_t m_mainLayer = 0;
    std::string m_title;
    bool m_isDemo = false;
    bool m_geometryReleased = false;  ///< releaseGeometry() was called
    MapSourceSpec m_source;
    std::vector<std::string> m_asOfChoices;
};

}  // namespace gis::scene
