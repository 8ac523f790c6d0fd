// `import criteria`: assessments of communes against a criteria set, per criterion or as a count.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gis/importer/cell_values.hpp"
#include "gis/importer/importer_kinds.hpp"

namespace gis::importer {
namespace {

const model::CriteriaSet* findSet(const ImportContext& ctx, const std::string& id) {
    const auto it = ctx.project.criteriaSets.find(id);
    return it == ctx.project.criteriaSets.end() ? nullptr : &it->second;
}

std::string knownSets(const ImportContext& ctx) {
    std::string names;
    for (const auto& [id, set] : ctx.project.criteriaSets)
        if (set.size() > 0) names += (names.empty() ? "" : ", ") + id;
    return names;
}

/// The rows' (unit, set, date) keys seen so far, each with the row it was first seen at: how a
/// commune listed twice is caught across chunks. 16 bytes a row in one flat table (a
/// std::map<string, string> took about 110), exact: the key is made of interned ids, not a hash.
class AssessmentKeys {
public:
    /// The location number of the row where (unit, set, date) was first seen, or nullopt (and
    /// `row` is remembered for it).
    std::optional<std::int64_t> firstSeen(const std::string& unit, const std::string& set, const std::string& date, std::int64_t row) {
        const std::uint64_t unitId = intern(m_units, unit);
        const std::uint64_t setId = intern(m_sets, set);
        const std::uint64_t dateId = dateNumber(date);
        if (unitId >= (1u << 24) || setId >= (1u << 12) || dateId >= (1u << 27)) {  // beyond the packing: a plain map
            const auto [it, added] = m_other.emplace(unit + "|" + set + "|" + date, row);
            if (added) return std::nullopt;
            return it->second;
        }
        const std::uint64_t key = (unitId << 39 | setId << 27 | dateId) + 1;  // 0 marks an empty slot
        if ((m_count + 1) * 4 > m_slots.size() * 3) grow();
        Slot& slot = find(key);
        if (slot.key == key) return slot.row;
        slot = {key, row};
        ++m_count;
        return std::nullopt;
    }

private:
    struct Slot {
        std::uint64_t key = 0;
        std::int64_t row = 0;
    };
    static std::uint64_t intern(std::unordered_map<std::string, std::uint64_t>& ids, const std::string& text) {
        return ids.emplace(text, ids.size()).first->second;
    }
    /// YYYY-MM-DD as YYYYMMDD; anything else (never: dates are checked before) past the packing.
    static std::uint64_t dateNumber(const std::string& date) {
        if (date.size() != 10 || date[4] != '-' || date[7] != '-') return 1u << 27;
        std::uint64_t n = 0;
        for (std::size_t i = 0; i < date.size(); ++i) {
            if (i == 4 || i == 7) continue;
            if (date[i] < '0' || date[i] > '9') return 1u << 27;
            n = n * 10 + static_cast<std::uint64_t>(date[i] - '0');
        }
        return n;
    }
    static std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    Slot& find(std::uint64_t key) {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask)
            if (m_slots[i].key == key || m_slots[i].key == 0) return m_slots[i];
    }
    void grow() {
        std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(m_slots.empty() ? 1024 : 2 * m_slots.size()));
        for (const Slot& s : old)
            if (s.key != 0) find(s.key) = s;
    }
    std::unordered_map<std::string, std::uint64_t> m_units, m_sets;
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
    std::unordered_map<std::string, std::int64_t> m_other;
};

class CriteriaPlanner final : public ChunkPlanner {
public:
    bool begin(ImportContext& ctx) override;
    void plan(ImportContext& ctx, ImportBatch& batch) override;

private:
    AssessmentKeys m_seen;  // unit|set|date → row, to catch a commune listed twice
};

bool CriteriaPlanner::begin(ImportContext& ctx) {
    const bool detailed = !ctx.binding.criteria.empty();
    if (!detailed && !ctx.binding.has("criteria_met")) {
        ctx.problems.addGeneral(ctx.table.label(), "no criterion columns (Tiêu chí 1 … 19) and no count column (Số tiêu chí đạt)");
        return false;
    }
    if (!ctx.binding.has("set") && ctx.options.setId.empty()) {
        ctx.problems.addGeneral(ctx.table.label(), "which criteria set? give --set (" + knownSets(ctx) + ") or a 'Bộ tiêu chí' column");
        return false;
    }
    if (!ctx.options.setId.empty()) {
        const model::CriteriaSet* set = findSet(ctx, ctx.options.setId);
        if (set == nullptr || set->size() == 0) {
            ctx.problems.addGeneral("--set " + ctx.options.setId, "no criteria set with that id and a known criteria list in the project (" +
                                                                      knownSets(ctx) + ")");
            return false;
        }
    }
    return true;
}

}  // namespace

std::unique_ptr<ChunkPlanner> makeCriteriaPlanner() { return std::make_unique<CriteriaPlanner>(); }

void CriteriaPlanner::plan(ImportContext& ctx, ImportBatch& batch) {
    const std::string level = ctx.options.level.empty() ? "commune" : ctx.options.level;
    const bool detailed = !ctx.binding.criteria.empty();
    AssessmentKeys& seen = m_seen;
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        model::Assessment a;
        a.source = ctx.table.file;
        a.note = scope.text("note");
        a.setId = scope.text("set").empty() ? ctx.options.setId : scope.text("set");
        const model::CriteriaSet* set = findSet(ctx, a.setId);
        if (set == nullptr || set->size() == 0) {
            scope.problem("set", "unknown criteria set '" + a.setId + "' (known: " + knownSets(ctx) + ")");
            scope.finish();
            continue;
        }
        a.asOf = scope.date("as_of", ctx.options.asOf, true);
        const model::Unit* unit = scope.matchUnit(level, true);
        if (unit != nullptr) a.unitCode = unit->code;
        // The commune criteria are for rural communes: a ward or township is assessed differently.
        if (unit != nullptr && set->level == "xa" && unit->type != "xa")
            scope.problem(ctx.binding.has("unit_name") ? "unit_name" : "unit_code",
                          unit->name + " is not a xã: the NTM commune criteria (" + set->id + ") apply to rural communes only");
        a.criteriaTotal = set->size();

        if (detailed) {
            a.detailed = true;
            for (const auto& [number, column] : ctx.binding.criteria) {
                if (number > set->size()) {
                    scope.problemAtColumn(column, "criterion " + std::to_string(number) + " does not exist: set " + set->id +
                                                      " has " + std::to_string(set->size()) + " criteria");
                    continue;
                }
                const auto parsed = parseCriterionCell(row.cells[static_cast<std::size_t>(column)]);
                if (!parsed) {
                    scope.problemAtColumn(column, "not a criterion result (Đạt / Chưa đạt / x / 1 / 0 / TRUE / FALSE / Đang thực hiện)");
                    continue;
                }
                a.results.push_back({number, parsed->status, parsed->note});
                if (parsed->status == model::CriterionStatus::Met) ++a.criteriaMet;
            }
            if (static_cast<int>(ctx.binding.criteria.size()) < set->size()) {
                std::string missing;
                for (int n = 1; n <= set->size(); ++n)
                    if (ctx.binding.criteria.count(n) == 0) missing += (missing.empty() ? "" : ", ") + std::to_string(n);
                scope.problem("", "the sheet has no column for criteria " + missing + " of set " + set->id +
                                      " (a detailed sheet needs all " + std::to_string(set->size()) + ")");
            }
        }
        if (const Cell& countCell = scope.cell("criteria_met"); !countCell.empty()) {
            const auto count = parseCount(countCell);
            if (!count) {
                scope.problem("criteria_met", "not a count of criteria (e.g. 14 or 14/19)");
            } else if (count->second != 0 && count->second != set->size()) {
                scope.problem("criteria_met", "counts out of " + std::to_string(count->second) + " but set " + set->id + " has " +
                                                  std::to_string(set->size()) + " criteria");
            } else if (count->first > set->size()) {
                scope.problem("criteria_met", "count " + std::to_string(count->first) + " is larger than the " +
                                                  std::to_string(set->size()) + " criteria of set " + set->id);
            } else if (detailed && count->first != a.criteriaMet) {
                scope.problem("criteria_met", "says " + std::to_string(count->first) + " criteria met, but " +
                                                  std::to_string(a.criteriaMet) + " criterion cells read as met");
            } else {
                a.criteriaMet = count->first;
            }
        } else if (!detailed) {
            scope.problem("criteria_met", "empty count of criteria met");
        }
        if (const Cell& totalCell = scope.cell("criteria_total"); !totalCell.empty()) {
            const auto total = parseCount(totalCell);
            if (!total || total->first != set->size())
                scope.problem("criteria_total", "set " + set->id + " has " + std::to_string(set->size()) + " criteria");
        }
        if (unit != nullptr && !a.asOf.empty()) {
            if (const auto first = seen.firstSeen(a.unitCode, a.setId, a.asOf, row.locationNumber))
                scope.problem("unit_name", unit->name + " is assessed twice for " + a.setId + " at " + a.asOf + " (also at " +
                                               ctx.table.locationOf(*first) + ")");
        }
        if (scope.finish()) batch.assessments.push_back(std::move(a));
    }
}

}  // namespace gis::importer
