#pragma once
/// The programme figures of the demo: criteria assessments, capital plans and disbursement,
/// poverty rates (tasks are made with the infrastructure, which they refer to).
#include <vector>

#include "gis/demo/demo_context.hpp"
#include "gis/demo/demo_district.hpp"
#include "gis/demo/prng.hpp"

namespace gis::demo {

/// Assessments for 2021–2024 (as of 31/12, set ntm_xa_2021_2025) of every commune except
/// townships, improving over time; better-developed communes score higher. 2024 has several
/// 19/19 communes, some 15–18, a few 10–14 (one exactly 14/19) and two count-only records.
/// Communes that met 19/19 by 2022 may also have an advanced-set (nâng cao) assessment.
std::vector<DemoAssessment> generateAssessments(const std::vector<CommuneWork>& communes, Prng& rng);

/// Capital plan and cumulative disbursement per commune (not townships), programme
/// ntp_ntm_2021_2025, years 2023 and 2024, both capital types, at each quarter end.
/// 2024 year-end rates are spread from about 5 % to 95 %.
std::vector<DemoMoney> generateMoney(const std::vector<CommuneWork>& communes, Prng& rng);

/// "poverty_rate" (%) per commune and year 2021–2024, higher in the mountains, falling.
std::vector<DemoIndicator> generateIndicators(const std::vector<CommuneWork>& communes, Prng& rng);

/// Whether criterion `number` is met in the latest detailed assessment of the set for a unit
/// (count-only records count as met when all criteria are met).
bool criterionMet(const std::vector<DemoAssessment>& assessments, const std::string& unitCode, int number);

}  // namespace gis::demo
