#pragma once
/// Real-data fixtures for the store/importer/summary tests: districts cut out of the national
/// commune layer and reprojected into their province's VN-2000 zone, and district sheets written
/// as XLSX/ODS/CSV through GDAL itself (no mocks, no files checked into the repo).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "gis/importer/importer.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

namespace fixtures {

/// `ogr2ogr` of the national commune layer: one district, reprojected to `epsg` (e.g. "EPSG:9208").
inline std::string cutDistrict(const std::filesystem::path& dir, const std::string& districtVn, const std::string& epsg,
                               const std::string& fileName) {
    const std::string out = (dir / fileName).string();
    const std::string cmd = "ogr2ogr -f GPKG '" + out + "' '" + test::nationalCommunesGpkg().string() +
                            "' communes -where \"district_vn = '" + districtVn + "'\" -t_srs " + epsg;
    std::string log;
    if (test::runCommand(cmd, &log) != 0) throw std::runtime_error("ogr2ogr failed: " + log);
    return out;
}

/// The districts of one province (layer "districts"), reprojected to `epsg`.
inline std::string cutDistrictsOfProvince(const std::filesystem::path& dir, const std::string& gsoTinh, const std::string& epsg,
                                          const std::string& fileName) {
    const std::string out = (dir / fileName).string();
    const std::string cmd = "ogr2ogr -f GPKG '" + out + "' '" + test::nationalCommunesGpkg().string() +
                            "' districts -where \"gso_tinh = '" + gsoTinh + "'\" -t_srs " + epsg;
    std::string log;
    if (test::runCommand(cmd, &log) != 0) throw std::runtime_error("ogr2ogr failed: " + log);
    return out;
}

struct Column {
    std::string name;
    OGRFieldType type = OFTString;
};

/// Writes a sheet with GDAL's XLSX, ODS or CSV driver. Cells are given as text ("" = empty) and set
/// through OGR, so an OFTInteger "06331" column really holds the number 6331, as Excel would.
inline std::string writeSheet(const std::filesystem::path& path, const std::string& driverName, const std::string& sheet,
                              const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
    GDALAllRegister();
    std::filesystem::remove(path);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    if (driver == nullptr) throw std::runtime_error("no GDAL driver " + driverName);
    GDALDataset* ds = driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (ds == nullptr) throw std::runtime_error("cannot create " + path.string());
    OGRLayer* layer = ds->CreateLayer(sheet.c_str(), nullptr, wkbNone, nullptr);
    for (const Column& c : columns) {
        OGRFieldDefn field(c.name.c_str(), c.type);
        layer->CreateField(&field);
    }
    for (const auto& row : rows) {
        OGRFeature* feature = OGRFeature::CreateFeature(layer->GetLayerDefn());
        for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i)
            if (!row[i].empty()) feature->SetField(static_cast<int>(i), row[i].c_str());
        const OGRErr err = layer->CreateFeature(feature);
        OGRFeature::DestroyFeature(feature);
        if (err != OGRERR_NONE) throw std::runtime_error("cannot write a row to " + path.string());
    }
    GDALClose(ds);
    return path.string();
}

/// The whole project as the store reads it (no geometry); fails the test when it cannot be read.
inline gis::store::ProjectData loadProject(const std::string& project) {
    auto db = gis::store::openProject(project, false);
    if (!db) throw std::runtime_error(db.error().message);
    auto data = gis::store::loadProjectData(*db, false);
    if (!data) throw std::runtime_error(data.error().message);
    return std::move(data).value();
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Imports one units layer into `project` (communes fall back to commune_id where gso_xa is empty).
inline void importUnitLayer(const std::string& project, const std::string& file, const std::string& level, const std::string& code,
                            const std::string& name, const std::string& parentCode, const std::string& parentName) {
    gis::importer::ImportOptions o;
    o.level = level;
    o.columnMap = {{"code", code}, {"name", name}, {"parent_code", parentCode}, {"parent_name", parentName}};
    if (level == "commune") o.fallbackCodeField = "commune_id";
    auto report = gis::importer::importFile(project, "units", file, o);
    if (!report) throw std::runtime_error(report.error().message);
}

/// Nghệ An's districts and Anh Sơn's communes (EPSG:9208) into the existing project `project`.
inline void importAnhSonUnits(const std::string& project, const std::filesystem::path& dir) {
    importUnitLayer(project, cutDistrictsOfProvince(dir, "40", "EPSG:9208", "nghe_an_districts.gpkg"), "district", "gso_huyen",
                    "district_vn", "gso_tinh", "province_vn");
    importUnitLayer(project, cutDistrict(dir, "Huyện Anh Sơn", "EPSG:9208", "anh_son.gpkg"), "commune", "gso_xa", "commune_vn",
                    "gso_huyen", "district_vn");
}

/// A project with Nghệ An's districts and Anh Sơn's communes (EPSG:9208), plus Thanh Hóa's
/// Triệu Sơn (EPSG:5897) when `withTrieuSon`: both districts have a "Xã Bình Sơn".
inline std::string makeProject(const std::filesystem::path& dir, bool withTrieuSon) {
    const std::string project = (dir / "project.gpkg").string();
    if (auto status = gis::store::createProject(project); !status) throw std::runtime_error(status.error().message);
    importAnhSonUnits(project, dir);
    if (withTrieuSon) {
        importUnitLayer(project, cutDistrictsOfProvince(dir, "38", "EPSG:5897", "thanh_hoa_districts.gpkg"), "district", "gso_huyen",
                        "district_vn", "gso_tinh", "province_vn");
        importUnitLayer(project, cutDistrict(dir, "Huyện Triệu Sơn", "EPSG:5897", "trieu_son.gpkg"), "commune", "gso_xa", "commune_vn",
                        "gso_huyen", "district_vn");
    }
    return project;
}

}  // namespace fixtures
