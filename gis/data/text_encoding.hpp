#pragma once
/// Vietnamese text: Unicode normalisation, diacritic folding for matching, legacy encodings.
#include <optional>
#include <string>
#include <string_view>

#include "gis/core/result.hpp"

namespace gis::data {

/// UTF-8 → NFC (utf8proc). Invalid UTF-8 is returned unchanged.
std::string toNfc(std::string_view utf8);

/// Lower-cased NFC text for exact name matching (keeps diacritics): "Xã  Thành Sơn" → "xã thành sơn"
/// (whitespace collapsed and trimmed).
std::string normalizeForMatch(std::string_view utf8);

/// normalizeForMatch without diacritics, đ → d: the diacritics-insensitive fallback key.
std::string foldDiacritics(std::string_view utf8);

/// The offset of the first byte that is not part of valid UTF-8; nullopt when all of it is.
std::optional<std::size_t> firstInvalidUtf8Byte(std::string_view text);

/// Decodes legacy Vietnamese text to UTF-8 NFC. `encoding`: "UTF-8" (NFC only; error on bytes
/// that are not UTF-8, naming the first), "CP1258",
/// "TCVN3" (ABC, single-byte), "VNI" (VNI-Windows). Error names the encoding when unknown.
Result<std::string> decodeText(std::string_view bytes, std::string_view encoding);

/// Repairs mojibake: legacy-encoded bytes that were once read as Latin-1 and saved as UTF-8
/// (e.g. TCVN3 "Ch©u §èc" → "Châu Đốc"). Each code point U+0000–U+00FF is taken back as one byte,
/// then decoded with decodeText(bytes, legacyEncoding). Error if a code point is above U+00FF.
Result<std::string> repairMisdecodedText(std::string_view utf8, std::string_view legacyEncoding);

/// Narrows valid UTF-8 whose code points each stand for one byte (Latin-1, or CP1252's
/// 0x80–0x9F punctuation) back to those bytes: the legacy bytes a reader widened. nullopt when
/// the text is not like that or has no byte above 0x7F.
std::optional<std::string> narrowToLegacyBytes(std::string_view utf8);

}  // namespace gis::data
