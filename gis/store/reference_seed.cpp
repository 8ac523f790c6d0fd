#include "gis/store/reference_seed.hpp"

#include <cpl_json.h>

#include <string>

#include "gis/core/assets.hpp"

namespace gis::store {
namespace {

Result<CPLJSONObject> loadAsset(const char* name) {
    const auto text = findAsset(name);
    if (!text) return makeError(ErrorCode::NotFound, std::string("embedded asset ") + name + " is missing");
    CPLJSONDocument doc;
    // LoadMemory takes a NUL-terminated string; the asset view is not guaranteed to be one.
    const std::string copy(*text);
    if (!doc.LoadMemory(copy)) return makeError(ErrorCode::BadInput, std::string("embedded asset ") + name + " is not valid JSON");
    return doc.GetRoot();
}

Status seedCriteriaSets(Database& db) {
    auto root = loadAsset("criteria_sets.json");
    if (!root) return root.error();
    auto insertSet = db.prepare(
        "INSERT INTO ntm_criteria_sets (id, name, tier, level, period, criteria_count, origin) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'builtin')");
    auto insertCriterion = db.prepare("INSERT INTO ntm_criteria (set_id, number, name) VALUES (?1, ?2, ?3)");
    if (!insertSet) return insertSet.error();
    if (!insertCriterion) return insertCriterion.error();
    for (const CPLJSONObject& set : root->GetArray("criteria_sets")) {
        const std::string id = set.GetString("id");
        const CPLJSONArray criteria = set.GetArray("criteria");
        insertSet->bind(1, id).bind(2, set.GetString("name_vi")).bind(3, set.GetString("tier"));
        insertSet->bind(4, set.GetString("level")).bind(5, set.GetString("period"));
        // The JSON's criteria_count is null for sets whose content was not retrieved; the size
        // used for "n/N" is the number of criteria we actually know.
        if (criteria.Size() > 0)
            insertSet->bind(6, criteria.Size());
        else
            insertSet->bindNull(6);
        if (auto status = insertSet->run(); !status) return status;
        for (const CPLJSONObject& criterion : criteria) {
            insertCriterion->bind(1, id).bind(2, criterion.GetInteger("number")).bind(3, criterion.GetString("name_vi"));
            if (auto status = insertCriterion->run(); !status) return status;
        }
    }
    return Ok{};
}

Status seedProgrammes(Database& db) {
    auto root = loadAsset("programmes.json");
    if (!root) return root.error();
    auto insert = db.prepare("INSERT INTO ntm_programmes (id, short_name, name_vi, name_en) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return insert.error();
    for (const CPLJSONObject& programme : root->GetArray("programmes")) {
        insert->bind(1, programme.GetString("id")).bind(2, programme.GetString("short"));
        insert->bind(3, programme.GetString("name_vi")).bind(4, programme.GetString("name_en"));
        if (auto status = insert->run(); !status) return status;
    }
    return Ok{};
}

}  // namespace

Status seedReferenceData(Database& db) {
    if (auto status = seedCriteriaSets(db); !status) return status;
    return seedProgrammes(db);
}

}  // namespace gis::store
