#pragma once
/// The canonical columns of each import kind and the Vietnamese headers recognised for them.
/// docs/project-format.md documents the same lists; keep the two in step.
#include <string>
#include <vector>

#include "gis/importer/column_binding.hpp"

namespace gis::importer {

/// `units`: code, name, parent_code, parent_name, type, population, area_km2 (aliases depend on --level).
std::vector<CanonicalColumn> unitColumns(const std::string& level);
/// `criteria`: unit reference + set, as_of, criteria_met, criteria_total, note (+ criterion_N).
std::vector<CanonicalColumn> criteriaColumns();
/// `disbursement`: unit reference + programme, year, capital_type, plan, disbursed, date.
std::vector<CanonicalColumn> moneyColumns();
/// `infrastructure`: unit reference + type, name, status, budget, start_date, deadline, department, lon, lat, easting, northing.
std::vector<CanonicalColumn> infrastructureColumns();
/// `tasks`: unit reference + text, responsible, deadline, status, done_date, source_document.
std::vector<CanonicalColumn> taskColumns();
/// `criteria-set`: set, set_name, tier, level, number, criterion_name.
std::vector<CanonicalColumn> criteriaSetColumns();
/// `work-types`: set, number, work_type (the criterion ↔ work-type mapping of the gap analysis).
std::vector<CanonicalColumn> workTypeColumns();

}  // namespace gis::importer
