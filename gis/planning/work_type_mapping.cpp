#include "gis/planning/work_type_mapping.hpp"

#include <algorithm>
#include <cctype>

#include "gis/data/text_encoding.hpp"

namespace gis::planning {
namespace {

/// Folded words: "Thủy lợi và phòng, chống thiên tai" → "thuy loi va phong chong thien tai".
std::string nameKey(const std::string& name) {
    const std::string folded = data::foldDiacritics(name);
    std::string key;
    for (char c : folded) {
        const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
        if (word)
            key += c;
        else if (!key.empty() && key.back() != ' ')
            key += ' ';
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

const std::vector<std::string> kNone;
const std::map<int, std::vector<std::string>> kNoCriteria;

}  // namespace

bool sameCriterionName(const std::string& a, const std::string& b) {
    const std::string ka = nameKey(a), kb = nameKey(b);
    if (ka.empty() || kb.empty()) return false;
    const std::string& shorter = ka.size() <= kb.size() ? ka : kb;
    const std::string& longer = ka.size() <= kb.size() ? kb : ka;
    return longer.compare(0, shorter.size(), shorter) == 0 && (longer.size() == shorter.size() || longer[shorter.size()] == ' ');
}

WorkTypeMapping::WorkTypeMapping(const std::vector<store::CriterionWorkType>& rows, const std::map<std::string, model::CriteriaSet>& sets) {
    for (const store::CriterionWorkType& row : rows) {
        m_bySet[row.setId][row.number].push_back(row.workType);
        m_explicit[row.setId] = true;
    }
    // The names of every explicitly mapped criterion, with its types: what other sets match against.
    std::vector<std::pair<std::string, const std::vector<std::string>*>> named;
    for (const auto& [setId, criteria] : m_bySet) {
        const auto set = sets.find(setId);
        if (set == sets.end()) continue;
        for (const model::Criterion& c : set->second.criteria)
            if (const auto it = criteria.find(c.number); it != criteria.end()) named.push_back({c.name, &it->second});
    }
    for (const auto& [setId, set] : sets) {
        if (m_explicit.count(setId) != 0) continue;
        m_explicit[setId] = false;
        for (const model::Criterion& c : set.criteria)
            for (const auto& [name, types] : named)
                if (sameCriterionName(c.name, name)) {
                    auto& into = m_bySet[setId][c.number];
                    into.insert(into.end(), types->begin(), types->end());
                }
    }
    for (auto& [setId, criteria] : m_bySet)
        for (auto& [number, types] : criteria) {
            std::sort(types.begin(), types.end());
            types.erase(std::unique(types.begin(), types.end()), types.end());
        }
}

const std::vector<std::string>& WorkTypeMapping::typesFor(const std::string& setId, int number) const {
    const auto set = m_bySet.find(setId);
    if (set == m_bySet.end()) return kNone;
    const auto it = set->second.find(number);
    return it == set->second.end() ? kNone : it->second;
}

bool WorkTypeMapping::explicitFor(const std::string& setId) const {
    const auto it = m_explicit.find(setId);
    return it != m_explicit.end() && it->second;
}

const std::map<int, std::vector<std::string>>& WorkTypeMapping::criteriaOf(const std::string& setId) const {
    const auto set = m_bySet.find(setId);
    return set == m_bySet.end() ? kNoCriteria : set->second;
}

}  // namespace gis::planning
