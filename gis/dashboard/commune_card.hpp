#pragma once
/// The card of a selected commune: its criteria checklist (or the count alone, as "14/19"),
/// its assessments over time, money per programme against the milestones, its works and its
/// tasks (overdue first, with the notice they came from). Plain values a panel draws as they are.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/translation.hpp"
#include "gis/dashboard/project_figures.hpp"

namespace gis::dashboard {

struct CardCriterion {
    int number = 0;
    std::string name;         ///< "Giao thông"
    model::CriterionStatus status = model::CriterionStatus::NotMet;
    std::string note;
};

struct CardAssessment {
    std::string date;         ///< dd/mm/yyyy
    std::string setName;
    std::string result;       ///< "14/19 (73,7 %)"
    bool detailed = false;
};

struct CardMilestone {
    std::string text;         ///< "30/09/2024: 40,0 %"
    bool met = false;
    std::string gap;          ///< "còn thiếu 312,5 triệu đồng"; "" when met
};

struct CardProgramme {
    std::string name;         ///< "CTMTQG XDNTM 2024"
    std::string plan;         ///< "850,0 triệu đồng"
    std::string disbursed;
    std::string rate;         ///< "5,9 %", "" without a plan
    std::string rank;         ///< "xếp thứ 3/20"
    std::vector<CardMilestone> milestones;
    bool defaultMilestones = false;
};

struct CardWork {
    std::string type, name, status, budget, deadline, department;
    std::string statusCode;  ///< planned | under_construction | completed (what an edit sets)
    bool overdue = false;
    std::int64_t id = 0;  ///< the work's fid: what editing::WorkEdit names
};

struct CardTask {
    std::string text, responsible, deadline, source;
    bool done = false;
    bool overdue = false;
    std::int64_t id = 0;  ///< the task's id: what editing::TaskEdit names
};

struct CommuneCard {
    std::string code;
    std::string name;           ///< "Xã Thành Sơn"
    std::string parents;        ///< "Huyện Anh Sơn, Tỉnh Nghệ An"
    std::string headline;       ///< "14/19 tiêu chí (73,7 %) · Chưa đạt chuẩn"
    bool assessed = false;
    std::string setName;        ///< the set of the assessment shown
    std::string assessedOn;     ///< dd/mm/yyyy
    bool detailed = false;
    std::vector<CardCriterion> criteria;  ///< detailed only, by number
    std::string countOnly;      ///< count-only: "14/19", and no checklist
    std::vector<CardAssessment> history;  ///< oldest first, up to the as-of date
    std::vector<CardProgramme> money;
    std::vector<CardWork> works;
    std::vector<CardTask> tasks;  ///< overdue first, then open by deadline, then done
};

/// The card of the unit `code` at `asOf`; nullopt when the code is not in the project.
std::optional<CommuneCard> buildCommuneCard(const ProjectFigures& figures, const std::string& code, const std::string& asOf,
                                            Language language);

/// "planned" → "kế hoạch" / "planned"; "road" → "Đường" / "Road"; unknown slugs unchanged.
std::string statusWord(const std::string& status, Language language);
std::string workTypeWord(const std::string& type, Language language);

}  // namespace gis::dashboard
