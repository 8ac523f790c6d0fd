// The vector importers' file entry point (importFile) for units and infrastructure. Byte 0 picks
// the kind (bit 0: infrastructure into a copy of the demo project, else units into a copy of an
// empty project), the units level (bits 1-2: commune, district, province, village), --s-srs
// EPSG:9209 (VN-2000 TM-3 105°30', bit 3), --skip-unmatched (bit 4) and the file type (bit 5:
// .csv with lon/lat or easting/northing columns, else .geojson); the rest is the file.
// Property: the import succeeds and leaves a consistent project, or fails and changes nothing.
#include "fuzz/fuzz_project.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    if (size < 1) return 0;
    static const char* const kLevels[] = {"commune", "district", "province", "village"};
    const unsigned selector = data[0];
    const bool infrastructure = (selector & 1u) != 0;
    gis::importer::ImportOptions options;
    if (!infrastructure) options.level = kLevels[(selector >> 1) & 3u];
    if ((selector & 8u) != 0) options.sourceSrs = "EPSG:9209";
    options.skipUnmatched = (selector & 16u) != 0;
    const std::string extension = (selector & 32u) != 0 ? "csv" : "geojson";
    const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
    fuzz::importAndCheck(infrastructure ? fuzz::demoProjectBytes() : fuzz::emptyProjectBytes(),
                         infrastructure ? "infrastructure" : "units", file, extension, options);
    return 0;
}
