#include "gis/data/gdal_error_capture.hpp"

#include <cpl_error.h>
#include <cpl_conv.h>
#include <ogr_srs_api.h>
#include <gdal.h>

#include <mutex>

#include "gis/data/gdal_library.hpp"

namespace gis::data {
namespace {

void CPL_STDCALL captureHandler(CPLErr level, CPLErrorNum /*number*/, const char* message) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self == nullptr || message == nullptr) return;
    if (level == CE_Debug || level == CE_None) return;
    self->record(level >= CE_Failure, message);
}

}  // namespace

void GdalErrorCapture::record(bool isError, const char* message) {
    (isError ? m_errors : m_warnings).emplace_back(message);
}

GdalErrorCapture::GdalErrorCapture() {
    loadGdal();
    CPLPushErrorHandlerEx(captureHandler, this);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

std::string GdalErrorCapture::suffix() const {
    const std::vector<std::string>& list = m_errors.empty() ? m_warnings : m_errors;
    if (list.empty()) return {};
    std::string out = " (GDAL: ";
    for (std::size_t i = 0; i < list.size() && i < 3; ++i) {
        if (i > 0) out += "; ";
        out += list[i];
    }
    return out + ")";
}

void GdalErrorCapture::clear() {
    m_errors.clear();
    m_warnings.clear();
}

void ensureGdalRegistered() {
    loadGdal();
    static std::once_flag once;
    std::call_once(once, [] {
        // Every file we open is local and chosen by the user: nothing may reach the network,
        // whatever a file names inside it. GDAL 3.6 has no single switch, so: /vsicurl/ only
        // accepts an extension no file has, HTTP gives up at once, and PROJ uses only the grids
        // on disk (no CDN downloads).
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".ntm-atlas-no-network");
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "1");
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("GDAL_HTTP_PROXY", "127.0.0.1:9");  // discard port: any request fails locally
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
        OSRSetPROJEnableNetwork(FALSE);
        GDALAllRegister();
    });
}

}  // namespace gis::data
