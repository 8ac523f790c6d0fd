#pragma once
/// Minimal UTF-8 decoding for text layout (input is NFC; no normalisation here).
#include <cstddef>
#include <string_view>

namespace gis::render {

/// Decodes the code point at `pos` and advances `pos` past it. Malformed or truncated
/// sequences and surrogates decode to U+FFFD and advance by one byte, so bad input cannot loop.
inline char32_t nextCodepoint(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    int length = 0;
    char32_t cp = 0;
    if (lead < 0x80) { ++pos; return lead; }
    if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; }
    else { ++pos; return U'\uFFFD'; }
    if (pos + static_cast<std::size_t>(length) > text.size()) { ++pos; return U'\uFFFD'; }
    for (int i = 1; i < length; ++i) {
        const unsigned char c = byte(pos + static_cast<std::size_t>(i));
        if ((c & 0xC0) != 0x80) { ++pos; return U'\uFFFD'; }
        cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms, surrogates and values beyond Unicode are not characters.
    static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return U'\uFFFD'; }
    pos += static_cast<std::size_t>(length);
    return cp;
}

}  // namespace gis::render
