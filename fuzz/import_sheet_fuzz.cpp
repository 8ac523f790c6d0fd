// The sheet importers' file entry point (importFile) for criteria-set, criteria, disbursement,
// tasks and work-types, into a fresh copy of the demo project (whose communes the sheets can name).
// Byte 0 picks the kind (bits 0-2), --skip-unmatched (bit 3), --cumulative (bit 4), the TCVN3
// encoding (bit 5) and the file type (bit 6: .xlsx, else .csv); the rest is the file.
// Property: the import succeeds and leaves a consistent project, or fails and changes nothing.
#include "fuzz/fuzz_project.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    if (size < 1) return 0;
    static const char* const kKinds[] = {"criteria-set", "criteria", "disbursement", "tasks", "work-types"};
    const unsigned selector = data[0];
    gis::importer::ImportOptions options;
    const char* kind = kKinds[(selector & 7u) % 5];
    options.asOf = "2024-06-30";
    options.skipUnmatched = (selector & 8u) != 0;
    options.cumulative = (selector & 16u) != 0;
    if ((selector & 32u) != 0) options.encoding = "TCVN3";
    const std::string extension = (selector & 64u) != 0 ? "xlsx" : "csv";
    const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
    fuzz::importAndCheck(fuzz::demoProjectBytes(), kind, file, extension, options);
    return 0;
}
