#include "gis/importer/importer.hpp"

#include "gis/importer/column_catalog.hpp"
#include "gis/importer/importer_kinds.hpp"
#include "gis/importer/problem_report.hpp"
#include "gis/importer/sheet_layout.hpp"
#include "gis/importer/cell_values.hpp"
#include "gis/model/iso_date.hpp"
#include "gis/model/unit_naming.hpp"
#include "gis/store/schema.hpp"

namespace gis::importer {
namespace {

struct KindSpec {
    const char* name;
    bool wantsGeometry;
    bool criteriaColumns;
    std::vector<CanonicalColumn> (*columns)(const ImportOptions&);
    void (*plan)(ImportContext&, ImportBatch&);
};

const KindSpec* findKind(const std::string& kind) {
    static const KindSpec kKinds[] = {
        {"units", true, false, [](const ImportOptions& o) { return unitColumns(o.level); }, planUnits},
        {"criteria-set", false, false, [](const ImportOptions&) { return criteriaSetColumns(); }, planCriteriaSet},
        {"criteria", false, true, [](const ImportOptions&) { return criteriaColumns(); }, planCriteria},
        {"disbursement", false, false, [](const ImportOptions&) { return moneyColumns(); }, planDisbursement},
        {"infrastructure", true, false, [](const ImportOptions&) { return infrastructureColumns(); }, planInfrastructure},
        {"tasks", false, false, [](const ImportOptions&) { return taskColumns(); }, planTasks},
        {"work-types", false, false, [](const ImportOptions&) { return workTypeColumns(); }, planWorkTypes},
    };
    for (const KindSpec& k : kKinds)
        if (kind == k.name) return &k;
    return nullptr;
}

/// Option checks that need no file: a bad --as-of or --level fails before anything is read.
Status checkOptions(const std::string& kind, const ImportOptions& options) {
    if (!options.asOf.empty() && !model::isIsoDate(options.asOf))
        return makeError(ErrorCode::BadInput, "--as-of " + options.asOf + ": not a date (YYYY-MM-DD)");
    if (kind == "units" && options.level.empty())
        return makeError(ErrorCode::BadInput, "import units needs --level (province, district, commune or village)");
    if (!options.level.empty() && !model::isKnownLevel(options.level))
        return makeError(ErrorCode::BadInput, "--level " + options.level + ": expected province, district, commune or village");
    if (!options.moneyUnit.empty() && moneyUnitScale(options.moneyUnit) == 0)
        return makeError(ErrorCode::BadInput, "--money-unit " + options.moneyUnit + ": expected dong, nghin, trieu or ty");
    return Ok{};
}

}  // namespace

Result<ImportReport> importFile(const std::string& projectPath, const std::string& kind, const std::string& file,
                                const ImportOptions& options) {
    const KindSpec* spec = findKind(kind);
    if (spec == nullptr) {
        std::string kinds;
        for (const char* k : kImportKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
        return makeError(ErrorCode::BadInput, "unknown import kind '" + kind + "' (expected " + kinds + ")");
    }
    if (auto status = checkOptions(kind, options); !status) return status.error();

    auto db = store::openProject(projectPath, true);
    if (!db) return db.error();
    // Kinds with geometry compare it with what the project holds (good geometry is never replaced by worse).
    auto project = store::loadProjectData(*db, spec->wantsGeometry);
    if (!project) return project.error();
    auto table = readSourceTable(file, options, spec->wantsGeometry);
    if (!table) return table.error();
    const std::vector<CanonicalColumn> known = spec->columns(options);
    std::vector<std::string> layoutNotes;
    if (const std::string header = promoteHeaderRow(*table, known, spec->criteriaColumns); !header.empty())
        layoutNotes.push_back(table->label() + ": the header is " + header + "; the title rows above it were left out");
    auto binding = bindColumns(*table, known, options.columnMap, spec->criteriaColumns);
    if (!binding) return binding.error();
    // A "Tổng cộng" line sums the rows above it: importing it as a unit would be wrong.
    std::erase_if(table->rows, [&](const SourceRow& row) {
        if (!isTotalRow(row, *binding)) return false;
        layoutNotes.push_back(table->label() + ", " + row.location + ": a total row, not imported");
        return true;
    });

    ProblemList problems;
    std::vector<std::string> skipped;
    UnitMatcher matcher(project->units);
    ImportContext context{*table, *binding, options, *project, matcher, problems, skipped};
    ImportBatch batch;
    spec->plan(context, batch);
    if (!problems.empty()) {
        const std::string what = "import " + kind + " " + file;
        if (problems.size() <= kProblemsShown) return problems.toError(what);
        const std::string reportPath = problemReportPath(projectPath, kind, file);
        const Status written = writeProblemReport(problems, reportPath);
        return problems.toError(what, kProblemsShown,
                                written ? "The full list of " + std::to_string(problems.size()) + " problems is in " + reportPath
                                        : written.error().message);
    }
    if (batch.size() == 0)
        return makeError(ErrorCode::BadInput, table->label() + ": nothing to import" +
                                                  (skipped.empty() ? std::string() : " (every row was skipped as unmatched)"));

    if (auto status = writeBatch(*db, batch, kind, file, table->sheet, static_cast<int>(skipped.size())); !status)
        return status.error();
    ImportReport report;
    report.kind = kind;
    report.file = file;
    report.sheet = table->sheet;
    report.rowsRead = static_cast<int>(table->rows.size());
    report.recordsWritten = static_cast<int>(batch.size());
    report.skipped = std::move(skipped);
    report.notes = std::move(layoutNotes);
    for (std::string& note : batch.notes) report.notes.push_back(std::move(note));
    report.warnings = std::move(batch.warnings);
    return report;
}

}  // namespace gis::importer
