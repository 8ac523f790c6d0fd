// decodeVniWindows on any bytes: VNI-Windows letters and mark bytes, anything else as CP1252.
// The result (before NFC) must be valid UTF-8 and NFC must accept it.
#include "fuzz/fuzz_checks.hpp"
#include "gis/data/text_encoding.hpp"
#include "gis/data/vni_decoder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    const std::string decoded = gis::data::decodeVniWindows(fuzz::bytes(data, size));
    fuzz::requireUtf8(decoded, "decodeVniWindows returned invalid UTF-8");
    fuzz::requireNfcUtf8(gis::data::toNfc(decoded), "NFC of VNI text is not NFC UTF-8");
    return 0;
}
