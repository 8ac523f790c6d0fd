#pragma once
/// The figures a steering committee quotes, per unit, at an as-of date: criteria met, communes
/// meeting the standard, money planned and disbursed (with the rank among sibling units),
/// infrastructure by type and status, open and overdue tasks.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::figures {

struct ProgrammeFigures {
    std::string programme;
    int year = 0;                ///< plan year the figures are for
    std::int64_t plan = 0;       ///< đồng, own rows + all descendants
    std::int64_t disbursed = 0;  ///< đồng, up to the as-of date
    std::optional<double> disbursedPct;  ///< 0–100, one decimal; none when plan is 0
    int rank = 0;    ///< 1 = highest rate among siblings (same level and parent) with a plan; 0 = unranked
    int rankOf = 0;
};

struct UnitSummary {
    std::string code, name, level, type, parentCode;
    std::string summaryDate;  ///< the as-of date the figures are computed at

    // Communes (level "commune"): the assessment in force at the as-of date.
    bool assessed = false;
    std::string criteriaSet;
    int criteriaMet = 0;
    int criteriaTotal = 0;
    double criteriaPct = 0;  ///< one decimal, from the two integers
    bool meetsStandard = false;
    bool detailed = false;
    std::vector<int> unmet;  ///< detailed only
    std::string assessmentAsOf;
    std::string tier;  ///< "" | "ntm" | "ntm_nang_cao": the highest tier whose set is fully met

    // Districts and provinces: over their rural communes (type xã).
    int communesTotal = 0;
    int communesAssessed = 0;
    int communesMeetingStandard = 0;
    std::optional<double> avgCriteriaMet;  ///< two decimals

    std::vector<ProgrammeFigures> programmes;
    std::map<std::string, std::map<std::string, int>> infrastructure;  ///< type → status → count
    int tasksOpen = 0;
    int tasksOverdue = 0;
    std::map<std::string, double> indicators;  ///< latest value up to the as-of year, by name
};

struct SummaryOptions {
    std::string asOf;      ///< YYYY-MM-DD; empty = today
    std::string unitCode;  ///< empty = every unit
    /// The plan year per programme when the project holds only part of the rows (one unit's
    /// summary read by readUnitSummary: the year is worked out by the database over all of them);
    /// unset, it is worked out from the project's rows.
    std::optional<std::map<std::string, int>> planYears;
};

/// Computes the summary of every unit (or one). Fails when the unit code is unknown or the date is bad.
Result<std::vector<UnitSummary>> computeSummary(const store::ProjectData& project, const SummaryOptions& options);

/// Today's date (UTC) as YYYY-MM-DD.
std::string todayIso();

/// Display label of a tier id: "Đạt chuẩn NTM", "NTM nâng cao", "NTM kiểu mẫu"; "Chưa đạt chuẩn" for "".
std::string tierLabel(const std::string& tier);

}  // namespace gis::figures
