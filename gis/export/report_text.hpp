#pragma once
/// The words of a printed page, from the dashboard's view models (no figures are computed here):
/// the key figures beside an overview map, a commune's card beside its atlas page, and the
/// source and export date lines.
#include <string>
#include <vector>

#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/kpis.hpp"
#include "gis/core/translation.hpp"
#include "gis/scene/page_decor.hpp"

namespace gis::exporting {

/// "Số liệu chính" and one line per KPI ("Xã đạt chuẩn NTM: 27/32"), its detail and reference muted.
std::vector<scene::PageLine> kpiLines(const std::vector<dashboard::Kpi>& kpis, gis::Language language);

/// A commune's card as page lines: headline; the criteria checklist (a coloured square per
/// criterion) or the count alone; money against milestones (gaps in red); works (overdue
/// first, at most `maxWorks`); overdue tasks with their notice.
std::vector<scene::PageLine> communeCardLines(const dashboard::CommuneCard& card, gis::Language language,
                                              std::size_t maxWorks = 6, std::size_t maxTasks = 6);

/// "Nguồn số liệu: thanh-lam.gpkg (NTM Atlas)"; the demo says it is demo data.
std::string sourceLine(const std::string& sourcePath, bool demo, gis::Language language);
/// "Xuất ngày 27/11/2026" for an ISO date ("" = today, UTC).
std::string exportedLine(const std::string& isoDate, gis::Language language);

}  // namespace gis::exporting
