#pragma once
/// A project's display layers for the map view and the exporter (EPSG:3857), with the summary
/// figures at a date as attributes.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/data/vector_layer.hpp"

namespace gis::figures {

/// Whether `path` is an NTM Atlas project: a GeoPackage (SQLite) with an ntm_meta table.
/// Cheap: reads the header and the schema only. Never throws; false for anything unreadable, true
/// for an SQLite file that another process holds locked (opening it then reports it busy).
bool isProjectFile(const std::string& path);

/// Display layers in EPSG:3857, in draw order:
///  - "communes" (polygons): code, name, type, criteria_met, criteria_total, criteria_pct, tier
///    ("Chưa đạt chuẩn" / "Đạt chuẩn NTM" / "NTM nâng cao" / "NTM kiểu mẫu"), disbursed_pct (NTM programme),
///    poverty_rate (when the project has that indicator), population;
///  - "districts", "provinces" (polygons, drawn as borders above the communes): code, name;
///  - "roads" (line infrastructure): type, name, status, budget, deadline, department;
///  - "villages" (points): code, name, population;
///  - "infrastructure" (point infrastructure): type, name, status, budget, deadline, department.
/// Empty layers are left out. `asOf` (YYYY-MM-DD) picks the figures; empty = today.
Result<std::vector<data::VectorLayer>> loadProjectMapLayers(const std::string& projectPath, const std::string& asOf);

}  // namespace gis::figures
