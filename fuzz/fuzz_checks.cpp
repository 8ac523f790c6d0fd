#include "fuzz/fuzz_checks.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>

#include "gis/data/text_encoding.hpp"

namespace fuzz {

std::string bytes(const unsigned char* data, unsigned long size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

void requireUtf8(std::string_view text, const char* what) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t codepoint = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &codepoint);
        require(n > 0, what);
        p += n;
        left -= n;
    }
}

void requireNfcUtf8(std::string_view text, const char* what) {
    requireUtf8(text, what);
    require(gis::data::toNfc(text) == text, what);
}

}  // namespace fuzz
