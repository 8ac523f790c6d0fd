#pragma once
/// The whole headless export: open a source, frame it, render with the screen renderer, write PNG.
#include <optional>
#include <string>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/core/result.hpp"
#include "gis/core/translation.hpp"
#include "gis/export/export_target.hpp"
#include "gis/export/paper.hpp"
#include "gis/scene/map_source.hpp"

namespace gis::exporting {

/// A frame in WGS84 degrees (x = longitude, y = latitude).
struct GeoExtent {
    double lonMin = 0, latMin = 0, lonMax = 0, latMax = 0;
};

/// Parses "LON_MIN,LAT_MIN,LON_MAX,LAT_MAX"; the error quotes the text.
Result<GeoExtent> parseGeoExtent(const std::string& text);

struct ExportRequest {
    scene::MapSourceSpec source;
    std::string colorField;             ///< empty = the source's natural indicator
    int widthPx = 1920;
    int heightPx = 1080;
    std::optional<GeoExtent> extent;    ///< fixed frame; otherwise fit to the data
    float textScale = 0.0f;             ///< 0 = from the image size (readable in a printed report)
    std::string outPath;
    int maxTileSizePx = 0;              ///< 0 = the GL limit
    /// Pages and formats. A --paper (or any PDF) is a printed page; --width/--height alone keep
    /// the bare map of a pixel size (PNG, GeoTIFF).
    std::optional<ExportFormat> format; ///< none = from the file name
    std::optional<Paper> paper;
    bool landscape = true;
    int dpi = 0;                        ///< 0 = 150
    bool pixelSizeGiven = false;        ///< --width/--height were given
    std::string unit;                   ///< scope: a unit code of the project ("" = the project's own scope)
    std::string title;                  ///< "" = the scope's name
    std::string bookmark;               ///< a slide saved in the project: its scope, date, indicator, filters
    gis::Language language = gis::Language::Vi;
    std::string exportDate;             ///< YYYY-MM-DD for the date line; "" = today
    /// The demo written to a project file for pages and scopes (the CLI's temporary copy), or "".
    std::string demoProjectPath;
    /// The caller ends the process right after a successful export (the command line). The map,
    /// the renderer and the GL context are then left for the process's end to free, instead of
    /// being taken apart one allocation and one GL object at a time: 25-35 ms after a
    /// 10,000-commune export, 15-20 ms after the national one, a twentieth of the whole run.
    /// What they would save for later runs (the glyph cache) is saved first.
    bool processEndsAfter = false;
};

/// Seconds spent in each phase, for the BENCH line and benchmarks.
struct ExportTimings {
    double load = 0, mesh = 0, glInit = 0, render = 0, encode = 0;
    double glSetup = 0;  ///< the GL worker's own time (context, shaders, text atlas), spent beside the load
    int strips = 0, stripsBySecondRenderer = 0;  ///< a streamed PNG's strips, and how many the StripHelper drew
    std::string glRenderer;
    std::vector<std::string> warnings;  ///< features repaired or skipped while reading
};

/// Display-CRS box of a WGS84 extent (its corners and edge midpoints projected).
Result<Bounds> extentToDisplay(const GeoExtent& extent);

/// Whether this request needs the project's figures (a page, a scope or a slide).
bool needsFigures(const ExportRequest& request);

/// Runs the export. Errors name the file or option at fault.
Result<ExportTimings> exportMap(const ExportRequest& request);

}  // namespace gis::exporting
