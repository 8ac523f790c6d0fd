#pragma once
/// Vietnamese unit names: the type prefix ("Xã", "Thị trấn", "Huyện"…), matching keys and code widths.
#include <string>

namespace gis::model {

/// The unit type implied by a name's prefix, or "" when the name has none.
/// "Xã Thành Sơn" → "xa", "Thị trấn Anh Sơn" / "TT. Anh Sơn" → "thi_tran", "Huyện Anh Sơn" → "huyen".
std::string unitTypeFromName(const std::string& name);

/// The type to store for a unit: from the name's prefix, else the level's usual type
/// (commune → "xa", district → "huyen", province → "tinh", village → "thon").
std::string unitTypeFor(const std::string& name, const std::string& level);

/// Exact matching key: NFC, lower case, whitespace collapsed, type prefix removed ("Xã  Thành Sơn" → "thành sơn").
std::string unitMatchKey(const std::string& name);

/// Diacritics-insensitive fallback key (đ → d): "Xã Hương Hoà" and "Hương Hòa" both → "huong hoa".
std::string unitFoldKey(const std::string& name);

/// GSO code width of a level: 2 province, 3 district, 5 commune, 0 (no fixed width) village.
int codeWidth(const std::string& level);

/// Restores the leading zeros a spreadsheet dropped ("6331" at commune level → "06331").
/// Non-numeric codes and codes already at least as wide are returned unchanged.
std::string restoreCode(const std::string& code, const std::string& level);

/// The level above (commune → district …), "" for province.
std::string parentLevel(const std::string& level);

/// Whether `level` is one of the four known level names.
bool isKnownLevel(const std::string& level);

}  // namespace gis::model
