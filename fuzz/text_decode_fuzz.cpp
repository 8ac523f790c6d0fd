// decodeText with each legacy encoding a user can name (--encoding): the first byte picks the
// encoding, the rest is the cell or DBF field. Decoded text must be valid UTF-8 NFC.
#include "fuzz/fuzz_checks.hpp"
#include "gis/data/text_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    if (size == 0) return 0;
    static const char* const kEncodings[] = {"UTF-8", "CP1258", "TCVN3", "VNI", "no-such-encoding"};
    const char* encoding = kEncodings[data[0] % 5];
    const std::string text = fuzz::bytes(data + 1, size - 1);
    const auto decoded = gis::data::decodeText(text, encoding);
    if (decoded) fuzz::requireNfcUtf8(*decoded, "decodeText returned text that is not UTF-8 NFC");
    return 0;
}
