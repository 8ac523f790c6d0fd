#pragma once
/// Which project unit a sheet row is about: by code first, else by name (NFC, case and type prefix
/// ignored, then diacritics as a fallback), within the district/province the row names. Never guesses:
/// an unknown or ambiguous name is a problem listing the candidates.
#include <map>
#include <string>
#include <vector>

#include "gis/model/ntm_types.hpp"

namespace gis::importer {

struct UnitQuery {
    std::string code;  ///< as typed (leading zeros may be missing)
    std::string name;
    std::string districtCode;
    std::string districtName;
    std::string provinceCode;
    std::string provinceName;
    std::string level;  ///< only units of this level ("" = any)
};

struct UnitMatch {
    const model::Unit* unit = nullptr;  ///< null when not matched
    std::string problem;                ///< why not, with candidates
    bool byName = false;                ///< matched by name (column to blame for problems: the name)
    bool blameParent = false;           ///< the district/province part failed
};

class UnitMatcher {
public:
    explicit UnitMatcher(std::vector<model::Unit> units);

    UnitMatch match(const UnitQuery& query) const;
    /// A unit by exact code, or with leading zeros restored for `level` (any level when empty).
    const model::Unit* findByCode(const std::string& code, const std::string& level) const;
    /// "17338 Xã Bình Sơn (Huyện Anh Sơn)": how candidates are shown in messages.
    std::string describe(const model::Unit& unit) const;
    const std::vector<model::Unit>& units() const { return m_units; }

private:
    /// Units of `level` (any when empty) whose name matches `name`, inside `scope` (any when null).
    std::vector<const model::Unit*> byName(const std::string& name, const std::string& level, const model::Unit* scope) const;
    bool isWithin(const model::Unit& unit, const model::Unit& ancestor) const;
    /// Resolves a district/province given by code or name; sets `problem` when that fails.
    const model::Unit* resolveScope(const std::string& code, const std::string& name, const std::string& level,
                                    const model::Unit* scope, std::string& problem) const;

    std::vector<model::Unit> m_units;
    std::map<std::string, std::size_t> m_byCode;
    /// Normalised names per unit (parallel to m_units), computed once: matching a sheet row
    /// against every unit would otherwise run Unicode normalisation units × rows times.
    std::vector<std::string> m_matchKeys;
    std::vector<std::string> m_foldKeys;
    std::size_t indexOf(const model::Unit& unit) const { return static_cast<std::size_t>(&unit - m_units.data()); }
};

}  // namespace gis::importer
