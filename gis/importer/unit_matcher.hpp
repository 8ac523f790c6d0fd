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
    /// When not matched: the closest units, best first (up to kMaxCandidates) — for an unknown name the
    /// names within two letters, for an ambiguous one every unit it matches. The same units `problem` lists.
    std::vector<const model::Unit*> candidates;
    bool ambiguous = false;  ///< several units match
    std::string failedName;  ///< the name that failed (the unit's, or the district's/province's when blameParent)
    std::string failedLevel; ///< the level it was looked up at
};

class UnitMatcher {
public:
    static constexpr std::size_t kMaxCandidates = 5;

    /// `aliases`: other names of units (folded alias key → unit code), matched like the unit's own name.
    explicit UnitMatcher(std::vector<model::Unit> units, const std::multimap<std::string, std::string>& aliases = {});

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
                                    const model::Unit* scope, UnitMatch& failure) const;
    /// Units of `level` inside `scope` whose folded name is within two letters of `name`'s, closest first.
    std::vector<const model::Unit*> closest(const std::string& name, const std::string& level, const model::Unit* scope) const;

    std::vector<model::Unit> m_units;
    std::map<std::string, std::size_t> m_byCode;
    /// Normalised names per unit (parallel to m_units), computed once: matching a sheet row
    /// against every unit would otherwise run Unicode normalisation units × rows times.
    std::vector<std::string> m_matchKeys;
    std::vector<std::string> m_foldKeys;
    /// Folded aliases per unit index (ntm_unit_aliases).
    std::multimap<std::string, std::size_t> m_aliasUnits;
    std::size_t indexOf(const model::Unit& unit) const { return static_cast<std::size_t>(&unit - m_units.data()); }
};

}  // namespace gis::importer
