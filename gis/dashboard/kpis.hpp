#pragma once
/// The headline figures of a scope, each with its reference and its change since the previous
/// date, worded as the notices word them ("27/32 xã", "5,9 %", "xếp thứ 8/11", "tỉnh 12,7 %").
/// A figure the project does not hold says so (available = false), never 0.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/translation.hpp"
#include "gis/dashboard/project_figures.hpp"

namespace gis::dashboard {

/// A scope's figures added up over its communes (only xã count for the NTM standard).
struct ScopeTotals {
    int communesTotal = 0;      ///< rural communes (xã)
    int communesAssessed = 0;
    int communesAtStandard = 0;
    std::map<std::string, int> tierCounts;  ///< tier id → communes whose highest tier it is
    std::optional<double> avgCriteriaMet;
    std::vector<figures::ProgrammeFigures> programmes;  ///< the scope's money (own + below)
    int tasksOpen = 0;
    int tasksOverdue = 0;
    std::map<std::string, int> worksByStatus;  ///< planned / under_construction / completed
    bool hasTasks = false;                     ///< the project holds any task at all
    bool hasWorks = false;
};

ScopeTotals scopeTotals(const ProjectFigures& figures, const std::string& scope, const std::string& asOf);

enum class KpiKind { CommunesAtStandard, AverageCriteria, Disbursement, Tasks, Works };

struct Kpi {
    KpiKind kind;
    std::string title;      ///< "Xã đạt chuẩn NTM", "Giải ngân CTMTQG XDNTM 2024"
    bool available = false; ///< false: the project holds no such figure (value says so)
    std::string value;      ///< "27/32", "15,2", "5,9 %", "12 · 3 quá hạn"
    std::string detail;     ///< "NTM nâng cao 5 · kiểu mẫu 1", "xếp thứ 8/11"
    std::string reference;  ///< "tỉnh 16,1", "mốc 30/09/2024: 40 %"
    std::string change;     ///< "+3 so với 31/12/2023"; "" at the first date
    int trend = 0;          ///< +1 better, −1 worse, 0 unchanged or unknown
    bool behind = false;    ///< a rate below its milestone, overdue tasks: draw as a warning
};

/// The KPI header of `scope` at `asOf`: communes at standard, average criteria per commune,
/// one disbursement figure per programme with money, tasks, works.
std::vector<Kpi> computeKpis(const ProjectFigures& figures, const std::string& scope, const std::string& asOf, Language language);

}  // namespace gis::dashboard
