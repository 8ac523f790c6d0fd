#include "gis/data/text_encoding.hpp"

#include <iconv.h>
#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <optional>

#include "gis/data/vni_decoder.hpp"

namespace gis::data {
namespace {

/// Windows-1252's 0x80–0x9F block, for text that was widened as CP1252 rather than Latin-1.
constexpr std::int32_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                          0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};


/// Runs utf8proc_map with `options`; nullopt when the input is not valid UTF-8.
bool mapUtf8(std::string_view utf8, int options, std::string& out) {
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()), static_cast<utf8proc_ssize_t>(utf8.size()),
                     &mapped, static_cast<utf8proc_option_t>(options));
    if (length < 0) return false;
    out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return true;
}

/// Calls visit(codepoint, byteOffset, byteLength) for each code point of UTF-8 text, stopping
/// when visit returns false. Returns false at the first invalid byte sequence.
template <class Visit>
bool forEachCodepoint(std::string_view utf8, Visit&& visit) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    const auto size = static_cast<utf8proc_ssize_t>(utf8.size());
    utf8proc_ssize_t pos = 0;
    while (pos < size) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
        if (n <= 0) return false;
        if (!visit(cp, static_cast<std::size_t>(pos), static_cast<std::size_t>(n))) return true;
        pos += n;
    }
    return true;
}

/// Collapses runs of Unicode whitespace to one ASCII space and trims both ends.
std::string collapseWhitespace(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    const bool valid = forEachCodepoint(text, [&](utf8proc_int32_t cp, std::size_t offset, std::size_t length) {
        const utf8proc_category_t cat = utf8proc_category(cp);
        const bool space = cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
                           cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
        if (space) {
            pendingSpace = !out.empty();
        } else {
            if (pendingSpace) out.push_back(' ');
            pendingSpace = false;
            out.append(text, offset, length);
        }
        return true;
    });
    return valid ? out : text;  // not UTF-8 after all: leave it alone
}

/// Converts with iconv; error text names both encodings.
Result<std::string> iconvToUtf8(std::string_view bytes, const char* fromEncoding) {
    iconv_t cd = iconv_open("UTF-8", fromEncoding);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return makeError(ErrorCode::UnsupportedFormat,
                         std::string("The text encoding ") + fromEncoding + " is not available in iconv on this system.");
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out(bytes.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());  // iconv's API is not const-correct
    std::size_t inLeft = bytes.size();
    char* dst = out.data();
    std::size_t outLeft = out.size();
    while (inLeft > 0) {
        if (iconv(cd, &in, &inLeft, &dst, &outLeft) == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {  // cannot happen with 4x, but stay safe
                const std::size_t used = out.size() - outLeft;
                out.resize(out.size() * 2);
                dst = out.data() + used;
                outLeft = out.size() - used;
                continue;
            }
            return makeError(ErrorCode::BadInput, std::string("The text is not valid ") + fromEncoding + " (byte " +
                                                      std::to_string(bytes.size() - inLeft) + " cannot be decoded).");
        }
    }
    // Flush any pending combining state (CP1258/TCVN hold back a base letter for composition).
    iconv(cd, nullptr, nullptr, &dst, &outLeft);
    out.resize(out.size() - outLeft);
    return out;
}

std::string upperAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

}  // namespace

/// Whether NFC leaves this text as it is, decided without utf8proc for the common case: valid
/// UTF-8 made only of code points below U+0300 (Latin up to the spacing modifiers) and the Latin
/// Extended Additional block U+1E00–U+1EFF (precomposed Vietnamese). All of these are starters
/// that NFC keeps and none composes with a following one (a test checks every pair); combining
/// marks and everything else go through utf8proc.
static bool nfcStableFast(std::string_view utf8) {
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = b[i];
        if (c >= 0x01 && c < 0x80) {
            ++i;
        } else if (c >= 0xC2 && c <= 0xCB && i + 1 < n && (b[i + 1] & 0xC0) == 0x80) {
            i += 2;  // U+0080–U+02FF
        } else if (c == 0xE1 && i + 2 < n && (b[i + 1] == 0xB8 || b[i + 1] == 0xB9 || b[i + 1] == 0xBA || b[i + 1] == 0xBB) &&
                   (b[i + 2] & 0xC0) == 0x80) {
            i += 3;  // U+1E00–U+1EFF
        } else {
            return false;
        }
    }
    return true;
}

std::optional<std::size_t> firstInvalidUtf8Byte(std::string_view text) {
    std::optional<std::size_t> bad;
    std::size_t end = 0;
    const bool valid = forEachCodepoint(text, [&](utf8proc_int32_t, std::size_t offset, std::size_t length) {
        end = offset + length;
        return true;
    });
    if (!valid) bad = end;  // the code point after the last good one is where it broke
    return bad;
}

std::string toNfc(std::string_view utf8) {
    if (nfcStableFast(utf8)) return std::string(utf8);
    std::string out;
    if (!mapUtf8(utf8, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out)) return std::string(utf8);
    return out;
}

std::string normalizeForMatch(std::string_view utf8) {
    std::string out;
    if (!mapUtf8(utf8, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, out)) out.assign(utf8);
    return collapseWhitespace(out);
}

std::string foldDiacritics(std::string_view utf8) {
    // Decompose, drop the combining marks (Mn), case-fold. đ/Đ have no decomposition in Unicode,
    // so they are mapped by hand; everything else Vietnamese decomposes to an ASCII base letter.
    std::string decomposed;
    if (!mapUtf8(utf8, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, decomposed))
        return collapseWhitespace(std::string(utf8));
    std::string out;
    out.reserve(decomposed.size());
    forEachCodepoint(decomposed, [&](utf8proc_int32_t cp, std::size_t, std::size_t) {
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_MN) return true;
        if (cp == 0x0111 || cp == 0x0110) cp = 'd';
        utf8proc_uint8_t buf[4];
        const utf8proc_ssize_t len = utf8proc_encode_char(cp, buf);
        out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
        return true;
    });
    return collapseWhitespace(out);
}

Result<std::string> decodeText(std::string_view bytes, std::string_view encoding) {
    const std::string enc = upperAscii(encoding);
    if (enc.empty() || enc == "UTF-8" || enc == "UTF8") {
        // Bytes that are not UTF-8 would reach the project as text no one can read or export as
        // JSON: the file is in another encoding (a wrong or missing .cpg), so say so.
        if (const auto bad = firstInvalidUtf8Byte(bytes))
            return makeError(ErrorCode::BadInput, "The text is not valid UTF-8 (byte " + std::to_string(*bad + 1) +
                                                      " cannot be decoded); if the file is in a legacy encoding, give "
                                                      "--encoding TCVN3, VNI or CP1258.");
        return toNfc(bytes);
    }
    if (enc == "CP1258" || enc == "WINDOWS-1258") {
        auto decoded = iconvToUtf8(bytes, "CP1258");
        if (!decoded) return decoded;
        return toNfc(*decoded);
    }
    if (enc == "TCVN3" || enc == "TCVN" || enc == "ABC" || enc == "TCVN5712-1") {
        // glibc's TCVN5712-1 is the VN1 repertoire; VN3 ("ABC" fonts) is the subset of it that
        // keeps only the lower-case accented letters in 0xA1–0xFF, at the same code points, so
        // VN1 decodes VN3 text correctly (checked against the real epix CSV in the tests).
        auto decoded = iconvToUtf8(bytes, "TCVN5712-1");
        if (!decoded) return decoded;
        return toNfc(*decoded);
    }
    if (enc == "VNI" || enc == "VNI-WINDOWS") return toNfc(decodeVniWindows(bytes));
    if (enc == "LATIN1" || enc == "ISO-8859-1" || enc == "CP1252" || enc == "WINDOWS-1252") {
        auto decoded = iconvToUtf8(bytes, enc == "LATIN1" ? "ISO-8859-1" : enc.c_str());
        if (!decoded) return decoded;
        return toNfc(*decoded);
    }
    return makeError(ErrorCode::UnsupportedFormat,
                     "Unknown text encoding \"" + std::string(encoding) +
                         "\" (expected UTF-8, CP1258, TCVN3, VNI, CP1252 or LATIN1).");
}

std::optional<std::string> narrowToLegacyBytes(std::string_view utf8) {
    std::string bytes;
    bool high = false;
    bool narrowable = true;
    const bool valid = forEachCodepoint(utf8, [&](utf8proc_int32_t cp, std::size_t, std::size_t) {
        if (cp < 0x100) {
            bytes.push_back(static_cast<char>(cp));
            high = high || cp >= 0x80;
            return true;
        }
        const auto* found = std::find(std::begin(kCp1252High), std::end(kCp1252High), cp);
        narrowable = found != std::end(kCp1252High);
        if (narrowable) bytes.push_back(static_cast<char>(0x80 + (found - std::begin(kCp1252High))));
        high = true;
        return narrowable;
    });
    if (!valid || !narrowable || !high) return std::nullopt;
    return bytes;
}

Result<std::string> repairMisdecodedText(std::string_view utf8, std::string_view legacyEncoding) {
    const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return decodeText(utf8, legacyEncoding);
    const auto raw = narrowToLegacyBytes(utf8);
    if (!raw)
        return makeError(ErrorCode::BadInput, "The text holds characters beyond Latin-1 and CP1252, so it is not " +
                                                  std::string(legacyEncoding) + " bytes read as Latin-1.");
    return decodeText(*raw, legacyEncoding);
}

}  // namespace gis::data
