#include "gis/importer/unit_matcher.hpp"

#include <algorithm>
#include <cctype>

#include "gis/model/unit_naming.hpp"

namespace gis::importer {
namespace {

const char* levelWord(const std::string& level) {
    if (level == "commune") return "commune";
    if (level == "district") return "district";
    if (level == "province") return "province";
    if (level == "village") return "village";
    return "unit";
}

/// Edit distance on bytes of two folded (ASCII) keys, for "closest names" suggestions.
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

UnitMatcher::UnitMatcher(std::vector<model::Unit> units, const std::multimap<std::string, std::string>& aliases)
    : m_units(std::move(units)) {
    m_matchKeys.reserve(m_units.size());
    m_foldKeys.reserve(m_units.size());
    for (std::size_t i = 0; i < m_units.size(); ++i) {
        m_byCode[m_units[i].code] = i;
        m_matchKeys.push_back(model::unitMatchKey(m_units[i].name));
        m_foldKeys.push_back(model::unitFoldKey(m_units[i].name));
    }
    for (const auto& [key, code] : aliases)
        if (const auto it = m_byCode.find(code); it != m_byCode.end()) m_aliasUnits.emplace(key, it->second);
}

std::string UnitMatcher::describe(const model::Unit& unit) const {
    std::string text = unit.code + " " + unit.name;
    if (const auto it = m_byCode.find(unit.parentCode); it != m_byCode.end()) text += " (" + m_units[it->second].name + ")";
    return text;
}

const model::Unit* UnitMatcher::findByCode(const std::string& code, const std::string& level) const {
    auto exact = m_byCode.find(code);
    if (exact != m_byCode.end() && (level.empty() || m_units[exact->second].level == level)) return &m_units[exact->second];
    if (!allDigits(code)) return nullptr;
    // Excel dropped the leading zeros: try the level's width, or each width when the level is open.
    const model::Unit* found = nullptr;
    for (const char* l : {"commune", "district", "province"}) {
        if (!level.empty() && level != l) continue;
        const auto it = m_byCode.find(model::restoreCode(code, l));
        if (it == m_byCode.end() || m_units[it->second].level != l) continue;
        if (found != nullptr && found != &m_units[it->second]) return nullptr;  // ambiguous widths: refuse
        found = &m_units[it->second];
    }
    return found;
}

bool UnitMatcher::isWithin(const model::Unit& unit, const model::Unit& ancestor) const {
    const model::Unit* current = &unit;
    for (int depth = 0; depth < 4 && current != nullptr; ++depth) {
        if (current->parentCode == ancestor.code) return true;
        const auto it = m_byCode.find(current->parentCode);
        current = it == m_byCode.end() ? nullptr : &m_units[it->second];
    }
    return false;
}

std::vector<const model::Unit*> UnitMatcher::byName(const std::string& name, const std::string& level,
                                                    const model::Unit* scope) const {
    const std::string key = model::unitMatchKey(name);
    const std::string typed = model::unitTypeFromName(name);  // "Thị trấn Anh Sơn" must not match "Huyện Anh Sơn"
    std::vector<const model::Unit*> candidates;
    for (const model::Unit& u : m_units) {
        if (!level.empty() && u.level != level) continue;
        if (!typed.empty() && u.type != typed) continue;
        if (scope != nullptr && !isWithin(u, *scope)) continue;
        candidates.push_back(&u);
    }
    // An alias the project remembers (a name a user picked a unit for) counts as the unit's own name.
    const std::string folded = model::unitFoldKey(name);
    const auto aliased = m_aliasUnits.equal_range(folded);
    auto hasAlias = [&](const model::Unit* u) {
        for (auto it = aliased.first; it != aliased.second; ++it)
            if (it->second == indexOf(*u)) return true;
        return false;
    };
    std::vector<const model::Unit*> exact;
    for (const model::Unit* u : candidates)
        if (m_matchKeys[indexOf(*u)] == key || (aliased.first != aliased.second && hasAlias(u))) exact.push_back(u);
    if (!exact.empty()) return exact;
    // Diacritics-insensitive fallback: "Hương Hoà" (old tone placement) = "Hương Hòa".
    std::vector<const model::Unit*> loose;
    for (const model::Unit* u : candidates)
        if (m_foldKeys[indexOf(*u)] == folded) loose.push_back(u);
    return loose;
}

std::vector<const model::Unit*> UnitMatcher::closest(const std::string& name, const std::string& level, const model::Unit* scope) const {
    // The nearest names (a typo, a renamed or merged commune), to show, never to pick.
    const std::string folded = model::unitFoldKey(name);
    std::vector<std::pair<std::size_t, const model::Unit*>> near;
    for (const model::Unit& u : m_units) {
        if ((!level.empty() && u.level != level) || (scope != nullptr && !isWithin(u, *scope))) continue;
        const std::size_t d = editDistance(folded, m_foldKeys[indexOf(u)]);
        if (d <= 2) near.emplace_back(d, &u);
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const model::Unit*> out;
    for (std::size_t i = 0; i < near.size() && i < kMaxCandidates; ++i) out.push_back(near[i].second);
    return out;
}

const model::Unit* UnitMatcher::resolveScope(const std::string& code, const std::string& name, const std::string& level,
                                             const model::Unit* scope, UnitMatch& failure) const {
    if (!code.empty()) {
        const model::Unit* unit = findByCode(code, level);
        if (unit == nullptr) failure.problem = std::string("no ") + levelWord(level) + " with code " + code + " in the project";
        return unit;
    }
    if (name.empty()) return nullptr;
    const auto found = byName(name, level, scope);
    if (found.size() == 1) return found.front();
    failure.failedName = name;
    failure.failedLevel = level;
    if (found.empty()) {
        failure.problem = std::string("no ") + levelWord(level) + " named '" + name + "' in the project";
        failure.candidates = closest(name, level, scope);
        if (!failure.candidates.empty()) failure.problem += "; closest:";
        for (const model::Unit* u : failure.candidates) failure.problem += " " + describe(*u) + ";";
    } else {
        failure.ambiguous = true;
        failure.problem = std::string(levelWord(level)) + " name '" + name + "' is ambiguous:";
        for (const model::Unit* u : found) failure.problem += " " + describe(*u) + ";";
        failure.candidates.assign(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(std::min(found.size(), kMaxCandidates)));
    }
    return nullptr;
}

UnitMatch UnitMatcher::match(const UnitQuery& q) const {
    UnitMatch result;
    if (!q.code.empty()) {
        result.unit = findByCode(q.code, q.level);
        if (result.unit == nullptr) {
            const model::Unit* other = findByCode(q.code, "");
            if (other != nullptr)
                result.problem = "code " + q.code + " is " + describe(*other) + ", a " + other->level + ", not a " + levelWord(q.level);
            else
                result.problem = std::string("no ") + levelWord(q.level) + " with code " + q.code + " in the project";
        }
        return result;
    }
    result.byName = true;
    if (q.name.empty()) {
        result.problem = "the row names no unit (no code and no name)";
        return result;
    }
    const model::Unit* province = resolveScope(q.provinceCode, q.provinceName, "province", nullptr, result);
    if (!result.problem.empty()) {
        result.blameParent = true;
        return result;
    }
    const model::Unit* district = resolveScope(q.districtCode, q.districtName, "district", province, result);
    if (!result.problem.empty()) {
        result.blameParent = true;
        return result;
    }
    const model::Unit* scope = district != nullptr ? district : province;
    const auto found = byName(q.name, q.level, scope);
    if (found.size() == 1) {
        result.unit = found.front();
        return result;
    }
    const std::string within = scope != nullptr ? " in " + scope->name : std::string(" in the project");
    result.failedName = q.name;
    result.failedLevel = q.level;
    if (found.empty()) {
        result.problem = std::string("no ") + levelWord(q.level) + " named '" + q.name + "'" + within;
        result.candidates = closest(q.name, q.level, scope);
        if (!result.candidates.empty()) result.problem += "; closest:";
        for (const model::Unit* u : result.candidates) result.problem += " " + describe(*u) + ";";
    } else {
        result.ambiguous = true;
        result.problem = "'" + q.name + "' is ambiguous, " + std::to_string(found.size()) + " units match" + within + ":";
        for (const model::Unit* u : found) result.problem += " " + describe(*u) + ";";
        result.problem += " add a code column or a district column (Huyện / Mã huyện)";
        result.candidates.assign(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(std::min(found.size(), kMaxCandidates)));
    }
    return result;
}

}  // namespace gis::importer
