// `import units`: administrative units with their codes, names, parents and geometry.
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <optional>

#include "gis/data/text_encoding.hpp"
#include "gis/importer/cell_values.hpp"
#include "gis/importer/geometry_checks.hpp"
#include "gis/importer/importer_kinds.hpp"
#include "gis/model/unit_naming.hpp"
#include "gis/store/gpkg_geometry.hpp"

namespace gis::importer {
namespace {

/// A parent unit the import creates because its children name it (by code or by name): no
/// geometry, its type from the name's prefix; the import's notes say it was created.
model::Unit placeholderParent(const std::string& code, const std::string& name, const std::string& level, const std::string& file) {
    model::Unit parent;
    parent.code = code;
    parent.name = name;
    parent.level = level;
    parent.type = model::unitTypeFor(name, level);
    parent.source = file;
    return parent;
}

/// The geometry to store for `unit` from its row: checked, repaired when it can be, and never
/// worse than the good geometry the project already has for the unit. Problems go on the row,
/// things the user should know into `warnings`. Empty: store none (the project keeps its own).
std::vector<std::uint8_t> unitGeometry(RowScope& scope, const ImportContext& ctx, const model::Unit& unit, const model::Unit* existing,
                                       std::vector<std::string>& warnings) {
    const SourceRow& row = scope.row();
    const std::string who = unit.name.empty() ? std::string() : "'" + unit.name + "': ";
    const std::string where = ctx.table.label() + ", " + row.location + ": " + who;
    const bool hadGood = existing != nullptr && isGoodStoredGeometry(store::decodeGpkgGeometry(existing->geometry).get());
    const std::string keeps = hadGood ? "; the project keeps the geometry it has for " + unit.code : "";
    if (!row.geometryProblem.empty()) {
        scope.problem("", who + row.geometryProblem + keeps);
        return {};
    }
    if (!row.geometry || row.geometry->IsEmpty()) {
        if (!ctx.table.hasGeometryField) return {};  // a sheet of attributes: the stored geometry stays as it is
        const std::string what = row.geometry ? "empty geometry" : "no geometry";
        if (hadGood)
            scope.problem("", who + what + " would replace the good geometry " + unit.code + " has in the project; " +
                                  "leave the feature out (--where) or fix its shape");
        else
            warnings.push_back(where + what + ", imported without a shape");
        return {};
    }
    const ShapeKind kind = unit.level == "village" ? ShapeKind::AreaOrPoint : ShapeKind::Area;
    GeometryVerdict verdict = checkImportGeometry(*row.geometry, kind, ctx.table.crsArea);
    if (!verdict.problem.empty()) {
        scope.problem("", who + verdict.problem + keeps);
        return {};
    }
    if (!verdict.warning.empty()) warnings.push_back(where + verdict.warning);
    return store::encodeGpkgGeometry(*verdict.geometry, 4326);
}

/// A population or area cell: a finite number from zero to `most`, else a problem. nullopt when empty.
std::optional<double> measure(RowScope& scope, const std::string& key, const char* what, double most) {
    const Cell& cell = scope.cell(key);
    if (cell.empty()) return std::nullopt;
    const auto value = parseNumber(cell);
    if (!value || !std::isfinite(*value)) {
        scope.problem(key, std::string("not a ") + what + " (expected a finite number)");
        return std::nullopt;
    }
    if (*value < 0) {
        scope.problem(key, std::string("negative ") + what + ": it cannot be below zero");
        return std::nullopt;
    }
    if (*value > most) {
        scope.problem(key, std::string("impossible ") + what + ": more than all of Vietnam");
        return std::nullopt;
    }
    return value;
}

/// "Xã", "xa", "Phường", "thi_tran" … as a type id; "" when not recognised.
std::string typeFromWord(const std::string& word) {
    const std::string folded = gis::data::foldDiacritics(word);
    for (const char* id : {"xa", "phuong", "thi_tran", "huyen", "quan", "thi_xa", "thanh_pho", "tinh", "thon", "dac_khu"})
        if (folded == id) return id;
    return model::unitTypeFromName(word + " x");  // reuse the prefix table: "Thị trấn x" → thi_tran
}

/// The code of a parent created from its name alone: a letter for the level (P province, D district,
/// C commune), a hyphen and the name folded as the matcher folds it (no type prefix, no diacritics),
/// words joined by hyphens: "Huyện Bắc Sơn" → "D-bac-son". GSO codes are digits only, so this can never
/// be a real code, and the same name always gives the same code (re-importing the layer is safe).
std::string codeForNamedParent(const std::string& name, const std::string& level) {
    const char* letter = level == "province" ? "P-" : level == "district" ? "D-" : level == "commune" ? "C-" : nullptr;
    if (letter == nullptr) return {};
    std::string slug;
    for (const char c : model::unitFoldKey(name)) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0)
            slug.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!slug.empty() && slug.back() != '-')
            slug.push_back('-');
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? std::string() : letter + slug;
}

}  // namespace

void planUnits(ImportContext& ctx, ImportBatch& batch) {
    const std::string& level = ctx.options.level;
    if (!ctx.binding.has("code") && ctx.options.fallbackCodeField.empty()) {
        ctx.problems.addGeneral(ctx.table.label(), "no code column: name it with --code FIELD (columns are matched by code)");
        return;
    }
    if (!ctx.binding.has("name")) {
        ctx.problems.addGeneral(ctx.table.label(), "no name column: name it with --name FIELD");
        return;
    }
    int fallbackColumn = -1;
    if (!ctx.options.fallbackCodeField.empty()) {
        for (std::size_t i = 0; i < ctx.table.columns.size(); ++i)
            if (ctx.table.columns[i] == ctx.options.fallbackCodeField) fallbackColumn = static_cast<int>(i);
        if (fallbackColumn < 0) {
            ctx.problems.addGeneral(ctx.table.label(), "no column '" + ctx.options.fallbackCodeField + "' for --fallback-code");
            return;
        }
    }
    const std::string upLevel = model::parentLevel(level);
    std::map<std::string, std::string> seenCodes;    // code → row location, for duplicate detection
    std::map<std::string, model::Unit> newParents;   // placeholder parents created from parent_code + parent_name, or the name alone
    std::set<std::string> namedOnly;                 // those of newParents created from a name alone (code of our own)
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        model::Unit unit;
        unit.level = level;
        unit.source = ctx.table.file;
        unit.code = model::restoreCode(scope.text("code"), level);
        if (unit.code.empty() && fallbackColumn >= 0) unit.code = row.cells[static_cast<std::size_t>(fallbackColumn)].text;
        if (unit.code.empty())
            scope.problem("code", "empty code" + std::string(fallbackColumn < 0 ? " (a --fallback-code FIELD can fill it)" : ""));
        else if (const auto seen = seenCodes.find(unit.code); seen != seenCodes.end())
            scope.problem("code", "duplicated code " + unit.code + " (also at " + seen->second + ")");
        else
            seenCodes[unit.code] = row.location;
        // Re-importing a unit updates it; turning a commune into a district by a code clash must not happen.
        if (const model::Unit* existing = ctx.matcher.findByCode(unit.code, ""); existing != nullptr && existing->code == unit.code &&
                                                                                  existing->level != level)
            scope.problem("code", "code " + unit.code + " is already " + ctx.matcher.describe(*existing) + ", a " + existing->level +
                                      ", in the project");
        unit.name = scope.text("name");
        if (unit.name.empty()) scope.problem("name", "empty name");
        unit.type = model::unitTypeFor(unit.name, level);
        if (!scope.text("type").empty()) {
            unit.type = typeFromWord(scope.text("type"));
            if (unit.type.empty()) scope.problem("type", "unknown unit type (xa, phuong, thi_tran, huyen, quan, thi_xa, thanh_pho, tinh, thon)");
        }
        // Bounds: Vietnam has about 100 million people on 331 000 km²; no unit can have more.
        if (const auto pop = measure(scope, "population", "population", 200e6); pop) unit.population = *pop;
        if (const auto area = measure(scope, "area_km2", "area in km²", 400e3); area) unit.areaKm2 = *area;

        // Parent: by code (restoring zeros), else by name among the level above.
        const std::string parentCode = model::restoreCode(scope.text("parent_code"), upLevel);
        const std::string parentName = scope.text("parent_name");
        if (!parentCode.empty()) {
            const model::Unit* parent = ctx.matcher.findByCode(parentCode, upLevel);
            // The two-tier administration in force since 1/7/2025 has no districts: a commune's
            // parent is its province, whose code then stands in the parent column.
            if (parent == nullptr && level == "commune")
                parent = ctx.matcher.findByCode(model::restoreCode(scope.text("parent_code"), "province"), "province");
            if (parent != nullptr) {
                unit.parentCode = parent->code;
            } else if (newParents.count(parentCode) != 0 || seenCodes.count(parentCode) != 0) {
                unit.parentCode = parentCode;
            } else if (const model::Unit* other = ctx.matcher.findByCode(parentCode, ""); other != nullptr) {
                scope.problem("parent_code", "parent code " + parentCode + " is " + ctx.matcher.describe(*other) + ", a " + other->level +
                                                 ", not a " + upLevel);
            } else if (!parentName.empty() && !upLevel.empty()) {
                newParents[parentCode] = placeholderParent(parentCode, parentName, upLevel, ctx.table.file);
                unit.parentCode = parentCode;
            } else {
                scope.problem("parent_code", "no " + upLevel + " with code " + parentCode +
                                                 " in the project: import the " + upLevel +
                                                 "s first, or add a parent name column (--map parent_name=FIELD)");
            }
        } else if (!parentName.empty() && !upLevel.empty()) {
            UnitQuery query;
            query.name = parentName;
            query.level = upLevel;
            const UnitMatch match = ctx.matcher.match(query);
            const std::string ownCode = codeForNamedParent(parentName, upLevel);
            if (match.unit != nullptr) {
                unit.parentCode = match.unit->code;
            } else if (newParents.count(ownCode) != 0) {
                unit.parentCode = ownCode;
            } else if (!match.ambiguous && match.candidates.empty() && !ownCode.empty() &&
                       ctx.matcher.findByCode(ownCode, "") == nullptr && seenCodes.count(ownCode) == 0) {
                // A commune layer with only a district-name column, into a project without that district
                // (a district office's first import): the parent is created by name, without geometry, under
                // a code of our own. Never when a unit of that level has a name within two letters of it:
                // that is more likely a misspelling, and a problem listing the closest units.
                newParents[ownCode] = placeholderParent(ownCode, parentName, upLevel, ctx.table.file);
                namedOnly.insert(ownCode);
                unit.parentCode = ownCode;
            } else {
                scope.unmatchedUnit("parent_name", match);
            }
        }
        const model::Unit* existing = unit.code.empty() ? nullptr : ctx.matcher.findByCode(unit.code, level);
        if (existing != nullptr && existing->code != unit.code) existing = nullptr;
        std::vector<std::string> warnings;
        unit.geometry = unitGeometry(scope, ctx, unit, existing, warnings);
        if (scope.finish()) {
            batch.units.push_back(std::move(unit));
            batch.warnings.insert(batch.warnings.end(), warnings.begin(), warnings.end());
        }
    }
    // Placeholder parents go first, so the children's foreign keys resolve.
    std::vector<model::Unit> ordered;
    for (auto& [code, parent] : newParents) {
        if (namedOnly.count(code) != 0)
            batch.notes.push_back("created " + parent.level + " " + code + " " + parent.name +
                                  " (no geometry) as the parent of imported units: the file names it without a code, so its code is "
                                  "our own (" + code.substr(0, 2) + " and the name; GSO codes are digits only, so it never clashes)");
        else
            batch.notes.push_back("created " + parent.level + " " + code + " " + parent.name + " (no geometry) as the parent of imported units");
        ordered.push_back(parent);
    }
    for (auto& u : batch.units) ordered.push_back(std::move(u));
    batch.units = std::move(ordered);
}

}  // namespace gis::importer
