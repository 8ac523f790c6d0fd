// The project loader on a valid project with damaged pages: the demo project (units with
// geometry, assessments, money, works, tasks, history) made once per process, then the input's
// patches applied to a copy of its bytes. Each patch is 4 bytes — page (2, little-endian, taken
// modulo the page count), offset in the page (2, modulo the page size) — then a length byte and
// that many bytes to write there. The patched file goes through the same loader and figures as
// project_open_fuzz; most SQLite pages stay intact, so the damage reaches our reading code.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_project.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    const std::string& demo = fuzz::demoProjectBytes();
    // The page size is at offset 16 of the SQLite header (big-endian; 1 means 65536).
    unsigned pageSize = (static_cast<unsigned char>(demo[16]) << 8) | static_cast<unsigned char>(demo[17]);
    if (pageSize == 1) pageSize = 65536;
    const std::size_t pages = demo.size() / pageSize;
    std::string bytes = demo;
    std::size_t at = 0;
    while (at + 5 <= size) {
        const std::size_t page = (data[at] | (data[at + 1] << 8)) % pages;
        const std::size_t offset = (data[at + 2] | (data[at + 3] << 8)) % pageSize;
        std::size_t length = data[at + 4];
        at += 5;
        if (length > size - at) length = size - at;
        const std::size_t start = page * pageSize + offset;
        for (std::size_t i = 0; i < length && start + i < bytes.size(); ++i) bytes[start + i] = static_cast<char>(data[at + i]);
        at += length;
    }
    (void)fuzz::loadAndFigure(fuzz::freshProject(bytes));
    return 0;
}
