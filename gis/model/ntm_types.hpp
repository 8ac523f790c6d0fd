#pragma once
/// The NTM domain as plain values: what the store holds and the importers produce. No I/O here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gis::model {

/// Administrative levels, stored as text ("province", "district", "commune", "village").
inline constexpr const char* kLevels[] = {"province", "district", "commune", "village"};

/// An administrative unit. Codes are GSO codes as text (2/3/5 digits, zero-padded).
struct Unit {
    std::string code;
    std::string name;        ///< display form with its type prefix, UTF-8 NFC ("Xã Thành Sơn")
    std::string level;       ///< "province" | "district" | "commune" | "village"
    std::string type;        ///< "tinh" | "thanh_pho" | "huyen" | "quan" | "thi_xa" | "xa" | "phuong" | "thi_tran" | "thon"
    std::string parentCode;  ///< empty when unknown / top level
    std::optional<double> population;
    std::optional<double> areaKm2;
    std::vector<std::uint8_t> geometry;  ///< GeoPackage blob in EPSG:4326, empty when none
    std::string source;                  ///< file the unit came from
};

/// Status of one criterion in an assessment.
enum class CriterionStatus { Met, NotMet, InProgress };
const char* toString(CriterionStatus status);

struct CriterionResult {
    int number = 0;
    CriterionStatus status = CriterionStatus::NotMet;
    std::string note;
};

/// A commune (or district) assessed against one criteria set at one date; either detailed
/// (per-criterion results) or a count only ("14/19").
struct Assessment {
    std::string unitCode;
    std::string setId;
    std::string asOf;  ///< YYYY-MM-DD
    int criteriaMet = 0;
    int criteriaTotal = 0;
    bool detailed = false;
    std::vector<CriterionResult> results;  ///< detailed only, sorted by number
    std::string note;                      ///< the sheet's remark (Ghi chú), if any
    std::string source;
};

/// Capital plan (kế hoạch vốn) of a unit for a programme, year and capital type, in đồng.
struct CapitalPlan {
    std::string unitCode;
    std::string programmeId;
    int year = 0;
    std::string capitalType;  ///< "dtpt" | "su_nghiep" | "" (not stated)
    std::int64_t planVnd = 0;
    std::string source;
};

/// A disbursement figure (giải ngân) in đồng at a date: an increment, or the cumulative total
/// ("lũy kế") at that date when `cumulative` is set.
struct Disbursement {
    std::string unitCode;
    std::string programmeId;
    int year = 0;  ///< plan year the money belongs to
    std::string capitalType;
    std::string date;  ///< YYYY-MM-DD
    std::int64_t amountVnd = 0;
    bool cumulative = false;
    std::string source;
};

/// Infrastructure statuses, stored as text.
inline constexpr const char* kInfrastructureStatuses[] = {"planned", "under_construction", "completed"};

struct InfrastructureItem {
    std::string type;    ///< "waste_site" | "road" | "cultural_house" | "school" | "health_station" | "clean_water" | …
    std::string name;
    std::string status;  ///< one of kInfrastructureStatuses
    std::optional<std::int64_t> budgetVnd;
    std::string startDate;  ///< YYYY-MM-DD or ""
    std::string deadline;   ///< YYYY-MM-DD or ""
    std::string department;
    std::string unitCode;  ///< "" when not tied to a unit
    std::vector<std::uint8_t> geometry;  ///< GeoPackage blob (point or line) in EPSG:4326
    std::string source;
    std::int64_t id = 0;  ///< the row's fid in the project (0 before it is stored): what edits name
};

/// A task from a conclusion notice (thông báo kết luận).
struct Task {
    std::string text;
    std::string responsible;
    std::string unitCode;
    std::string deadline;  ///< YYYY-MM-DD or ""
    std::string status;    ///< "open" | "done"
    std::string doneDate;  ///< YYYY-MM-DD or ""
    std::string sourceDocument;
    std::int64_t id = 0;  ///< the row's id in the project (0 before it is stored): what edits name
};

/// A yearly indicator of a unit (e.g. "poverty_rate" in %).
struct Indicator {
    std::string unitCode;
    std::string name;
    int year = 0;
    double value = 0;
};

/// A disbursement milestone of a plan year: `targetPct` of the plan disbursed by `date`
/// (e.g. 40 % by 30/9/2024 and 100 % by 31/12/2024). An empty programme applies to all.
struct DisbursementMilestone {
    std::string programmeId;
    int year = 0;
    std::string date;  ///< YYYY-MM-DD
    double targetPct = 0;
};

/// A saved dashboard view ("slide"): the dashboard serialises its state (scope, indicator,
/// filters, date, camera) into `state`; the store keeps it as text.
struct Bookmark {
    std::string name;
    int position = 0;  ///< order in the slide show
    std::string state;
};

struct Criterion {
    int number = 0;
    std::string name;
};

/// A criteria set (national from criteria_sets.json, or a project's provincial set).
struct CriteriaSet {
    std::string id;
    std::string name;
    std::string tier;   ///< "ntm" | "ntm_nang_cao" | "ntm_kieu_mau" | …
    std::string level;  ///< "xa" | "huyen" | …
    std::vector<Criterion> criteria;
    int size() const { return static_cast<int>(criteria.size()); }
};

}  // namespace gis::model
