#pragma once
/// The ranking table of a scope: the units one level down (districts of a province, communes of
/// a district or of a province without districts), communes compared within one criteria set at
/// a time, sortable by any column, filtered like the map. Rows carry the unit code that links
/// them to the map.
#include <optional>
#include <string>
#include <vector>

#include "gis/core/translation.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/dashboard/unit_filter.hpp"

namespace gis::dashboard {

enum class RankColumn { Name, Criteria, AtStandard, Disbursed, Overdue };

struct RankingRow {
    std::string code;
    std::string name;
    std::string shortName;           ///< the map label's form: "Thành Sơn", "TT. Anh Sơn"
    int rank = 0;                    ///< by the sort column; equal values share a rank; 0 = no figure
    std::optional<double> criteria;  ///< communes: criteria met in the set; districts: average per commune
    std::string criteriaText;        ///< "14/19", "15,2"
    std::optional<double> atStandard;  ///< communes: 1/0; districts: share of communes at standard (0–1)
    std::string atStandardText;      ///< "Đạt chuẩn NTM" / "12/20"
    std::optional<double> disbursedPct;
    std::string disbursedText;
    int overdueTasks = 0;
};

struct RankingTable {
    bool communes = false;           ///< rows are communes (else districts or provinces)
    std::string setId;               ///< communes: the criteria set compared
    std::string setName;             ///< "Bộ tiêu chí quốc gia về xã NTM 2021–2025"
    std::vector<std::string> setChoices;  ///< sets the scope's communes are assessed against
    std::vector<RankingRow> rows;
};

struct RankingQuery {
    std::string scope;
    std::string asOf;
    std::string setId;               ///< "" = the set most of the scope's communes are assessed against
    RankColumn sortBy = RankColumn::Criteria;
    bool descending = true;
    UnitFilter filter;
};

RankingTable rankScope(const ProjectFigures& figures, const RankingQuery& query, Language language);

}  // namespace gis::dashboard
