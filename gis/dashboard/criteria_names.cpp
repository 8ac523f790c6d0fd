#include "gis/dashboard/criteria_names.hpp"

#include <cpl_json.h>

#include <map>
#include <utility>

#include "gis/core/assets.hpp"

namespace gis::dashboard {
namespace {

struct EnglishNames {
    std::map<std::string, std::string> sets;
    std::map<std::pair<std::string, int>, std::string> criteria;
};

/// Read once from the embedded asset; empty when it cannot be read (Vietnamese is then shown).
const EnglishNames& englishNames() {
    static const EnglishNames kNames = [] {
        EnglishNames names;
        const auto text = findAsset("criteria_sets.json");
        CPLJSONDocument doc;
        if (!text || !doc.LoadMemory(std::string(*text))) return names;
        for (const CPLJSONObject& set : doc.GetRoot().GetArray("criteria_sets")) {
            const std::string id = set.GetString("id");
            names.sets[id] = set.GetString("name_en");
            for (const CPLJSONObject& criterion : set.GetArray("criteria"))
                names.criteria[{id, criterion.GetInteger("number")}] = criterion.GetString("name_en");
        }
        return names;
    }();
    return kNames;
}

}  // namespace

std::string criteriaSetName(const ProjectFigures& figures, const std::string& setId, Language language) {
    if (language == Language::En)
        if (const auto it = englishNames().sets.find(setId); it != englishNames().sets.end() && !it->second.empty()) return it->second;
    const model::CriteriaSet* set = figures.criteriaSet(setId);
    return set != nullptr ? set->name : setId;
}

std::string criterionName(const ProjectFigures& figures, const std::string& setId, int number, Language language) {
    if (language == Language::En)
        if (const auto it = englishNames().criteria.find({setId, number}); it != englishNames().criteria.end() && !it->second.empty())
            return it->second;
    if (const model::CriteriaSet* set = figures.criteriaSet(setId))
        for (const model::Criterion& c : set->criteria)
            if (c.number == number) return c.name;
    return "";
}

}  // namespace gis::dashboard
