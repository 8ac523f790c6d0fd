#include "gis/scene/map_document.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "gis/demo/demo_district.hpp"
#include "gis/scene/feature_geometry.hpp"
#include "gis/scene/layer_look.hpp"
#include "gis/tess/mesh_builder.hpp"

namespace gis::scene {

namespace {

std::uint64_t nextLayerId() {
    static std::atomic<std::uint64_t> counter{1};
    return counter++;
}

/// Versions only need to differ within one layer; one counter serves colours and geometry.
std::uint64_t nextColorVersion() {
    static std::atomic<std::uint64_t> counter{1};
    return counter++;
}

GeometryKind layerKind(const data::VectorLayer& layer) {
    for (const data::Feature& feature : layer.features)
        if (feature.geometry.kind != GeometryKind::None) return feature.geometry.kind;
    return GeometryKind::None;
}

double medianWidth(const std::vector<Bounds>& bounds) {
    std::vector<double> widths;
    widths.reserve(bounds.size());
    for (const Bounds& b : bounds)
        if (b.valid()) widths.push_back(std::max(b.width(), b.height()));
    if (widths.empty()) return 0.0;
    std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(widths.size() / 2), widths.end());
    return widths[widths.size() / 2];
}

/// Polygon outlines thin out as communes get small on screen (a national view of 11,000
/// communes would otherwise be mostly boundary), full width from about 36 px per feature, and
/// vanish below about 6 px, where they cost more triangles than the fills and show nothing.
void adaptOutlineToScale(const MapLayer& layer, double metersPerPixel, LayerStyle& style) {
    if (layer.kind != GeometryKind::Polygon || layer.medianFeatureSizeMeters <= 0) return;
    const double featurePx = layer.medianFeatureSizeMeters / metersPerPixel;
    constexpr double kPixelsPerOutlinePixel = 30.0;
    constexpr double kNoOutlineBelowPx = tess::kOutlineMinFeaturePx;
    constexpr float kThinnest = 0.35f;
    if (featurePx < kNoOutlineBelowPx) {
        style.outlineWidthPx = 0.0f;
        style.antialiasFillEdges = false;
        return;
    }
    style.outlineWidthPx = std::clamp(static_cast<float>(featurePx / kPixelsPerOutlinePixel), kThinnest, style.outlineWidthPx);
}

/// How much a symbol or a line shrinks on a zoomed-out view so the communes' colours still
/// read: 1 once the main layer's median commune is `fullAtCommunePx` on screen, in proportion
/// below that, never under `smallest`; 1 when the main layer is not polygons.
float overviewScale(const MapLayer& main, double metersPerPixel, double fullAtCommunePx, double smallest) {
    if (main.kind != GeometryKind::Polygon || main.medianFeatureSizeMeters <= 0) return 1.0f;
    return static_cast<float>(std::clamp(main.medianFeatureSizeMeters / metersPerPixel / fullAtCommunePx, smallest, 1.0));
}

/// Point symbols: full size from communes of 220 px, down to 0.6 (a whole district: a hundred
/// works over twenty communes).
float symbolScaleFor(const MapLayer& main, double metersPerPixel) { return overviewScale(main, metersPerPixel, 220.0, 0.6); }

/// Lines (roads and their casing): full width from communes of about 60 px (a district on
/// screen), down to half (the country: 20,000 roads over communes of ten pixels buried the
/// communes' colours).
float lineScaleFor(const MapLayer& main, double metersPerPixel) { return overviewScale(main, metersPerPixel, 60.0, 0.5); }

/// Point symbols may cover at most this share of the frame (each counted as a square of its
/// size); past it the layer is left out until the view is closer. At the country's extent
/// 100,000 works drew as one red carpet over every commune, and took 1.2 s to draw.
constexpr double kMaxSymbolCover = 0.25;
constexpr const char* kSymbolsLeftOutNote = "Ký hiệu điểm: phóng to để xem";

/// Past this share, symbols lose their halo (LayerStyle::pointHalo): 30,000 works over the
/// 10,000-commune set cover 18 % of a 4000 px export, and its towns drew as white blots.
constexpr double kMaxHaloedSymbolCover = 0.05;

/// A crowded layer's symbols (past kMaxHaloedSymbolCover) also shrink until they cover this
/// share, but by a third of their size at most, so each shape still reads. The 10,000-commune
/// set's 30,000 works covered 18 % of a 4000 px export: dark discs the size of a commune hid the
/// communes' colours, which is what the map is about; at 10 % each is ¾ of its size and the
/// colours read between them.
constexpr double kCrowdedSymbolCover = 0.10;
constexpr float kCrowdedSymbolSmallest = 2.0f / 3.0f;

/// How many symbols of `size` px cover `share` of the camera's frame, each counted as a square.
double symbolsCovering(const Camera& camera, float sizePx, double share) {
    return share * static_cast<double>(camera.frameWidthPx) * camera.frameHeightPx / (static_cast<double>(sizePx) * sizePx);
}

/// How many of the layer's symbols are in view, counted up to one past `enough`.
std::size_t symbolsInView(const MapLayer& layer, const Camera& camera, double enough) {
    if (layer.kind != GeometryKind::Point) return 0;
    const Bounds visible = camera.visibleBounds();
    std::size_t shown = 0;
    for (const Bounds& bounds : layer.featureBounds)
        if (visible.intersects(bounds) && static_cast<double>(++shown) > enough) break;
    return shown;
}

/// Keeping the legend off the data may shrink the map by up to this factor: a briefing would
/// rather see the whole district a little smaller than have a third of it under the legend.
constexpr double kLegendRoomMaxZoomOut = 1.7;

/// A label needs room: only features at least this wide on screen get one.
constexpr double kMinLabelFeatureWidthPx = 48.0;

}  // namespace

Result<MapDocument> MapDocument::open(const MapSourceSpec& spec, const std::string& colorField) {
    auto source = loadMapSource(spec);
    if (!source) return source.error();
    auto document = fromLayers(std::move(source.value()), colorField);
    if (document) document->m_source = spec;
    return document;
}

Result<MapDocument> MapDocument::fromLayers(LoadedSource source, const std::string& colorField) {
    MapDocument doc;
    doc.m_title = source.title;
    doc.m_isDemo = source.isDemo;
    doc.m_asOfChoices = std::move(source.asOfChoices);
    std::size_t mostPolygons = 0;
    bool foundPolygonLayer = false;
    bool namedMain = false;
    for (data::VectorLayer& layer : source.layers) {
        MapLayer mapLayer;
        mapLayer.kind = layerKind(layer);
        mapLayer.layerId = nextLayerId();
        auto emptyMeshes = std::make_shared<tess::LayerMeshes>();
        emptyMeshes->featureCount = static_cast<std::uint32_t>(layer.features.size());
        emptyMeshes->bounds = layer.bounds;
        mapLayer.meshes = std::move(emptyMeshes);
        mapLayer.style = defaultLayerStyle(layer.name, mapLayer.kind);
        mapLayer.featureBounds.reserve(layer.features.size());
        for (const data::Feature& feature : layer.features) mapLayer.featureBounds.push_back(data::boundsOf(feature));
        mapLayer.medianFeatureSizeMeters = medianWidth(mapLayer.featureBounds);
        mapLayer.data = std::move(layer);
        mapLayer.hittable = !isBoundaryLayer(mapLayer.data.name);
        // The thematic layer: "communes" in a project, else the polygon layer with most features.
        const bool communes = mapLayer.data.name == "communes" && mapLayer.kind == GeometryKind::Polygon;
        if (communes) namedMain = true;
        if (communes || (!namedMain && mapLayer.kind == GeometryKind::Polygon && mapLayer.hittable &&
                         (!foundPolygonLayer || mapLayer.data.features.size() > mostPolygons))) {
            foundPolygonLayer = true;
            mostPolygons = mapLayer.data.features.size();
            doc.m_mainLayer = doc.m_layers.size();
        }
        doc.m_layers.push_back(std::move(mapLayer));
    }
    if (doc.m_layers.empty()) return makeError(ErrorCode::BadInput, "the map source has no layers");

    for (std::size_t i = 0; i < doc.m_layers.size(); ++i) {
        MapLayer& layer = doc.m_layers[i];
        if (i == doc.m_mainLayer) continue;
        applyDefaultLook(layer);
        layer.colorVersion = nextColorVersion();  // one counter for every version the renderer compares
        layer.symbolVersion = nextColorVersion();
    }
    MapLayer& main = doc.m_layers[doc.m_mainLayer];
    main.labelField = pickLabelField(main.data);
    for (std::size_t f = 0; f < main.data.features.size(); ++f)
        if (std::string code = doc.featureCode(f); !code.empty()) doc.m_featureByCode.emplace(std::move(code), f);
    if (main.kind == GeometryKind::Polygon) {
        main.labelPoints.assign(main.data.features.size(), Vec2{});
        main.labelPointKnown.assign(main.data.features.size(), 0);
    }

    for (std::size_t k = 0; k < main.data.fields.size(); ++k)
        if (main.data.fields[k].kind == data::FieldKind::Integer || main.data.fields[k].kind == data::FieldKind::Real)
            doc.m_numericColumns.emplace(main.data.fields[k].name, data::numericColumn(main.data, k));

    const std::string field = colorField.empty() ? naturalIndicator(main.data) : colorField;
    if (Status coloured = doc.colorBy(field); !coloured) return coloured.error();
    return doc;
}

std::vector<std::string> MapDocument::warnings() const {
    std::vector<std::string> all;
    for (const MapLayer& layer : m_layers) all.insert(all.end(), layer.data.warnings.begin(), layer.data.warnings.end());
    return all;
}

Bounds MapDocument::bounds() const {
    Bounds all;
    for (const MapLayer& layer : m_layers) all.expand(layer.data.bounds);
    return all;
}

Camera MapDocument::fitCamera(int widthPx, int heightPx, float textScale, LegendContent content) const {
    return fitCamera(bounds(), widthPx, heightPx, textScale, content);
}

Camera MapDocument::fitCamera(const Bounds& focus, int widthPx, int heightPx, float textScale, LegendContent content) const {
    const Legend legend = content == LegendContent::All ? combinedLegend(m_layers, m_mainLayer) : m_layers[m_mainLayer].legend;
    // The legend's width from its longest line (the renderer measures exactly; this only needs
    // to be close): about 0.5 em per character at 17 px, plus swatch and padding.
    // Characters, not UTF-8 bytes: Vietnamese letters take two or three bytes each.
    auto characters = [](const std::string& text) {
        return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    std::size_t longest = characters(legend.title);
    for (const LegendEntry& entry : legend.entries) longest = std::max(longest, characters(entry.text));
    const double legendWidthPx = legend.entries.empty() ? 0.0 : textScale * (68.0 + 8.0 * static_cast<double>(longest));
    // The title is one line of ~26 px type (× textScale) at the top.
    const double titleHeightPx = m_title.empty() ? 0.0 : 40.0 * textScale;
    const Bounds data = focus.valid() ? focus : bounds();
    const Camera plain = Camera::fit(data, widthPx, heightPx, 24.0, 0.0, titleHeightPx);
    // Only when the data would not lose too much: a tall district on a wide screen loses nothing.
    const Camera reserved = Camera::fit(data, widthPx, heightPx, 24.0, legendWidthPx, titleHeightPx);
    return reserved.metersPerPixel <= plain.metersPerPixel * kLegendRoomMaxZoomOut ? reserved : plain;
}

std::vector<std::string> MapDocument::colorableFields() const {
    std::vector<std::string> names;
    for (const data::Field& field : m_layers[m_mainLayer].data.fields)
        if (field.kind == data::FieldKind::Integer || field.kind == data::FieldKind::Real || field.kind == data::FieldKind::Text)
            names.push_back(field.name);
    return names;
}

Status MapDocument::colorBy(const std::string& field) {
    MapLayer& main = m_layers[m_mainLayer];
    if (field.empty()) {
        main.colorField.clear();
        applyEmphasis(std::make_shared<const std::vector<Rgba8>>(main.data.features.size(), kPlainFillColor));
        main.legend = Legend{};
        return Ok{};
    }
    auto cached = m_styleCache.find(field);
    if (cached == m_styleCache.end()) {
        const auto column = m_numericColumns.find(field);
        auto styled = style::styleByField(main.data, field, column == m_numericColumns.end() ? nullptr : &column->second);
        if (!styled) return styled.error();
        CachedStyle entry{std::make_shared<const std::vector<Rgba8>>(std::move(styled->featureColors)), std::move(styled->legend)};
        cached = m_styleCache.emplace(field, std::move(entry)).first;
    }
    main.colorField = field;
    main.legend = cached->second.legend;
    applyEmphasis(cached->second.colors);
    return Ok{};
}

Status MapDocument::setFieldValues(const std::string& field, const std::vector<double>& values) {
    MapLayer& main = m_layers[m_mainLayer];
    if (values.size() != main.data.features.size())
        return makeError(ErrorCode::BadInput, field + ": " + std::to_string(values.size()) + " values for " +
                                                  std::to_string(main.data.features.size()) + " features");
    int index = main.data.fieldIndex(field);
    if (index < 0) {
        main.data.fields.push_back({field, data::FieldKind::Real});
        for (data::Feature& f : main.data.features) f.attributes.emplace_back();
        index = static_cast<int>(main.data.fields.size()) - 1;
    }
    for (std::size_t f = 0; f < values.size(); ++f)
        main.data.features[f].attributes[static_cast<std::size_t>(index)] =
            std::isnan(values[f]) ? data::AttributeValue() : data::AttributeValue(values[f]);
    m_numericColumns[field] = values;
    m_styleCache.erase(field);  // the values changed: classify again
    if (main.colorField == field) return colorBy(field);
    return Ok{};
}

void MapDocument::applyEmphasis(const std::shared_ptr<const std::vector<Rgba8>>& baseColors) {
    MapLayer& main = m_layers[m_mainLayer];
    m_baseColors = baseColors;
    const bool plain = std::all_of(m_emphasis.begin(), m_emphasis.end(), [](Emphasis e) { return e == Emphasis::Normal; });
    if (plain || m_emphasis.size() != baseColors->size()) {
        main.colors = baseColors;
    } else {
        // Neighbours outside the scope go grey; filtered-out units fade toward the paper colour,
        // so both stay readable as context without competing with what the briefing is about.
        auto colors = std::make_shared<std::vector<Rgba8>>(*baseColors);
        for (std::size_t f = 0; f < colors->size(); ++f) {
            if (m_emphasis[f] == Emphasis::Outside) (*colors)[f] = mix((*colors)[f], Rgba8{226, 226, 226, 255}, 0.85f);
            else if (m_emphasis[f] == Emphasis::Dimmed) (*colors)[f] = mix((*colors)[f], Rgba8{246, 244, 240, 255}, 0.7f);
        }
        main.colors = std::move(colors);
    }
    main.colorVersion = nextColorVersion();
}

void MapDocument::setEmphasis(std::vector<Emphasis> perFeature) {
    if (perFeature == m_emphasis) return;
    m_emphasis = std::move(perFeature);
    if (m_baseColors) applyEmphasis(m_baseColors);
}

std::optional<std::size_t> MapDocument::featureByCode(const std::string& code) const {
    const auto it = m_featureByCode.find(code);
    if (it == m_featureByCode.end()) return std::nullopt;
    return it->second;
}

std::string MapDocument::featureCode(std::size_t featureIndex) const {
    const MapLayer& main = m_layers[m_mainLayer];
    const int field = main.data.fieldIndex("code");
    if (field < 0 || featureIndex >= main.data.features.size()) return "";
    return data::attributeAsText(main.data.features[featureIndex].attributes[static_cast<std::size_t>(field)]);
}

Bounds MapDocument::featuresBounds(const std::vector<std::size_t>& featureIndices) const {
    Bounds out;
    const MapLayer& main = m_layers[m_mainLayer];
    for (std::size_t f : featureIndices)
        if (f < main.featureBounds.size()) out.expand(main.featureBounds[f]);
    return out;
}

void MapDocument::setLayerVisible(std::size_t layerIndex, bool visible) {
    if (layerIndex < m_layers.size()) m_layers[layerIndex].visible = visible;
}

double levelToleranceFor(double metersPerPixel) {
    double chosen = 0.0;
    for (double tolerance : tess::defaultLodTolerances())
        if (tolerance <= tess::kLodMaxTolerancePx * metersPerPixel) chosen = std::max(chosen, tolerance);
    return chosen;
}

double MapDocument::worthwhileTolerance(MapLayer& layer, double wanted) {
    // Every count the walk below can ask for, in one pass over the layer.
    std::vector<double> uncounted;
    for (double tolerance : tess::defaultLodTolerances()) {
        if (tolerance > wanted) break;
        if (!layer.vertexCountAtTolerance.count(tolerance)) uncounted.push_back(tolerance);
    }
    if (!uncounted.empty() && !layer.vertexCountAtTolerance.count(0.0)) uncounted.push_back(0.0);
    if (!uncounted.empty()) {
        const std::vector<std::size_t> counts = tess::simplifiedVertexCounts(layer.data, uncounted);
        for (std::size_t i = 0; i < uncounted.size(); ++i) layer.vertexCountAtTolerance.emplace(uncounted[i], counts[i]);
    }
    auto countAt = [&](double tolerance) {
        auto found = layer.vertexCountAtTolerance.find(tolerance);
        if (found == layer.vertexCountAtTolerance.end())
            found = layer.vertexCountAtTolerance.emplace(tolerance, tess::simplifiedVertexCount(layer.data, tolerance)).first;
        return found->second;
    };
    double chosen = 0.0;
    for (double tolerance : tess::defaultLodTolerances()) {
        if (tolerance > wanted) break;
        if (tess::levelWorthBuilding(countAt(tolerance), countAt(chosen))) chosen = tolerance;
    }
    return chosen;
}

std::vector<MissingLevel> MapDocument::missingLevelsFor(double metersPerPixel, LevelUse use) {
    std::vector<MissingLevel> missing;
    if (m_geometryReleased) return missing;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        MapLayer& layer = m_layers[i];
        if (!layer.visible || layer.data.features.empty()) continue;
        // Points are never simplified: their one level is full detail.
        double wanted = 0.0;
        if (layer.kind != GeometryKind::Point)
            wanted = use == LevelUse::OneFrame ? levelToleranceFor(metersPerPixel)
                                               : worthwhileTolerance(layer, levelToleranceFor(metersPerPixel));
        const bool built = std::any_of(layer.meshes->levels.begin(), layer.meshes->levels.end(),
                                       [&](const tess::LodLevel& level) { return level.toleranceMeters == wanted; });
        if (!built) missing.push_back({i, wanted});
    }
    return missing;
}

void MapDocument::addLevel(std::size_t layerIndex, tess::LodLevel level) {
    MapLayer& layer = m_layers.at(layerIndex);
    // Copy-on-write: scenes already handed out keep the old mesh set alive and unchanged.
    auto meshes = std::make_shared<tess::LayerMeshes>(*layer.meshes);
    const auto position = std::lower_bound(meshes->levels.begin(), meshes->levels.end(), level.toleranceMeters,
                                           [](const tess::LodLevel& l, double t) { return l.toleranceMeters < t; });
    if (position != meshes->levels.end() && position->toleranceMeters == level.toleranceMeters) return;
    meshes->levels.insert(position, std::move(level));
    layer.meshes = std::move(meshes);
    layer.geometryVersion = nextColorVersion();
}

void MapDocument::adoptGeometryFrom(const MapDocument& previous) {
    for (std::size_t i = 0; i < m_layers.size() && i < previous.m_layers.size(); ++i) {
        MapLayer& layer = m_layers[i];
        const MapLayer& old = previous.m_layers[i];
        if (layer.data.name != old.data.name || layer.data.features.size() != old.data.features.size()) continue;
        bool sameFeatures = true;
        for (std::size_t f = 0; f < layer.data.features.size() && sameFeatures; ++f)
            sameFeatures = layer.data.features[f].fid == old.data.features[f].fid;
        if (!sameFeatures) continue;
        layer.meshes = old.meshes;
        layer.geometryVersion = old.geometryVersion;
        layer.layerId = old.layerId;
        layer.vertexCountAtTolerance = old.vertexCountAtTolerance;
        // Colours and statuses come from this document's figures and date; fresh versions make
        // the renderer upload them (the geometry stays).
        layer.colorVersion = nextColorVersion();
        layer.symbolVersion = nextColorVersion();
    }
}

std::optional<Vec2> MapDocument::labelPoint(std::size_t featureIndex) const {
    const MapLayer& main = m_layers[m_mainLayer];
    if (featureIndex >= main.labelPoints.size()) return std::nullopt;
    if (!main.labelPointKnown[featureIndex]) {
        if (m_geometryReleased) return std::nullopt;
        main.labelPoints[featureIndex] = labelPointOf(main.data.features[featureIndex].geometry);
        main.labelPointKnown[featureIndex] = 1;
    }
    return main.labelPoints[featureIndex];
}

void MapDocument::releaseGeometry() {
    for (MapLayer& layer : m_layers) {
        for (data::Feature& feature : layer.data.features) {
            const GeometryKind kind = feature.geometry.kind;
            feature.geometry = Geometry{};
            feature.geometry.kind = kind;  // layerKind() and the legend still read it
            feature.bounds = Bounds{};
        }
        layer.meshes = std::make_shared<const tess::LayerMeshes>();
    }
    m_geometryReleased = true;
}

bool MapDocument::ensureLevelsFor(double metersPerPixel, LevelUse use) {
    const std::vector<MissingLevel> missing = missingLevelsFor(metersPerPixel, use);
    // The layers' levels are built side by side, a thread each (and two inside each): a level's
    // assembly into one mesh is one thread's work, during which the second core waited, layer
    // after layer. They are added in order, so the document comes out the same.
    std::vector<tess::LodLevel> built(missing.size());
    std::vector<std::thread> others;
    for (std::size_t i = 1; i < missing.size(); ++i)
        others.emplace_back([&, i] { built[i] = tess::buildLodLevel(m_layers[missing[i].layerIndex].data, missing[i].toleranceMeters); });
    if (!missing.empty()) built[0] = tess::buildLodLevel(m_layers[missing[0].layerIndex].data, missing[0].toleranceMeters);
    for (std::thread& t : others) t.join();
    for (std::size_t i = 0; i < missing.size(); ++i) addLevel(missing[i].layerIndex, std::move(built[i]));
    return !missing.empty();
}

RenderScene MapDocument::buildScene(const Camera& camera, std::optional<FeatureHit> highlighted, float textScale,
                                    LegendContent content) const {
    RenderScene scene;
    scene.camera = camera;
    scene.textScale = textScale;
    scene.title = m_title;
    if (m_isDemo) scene.watermark = demo::kDemoMarker;

    const MapLayer& main = m_layers[m_mainLayer];
    std::vector<bool> leftOut(m_layers.size(), false);  // too dense to draw at this scale
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const MapLayer& layer = m_layers[i];
        LayerDraw draw;
        draw.layerId = layer.layerId;
        draw.meshes = layer.meshes;
        draw.geometryVersion = layer.geometryVersion;
        draw.featureColors = layer.colors;
        draw.colorVersion = layer.colorVersion;
        draw.featureSymbols = layer.symbols;
        draw.symbolVersion = layer.symbolVersion;
        draw.style = layer.style;
        draw.style.pointSizePx *= textScale;  // briefing mode enlarges symbols with the type
        adaptOutlineToScale(layer, camera.metersPerPixel, draw.style);
        if (layer.kind == GeometryKind::Point) draw.style.pointSizePx *= symbolScaleFor(main, camera.metersPerPixel);
        if (layer.kind == GeometryKind::Line) {
            const float thinner = lineScaleFor(main, camera.metersPerPixel);
            draw.style.outlineWidthPx *= thinner;
            draw.style.lineCasingPx *= thinner;
        }
        draw.visible = layer.visible;
        if (layer.kind == GeometryKind::Point && draw.style.pointSizePx > 0.0f) {
            const float size = draw.style.pointSizePx;
            const double shown = static_cast<double>(symbolsInView(layer, camera, symbolsCovering(camera, size, kMaxSymbolCover)));
            if (draw.visible && shown > symbolsCovering(camera, size, kMaxSymbolCover)) {
                draw.visible = false;
                leftOut[i] = true;
            } else if (shown > symbolsCovering(camera, size, kMaxHaloedSymbolCover)) {
                draw.style.pointHalo = false;
                const double fit = symbolsCovering(camera, size, kCrowdedSymbolCover);
                if (shown > fit) draw.style.pointSizePx *= std::max(kCrowdedSymbolSmallest, static_cast<float>(std::sqrt(fit / shown)));
            }
        }
        if (highlighted && highlighted->layerIndex == i) draw.highlightedFeature = static_cast<std::int64_t>(highlighted->featureIndex);
        scene.layers.push_back(std::move(draw));
    }

    Legend legend = content == LegendContent::All ? combinedLegend(m_layers, m_mainLayer, leftOut) : main.legend;
    if (std::find(leftOut.begin(), leftOut.end(), true) != leftOut.end())
        legend.entries.push_back({Rgba8{}, kSymbolsLeftOutNote, LegendEntry::Swatch::Note});
    scene.legend = localizeLegend(std::move(legend), m_language);

    if (main.visible && main.labelField >= 0 && !main.labelPoints.empty()) {
        const Bounds visible = camera.visibleBounds();
        // The cheap tests first: the anchor (made on first use) is only asked for a feature that
        // can get a label. It lies inside the feature's bounds, so a feature whose bounds miss the
        // view cannot have it in view.
        for (std::size_t f = 0; f < main.data.features.size(); ++f) {
            const Bounds& featureBounds = main.featureBounds[f];
            const double widthPx = featureBounds.width() / camera.metersPerPixel;
            if (widthPx < kMinLabelFeatureWidthPx * textScale) continue;
            if (f < m_emphasis.size() && m_emphasis[f] == Emphasis::Outside) continue;  // neighbours stay unlabelled context
            if (!visible.intersects(featureBounds)) continue;
            std::string text = data::attributeAsText(main.data.features[f].attributes[static_cast<std::size_t>(main.labelField)]);
            if (text.empty()) continue;
            const std::optional<Vec2> anchor = labelPoint(f);
            if (!anchor || !visible.contains(*anchor)) continue;
            scene.labels.push_back(Label{shortLabel(text), *anchor, static_cast<float>(featureBounds.width() * featureBounds.height())});
        }
    }
    return scene;
}

std::optional<FeatureHit> MapDocument::hitTest(Vec2 world, double metersPerPixel, double tolerancePx) const {
    const double tolerance = tolerancePx * metersPerPixel;
    for (std::size_t li = m_layers.size(); li-- > 0;) {
        const MapLayer& layer = m_layers[li];
        if (!layer.visible || !layer.hittable) continue;
        for (std::size_t f = layer.data.features.size(); f-- > 0;) {
            const Bounds& b = layer.featureBounds[f];
            if (world.x < b.minX - tolerance || world.x > b.maxX + tolerance || world.y < b.minY - tolerance ||
                world.y > b.maxY + tolerance)
                continue;
            if (featureContains(layer.data.features[f].geometry, world, tolerance)) return FeatureHit{li, f};
        }
    }
    return std::nullopt;
}

std::string MapDocument::describe(const FeatureHit& hit) const {
    const MapLayer& layer = m_layers.at(hit.layerIndex);
    return describeFeature(layer.data, hit.featureIndex, layer.colorField, m_language);
}

}  // namespace gis::scene
