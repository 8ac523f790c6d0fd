#pragma once
/// The words district sheets use for programmes, capital types, infrastructure types and statuses,
/// mapped to the ids the store keeps.
#include <string>
#include <vector>

#include "gis/store/project_reader.hpp"

namespace gis::importer {

/// A programme id from its id, short name ("CTMTQG XDNTM") or a common word ("ntm", "nông thôn mới",
/// "giảm nghèo", "1719"); "" when unknown.
std::string programmeIdOf(const std::string& text, const std::vector<store::Programme>& programmes);

/// "dtpt" for đầu tư phát triển, "su_nghiep" for sự nghiệp, "" for empty; nullopt-like "?" when unknown.
std::string capitalTypeOf(const std::string& text);

/// Infrastructure type id: known Vietnamese words → waste_site, road, cultural_house, school,
/// health_station, clean_water, market, irrigation, sports; otherwise a slug of the text.
std::string infrastructureTypeOf(const std::string& text);

/// planned / under_construction / completed; "" when unknown.
std::string infrastructureStatusOf(const std::string& text);

/// open / done; "" when unknown. Empty text is "open".
std::string taskStatusOf(const std::string& text);

/// A task deadline as YYYY-MM-DD: a date, "tháng 7/2024" (end of month), "quý III/2024" (end of
/// quarter), "năm 2024" / "trong năm 2024", "trước ngày 30/6/2024". "" for "thường xuyên" (ongoing).
/// nullopt when unreadable.
std::optional<std::string> taskDeadlineOf(const std::string& text);

}  // namespace gis::importer
