#pragma once
/// VNI-Windows (the VNI font encoding): ASCII base letters followed by mark bytes.
#include <string>
#include <string_view>

namespace gis::data {

/// Decodes VNI-Windows bytes to UTF-8 with combining marks (NOT yet NFC: callers run toNfc).
/// Bytes that are not VNI letters or marks are taken as Windows-1252.
std::string decodeVniWindows(std::string_view bytes);

}  // namespace gis::data
