#pragma once
/// The effective criterion ↔ work-type mapping of every criteria set in a project: a set with
/// rows in ntm_criterion_work_types uses exactly those; any other set (a provincial one, the
/// advanced set) maps a criterion by its name where it reuses the name of a mapped criterion of
/// a set that has rows ("Giao thông", "Thủy lợi", "Môi trường" …).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gis/model/ntm_types.hpp"
#include "gis/store/criterion_work_types.hpp"

namespace gis::planning {

class WorkTypeMapping {
public:
    WorkTypeMapping() = default;
    /// `rows` as stored (store::loadCriterionWorkTypes), `sets` the project's criteria sets.
    WorkTypeMapping(const std::vector<store::CriterionWorkType>& rows, const std::map<std::string, model::CriteriaSet>& sets);

    /// The work types that can fix criterion `number` of `setId` (sorted; empty: no work fixes it).
    const std::vector<std::string>& typesFor(const std::string& setId, int number) const;
    /// Whether the set's mapping is its own rows (false: derived from criterion names).
    bool explicitFor(const std::string& setId) const;
    /// The criteria of `setId` that have a mapping, by number.
    const std::map<int, std::vector<std::string>>& criteriaOf(const std::string& setId) const;

private:
    std::map<std::string, std::map<int, std::vector<std::string>>> m_bySet;
    std::map<std::string, bool> m_explicit;
};

/// Whether two criterion names are "the same criterion": equal after folding (case, diacritics,
/// punctuation), or one is the other followed by more words ("Thủy lợi" = "Thủy lợi và phòng,
/// chống thiên tai"; "Môi trường" = "Môi trường và an toàn thực phẩm").
bool sameCriterionName(const std::string& a, const std::string& b);

}  // namespace gis::planning
