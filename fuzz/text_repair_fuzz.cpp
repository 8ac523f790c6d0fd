// repairMisdecodedText and narrowToLegacyBytes: mojibake (legacy bytes once read as Latin-1 or
// CP1252 and saved as UTF-8) taken back to the legacy bytes and decoded. The input is whatever a
// damaged DBF or CSV holds, so any bytes, valid UTF-8 or not.
#include "fuzz/fuzz_checks.hpp"
#include "gis/data/text_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    if (size == 0) return 0;
    static const char* const kEncodings[] = {"TCVN3", "VNI", "CP1258", "UTF-8"};
    const char* encoding = kEncodings[data[0] % 4];
    const std::string text = fuzz::bytes(data + 1, size - 1);
    const auto repaired = gis::data::repairMisdecodedText(text, encoding);
    if (repaired) fuzz::requireNfcUtf8(*repaired, "repairMisdecodedText returned text that is not UTF-8 NFC");
    if (const auto narrowed = gis::data::narrowToLegacyBytes(text)) {
        // One byte per code point: never longer than the UTF-8 it came from.
        fuzz::require(narrowed->size() <= text.size(), "narrowToLegacyBytes grew the text");
        fuzz::require(!narrowed->empty(), "narrowToLegacyBytes returned nothing for text it accepted");
    }
    return 0;
}
