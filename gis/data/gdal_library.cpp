#include "gis/data/gdal_library.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

#ifndef NTM_GDAL_SONAME
#error "NTM_GDAL_SONAME (e.g. libgdal.so.32) comes from gis/CMakeLists.txt"
#endif

namespace gis::data {

void loadGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (dlopen(NTM_GDAL_SONAME, RTLD_NOW | RTLD_GLOBAL) != nullptr) return;  // kept open for the process's life
        const char* why = dlerror();
        std::fprintf(stderr, "ntm-atlas: cannot load GDAL (%s): %s. Reinstall the GDAL package (libgdal32 on Debian 12).\n",
                     NTM_GDAL_SONAME, why != nullptr ? why : "unknown error");
        std::fflush(stderr);
        std::_Exit(70);
    });
}

}  // namespace gis::data
