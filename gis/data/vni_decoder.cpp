#include "gis/data/vni_decoder.hpp"

#include <array>
#include <cstdint>

namespace gis::data {
namespace {

// Combining marks used by the table below.
constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kCirc = 0x0302, kTilde = 0x0303, kBreve = 0x0306,
                   kHook = 0x0309, kDot = 0x0323;

/// What one VNI byte stands for: up to two code points (a letter, or one or two combining marks).
struct VniEntry {
    std::uint8_t byte;
    char32_t first;
    char32_t second;
};

// VNI-Windows writes a Vietnamese letter as its ASCII base followed by one "mark" byte, e.g.
// "a" + 0xE1 = ấ, "o" + 0xF9 = ó. The mark bytes are Latin-1 letters whose shapes the VNI fonts
// replace; upper-case letters take the upper-case form of the same mark. ơ/ư/đ and the i-vowels
// have their own single bytes. The marks are emitted as Unicode combining characters and NFC
// (run by the caller) composes them with the base letter.
constexpr std::array<VniEntry, 48> kTable{{
    // lower-case marks
    {0xF9, kAcute, 0}, {0xF8, kGrave, 0}, {0xFB, kHook, 0}, {0xF5, kTilde, 0}, {0xEF, kDot, 0},
    {0xE2, kCirc, 0}, {0xE1, kCirc, kAcute}, {0xE0, kCirc, kGrave}, {0xE5, kCirc, kHook}, {0xE3, kCirc, kTilde},
    {0xE4, kCirc, kDot},
    {0xEA, kBreve, 0}, {0xE9, kBreve, kAcute}, {0xE8, kBreve, kGrave}, {0xFA, kBreve, kHook}, {0xFC, kBreve, kTilde},
    {0xEB, kBreve, kDot},
    // upper-case marks
    {0xD9, kAcute, 0}, {0xD8, kGrave, 0}, {0xDB, kHook, 0}, {0xD5, kTilde, 0}, {0xCF, kDot, 0},
    {0xC2, kCirc, 0}, {0xC1, kCirc, kAcute}, {0xC0, kCirc, kGrave}, {0xC5, kCirc, kHook}, {0xC3, kCirc, kTilde},
    {0xC4, kCirc, kDot},
    {0xCA, kBreve, 0}, {0xC9, kBreve, kAcute}, {0xC8, kBreve, kGrave}, {0xDA, kBreve, kHook}, {0xDC, kBreve, kTilde},
    {0xCB, kBreve, kDot},
    // letters of their own
    {0xF4, 0x01A1, 0}, {0xD4, 0x01A0, 0},  // ơ Ơ
    {0xF6, 0x01B0, 0}, {0xD6, 0x01AF, 0},  // ư Ư
    {0xF1, 0x0111, 0}, {0xD1, 0x0110, 0},  // đ Đ
    {0xED, 0x00ED, 0}, {0xEC, 0x00EC, 0}, {0xE6, 0x1EC9, 0}, {0xF3, 0x0129, 0}, {0xF2, 0x1ECB, 0},  // í ì ỉ ĩ ị
    {0xCD, 0x00CD, 0}, {0xCC, 0x00CC, 0}, {0xC6, 0x1EC8, 0},  // Í Ì Ỉ
}};
// Ĩ (0xD3) and Ị (0xD2) complete the upper-case i-vowels.
constexpr std::array<VniEntry, 2> kTableTail{{{0xD3, 0x0128, 0}, {0xD2, 0x1ECA, 0}}};

/// Windows-1252 code points for 0x80–0x9F (the rest of the high half is Latin-1).
constexpr std::array<char32_t, 32> kCp1252High{{
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
}};

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// 256-entry lookup built once from the tables above.
struct Lookup {
    std::array<VniEntry, 256> entries{};
    Lookup() {
        for (unsigned b = 0; b < 256; ++b) {
            const char32_t cp = (b >= 0x80 && b < 0xA0) ? kCp1252High[b - 0x80] : static_cast<char32_t>(b);
            entries[b] = {static_cast<std::uint8_t>(b), cp, 0};
        }
        for (const VniEntry& e : kTable) entries[e.byte] = e;
        for (const VniEntry& e : kTableTail) entries[e.byte] = e;
    }
};

}  // namespace

std::string decodeVniWindows(std::string_view bytes) {
    static const Lookup lookup;
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const VniEntry& e = lookup.entries[static_cast<unsigned char>(c)];
        appendUtf8(out, e.first);
        if (e.second != 0) appendUtf8(out, e.second);
    }
    return out;
}

}  // namespace gis::data
