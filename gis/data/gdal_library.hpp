#pragma once
/// GDAL is loaded when first needed, not when the program starts. libgdal and the 130-odd
/// libraries it pulls in took 27 ms of every start of the command-line program (most of it the
/// dynamic loader binding their symbols; an empty program linked with libgdal alone takes
/// 36 ms) and 20 MB of its memory, and a PNG export of a plain GeoPackage, the commonest
/// command, never calls GDAL (gpkg_catalog.hpp). So the program is linked with GDAL but its
/// DT_NEEDED entry is removed after the link (app/CMakeLists.txt, patchelf), and loadGdal()
/// dlopens it into the global scope before GDAL's first use: the program's calls into GDAL are
/// bound lazily, at their first call, and find it there.
///
/// Every path into GDAL must pass here first (a call into GDAL before it is loaded ends the
/// process with the loader's "undefined symbol"): ensureGdalRegistered and GdalErrorCapture do,
/// and the command line loads it up front for every command but a PNG export of a plain
/// GeoPackage. The program itself may not take GDAL's data or typeinfo (no classes derived from
/// GDAL's, no dynamic_cast to them, no addresses of its functions): those are bound at start.
/// Libraries and tests linked the ordinary way have GDAL loaded already, as has the sanitizer
/// build of the program (UBSan's cast checks take GDAL's typeinfo); loadGdal is then a no-op.
namespace gis::data {

/// Loads GDAL into the global scope once (thread-safe). If it cannot be loaded (a broken
/// installation), says so on stderr and ends the process: nothing could run without it.
void loadGdal();

}  // namespace gis::data
