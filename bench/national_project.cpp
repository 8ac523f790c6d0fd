#include "bench/national_project.hpp"

#include <map>

#include "gis/importer/importer.hpp"
#include "gis/store/schema.hpp"

namespace bench {
namespace {

gis::Status importUnits(const std::string& project, const std::string& national, const std::string& layer, const std::string& level,
                        std::map<std::string, std::string> columns, const std::string& where = "") {
    gis::importer::ImportOptions options;
    options.layer = layer;
    options.level = level;
    options.columnMap = std::move(columns);
    options.where = where;
    auto report = gis::importer::importFile(project, "units", national, options);
    if (!report) return report.error();
    return gis::Ok{};
}

}  // namespace

gis::Status buildNationalUnits(const std::string& project, const std::string& national) {
    if (auto created = gis::store::createProject(project); !created) return created.error();
    if (auto s = importUnits(project, national, "provinces", "province", {{"code", "province_id"}, {"name", "province_vn"}}); !s) return s;
    if (auto s = importUnits(project, national, "districts", "district",
                             {{"code", "district_id"}, {"name", "district_vn"}, {"parent_code", "province_id"}});
        !s)
        return s;
    // Two features of the layer have no commune name: they are not communes.
    return importUnits(project, national, "communes", "commune",
                       {{"code", "commune_id"}, {"name", "commune_vn"}, {"parent_code", "district_id"}},
                       "commune_vn IS NOT NULL AND commune_vn <> ''");
}

}  // namespace bench
