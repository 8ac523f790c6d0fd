#include "gis/importer/importer.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>

#include "gis/importer/import_preview.hpp"
#include "gis/importer/unit_aliases.hpp"

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
    void (*plan)(ImportContext&, ImportBatch&);  ///< the whole table at once (nullptr for the chunked kinds)
    std::unique_ptr<ChunkPlanner> (*chunked)();    ///< chunk by chunk, or nullptr
};

const KindSpec* findKind(const std::string& kind) {
    static const KindSpec kKinds[] = {
        {"units", true, false, [](const ImportOptions& o) { return unitColumns(o.level); }, planUnits, nullptr},
        {"criteria-set", false, false, [](const ImportOptions&) { return criteriaSetColumns(); }, planCriteriaSet, nullptr},
        {"criteria", false, true, [](const ImportOptions&) { return criteriaColumns(); }, nullptr, makeCriteriaPlanner},
        {"disbursement", false, false, [](const ImportOptions&) { return moneyColumns(); }, planDisbursement, nullptr},
        {"infrastructure", true, false, [](const ImportOptions&) { return infrastructureColumns(); }, planInfrastructure, nullptr},
        {"tasks", false, false, [](const ImportOptions&) { return taskColumns(); }, nullptr, makeTasksPlanner},
        {"work-types", false, false, [](const ImportOptions&) { return workTypeColumns(); }, planWorkTypes, nullptr},
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

/// What reading, binding and planning a file gave: everything up to the write. importFile writes
/// when there are no problems; previewImport shows it all. The one pipeline both use.
struct PlannedImport {
    /// The header; `rows`: every row (whole-table kinds) or the first ten planned (chunked kinds).
    SourceTable table;
    std::optional<ColumnBinding> binding;  ///< empty when the columns could not be bound (bindingError says why)
    std::string bindingError;
    std::vector<std::string> layoutNotes;  ///< header promoted, total rows left out
    ProblemList problems;
    std::vector<std::string> skipped;
    std::vector<UnmatchedName> unmatched;
    /// Whole-table kinds: every record to write. Chunked kinds: only the notes and warnings (the
    /// records went to the writer chunk by chunk, or were counted and dropped).
    ImportBatch batch;
    std::size_t records = 0;  ///< records planned
    int rowsPlanned = 0;
    bool chunked = false;
    /// Chunked with a writer: why writing stopped although the rows were clean (busy, disk full).
    std::optional<Error> writeError;
    std::unique_ptr<ProgressMeter> meter;  ///< chunked with a writer: the import's whole progress
};

/// Reads `head` rows at most from `reader` into `rows`; false at the end of the source.
Result<bool> readRows(SourceReader& reader, std::vector<SourceRow>& rows, std::size_t head, std::size_t limit, const std::string& kind) {
    while (rows.size() < head) {
        SourceRow row;
        auto more = reader.next(row);
        if (!more) return more.error();
        if (!*more) return false;
        if (static_cast<std::size_t>(reader.rowsRead()) > limit) return tooManyRowsError(reader.header(), limit, kind);
        rows.push_back(std::move(row));
    }
    return true;
}

/// Reads `file`, binds its columns to the kind's canonical columns and plans every row against the
/// project on `db` (opened read-only or writable). Errors: the file cannot be read, or a --map names
/// a column this kind does not read. With `writer`, the chunked kinds write each clean chunk as it
/// is planned, all in the writer's one transaction, and stop writing (rolled back) at the first
/// problem while the planning goes on to list every problem; the whole-table kinds write nothing
/// here. Planning progress is one step per row, of 2 × rows steps when the write follows.
Result<PlannedImport> readBindPlan(store::Database& db, const KindSpec& spec, const std::string& file, const ImportOptions& options,
                                   BatchWriter* writer) {
    const bool writeFollows = writer != nullptr;
    // Kinds with geometry compare it with what the project holds (good geometry is never replaced by worse).
    auto project = store::loadProjectData(db, spec.wantsGeometry);
    if (!project) return project.error();
    auto aliases = loadUnitAliases(db);
    if (!aliases) return aliases.error();
    const std::vector<CanonicalColumn> known = spec.columns(options);
    if (auto status = checkColumnMap(known, options.columnMap, spec.criteriaColumns); !status) return status.error();

    PlannedImport planned;
    planned.chunked = spec.chunked != nullptr;
    std::unique_ptr<SourceReader> reader;
    std::int64_t featureHint = -1;
    bool atEnd = false;
    if (!planned.chunked) {
        auto table = readSourceTable(file, options, spec.wantsGeometry, SIZE_MAX, kMaxWholeSheetRows, spec.name);
        if (!table) return table.error();
        planned.table = std::move(table).value();
    } else {
        auto opened = SourceReader::open(file, options, spec.wantsGeometry);
        if (!opened) return opened.error();
        reader = std::move(opened).value();
        if (options.progress) featureHint = reader->featureCountHint();
        planned.table = reader->header();
        // The first rows, where a title block may sit above the real header.
        auto more = readRows(*reader, planned.table.rows, 10, kMaxChunkedRows, spec.name);
        if (!more) return more.error();
        atEnd = !*more;
    }
    SourceTable& source = planned.table;
    // Rows the chunked kinds have not read yet are read (and so checked) before anything is said
    // about the columns, as when the whole table was read first.
    auto drain = [&]() -> Status {
        if (!reader) return Ok{};
        std::vector<SourceRow> rows;
        for (bool more = !atEnd; more;) {
            rows.clear();
            auto read = readRows(*reader, rows, kChunkRows, kMaxChunkedRows, spec.name);
            if (!read) return read.error();
            more = *read;
        }
        atEnd = true;
        return Ok{};
    };
    if (reader && source.rows.empty()) {
        if (auto status = drain(); !status) return status.error();
        return makeError(ErrorCode::BadInput, source.label() + ": no data rows" +
                                                  (options.where.empty() ? std::string() : " match --where '" + options.where + "'"));
    }
    if (const std::string header = promoteHeaderRow(source, known, spec.criteriaColumns); !header.empty())
        planned.layoutNotes.push_back(source.label() + ": the header is " + header + "; the title rows above it were left out");
    auto binding = bindColumns(source, known, options.columnMap, spec.criteriaColumns);
    if (!binding) {
        if (auto status = drain(); !status) return status.error();
        planned.bindingError = binding.error().message;
        return planned;
    }
    planned.binding = std::move(binding).value();
    // A "Tổng cộng" line sums the rows above it: importing it as a unit would be wrong.
    auto dropTotals = [&](std::vector<SourceRow>& rows) {
        std::erase_if(rows, [&](const SourceRow& row) {
            if (!isTotalRow(row, *planned.binding)) return false;
            planned.layoutNotes.push_back(source.label() + ", " + row.location + ": a total row, not imported");
            return true;
        });
    };

    std::multimap<std::string, std::string> aliasCodes;
    for (const UnitAlias& a : *aliases) aliasCodes.emplace(a.aliasKey, a.unitCode);
    UnitMatcher matcher(project->units, aliasCodes);
    if (!planned.chunked) {
        dropTotals(source.rows);
        const int rows = static_cast<int>(source.rows.size());
        ProgressMeter meter(options.progress, writeFollows ? 2 * rows : rows);
        ImportContext context{source, *planned.binding, options, *project, matcher, planned.problems, planned.skipped, planned.unmatched, &meter};
        spec.plan(context, planned.batch);
        meter.advance(rows);
        planned.rowsPlanned = rows;
        planned.records = planned.batch.size();
        return planned;
    }

    // Chunk by chunk: read up to `chunk` rows, plan them, write them while every row so far is
    // clean; then the next chunk. Memory grows with the chunk and the planner's keys, not the file.
    const std::size_t chunk = options.chunkRows > 0 ? options.chunkRows : kChunkRows;
    const int hinted = featureHint > 0 ? static_cast<int>(std::min<std::int64_t>(featureHint, INT32_MAX / 2)) : 0;
    planned.meter = std::make_unique<ProgressMeter>(options.progress, writeFollows ? 2 * hinted : hinted);
    ProgressMeter& meter = *planned.meter;
    std::vector<SourceRow> firstRows;  // for the preview
    ImportContext context{source, *planned.binding, options, *project, matcher, planned.problems, planned.skipped, planned.unmatched, nullptr};
    std::unique_ptr<ChunkPlanner> planner = spec.chunked();
    const bool planRows = planner->begin(context);
    ImportBatch part;
    for (;;) {
        if (!atEnd) {
            auto more = readRows(*reader, source.rows, chunk, kMaxChunkedRows, spec.name);
            if (!more) return more.error();
            atEnd = !*more;
        }
        dropTotals(source.rows);
        if (source.rows.empty() && atEnd) break;
        for (std::size_t i = 0; i < source.rows.size() && firstRows.size() < 10; ++i) firstRows.push_back(source.rows[i]);
        const int before = planned.rowsPlanned;
        planned.rowsPlanned += static_cast<int>(source.rows.size());
        if (planRows) planner->plan(context, part);
        meter.advance(writeFollows ? 2 * before + static_cast<int>(source.rows.size()) : planned.rowsPlanned);
        planned.records += part.size();
        if (writer != nullptr) {
            if (!planned.problems.empty() || planned.writeError) {
                writer->rollback();  // a problem: nothing of this import stays; the planning goes on for the list
            } else if (part.size() > 0) {
                if (auto status = writer->write(part); !status) planned.writeError = status.error();
            }
            meter.advance(2 * planned.rowsPlanned);
        }
        for (std::string& note : part.notes) planned.batch.notes.push_back(std::move(note));
        for (std::string& warning : part.warnings) planned.batch.warnings.push_back(std::move(warning));
        part = ImportBatch{};
        source.rows.clear();
    }
    source.rows = std::move(firstRows);
    return planned;
}

Error unknownKind(const std::string& kind) {
    std::string kinds;
    for (const char* k : kImportKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
    return makeError(ErrorCode::BadInput, "unknown import kind '" + kind + "' (expected " + kinds + ")");
}

/// Whether a binding has what the kind cannot do without, for guessing the kind from the headers.
bool bindsRequired(const std::string& kind, const ColumnBinding& b) {
    const bool unitRef = b.has("unit_code") || b.has("unit_name") || b.has("district_code") || b.has("district_name") ||
                         b.has("province_code") || b.has("province_name");
    if (kind == "units") return b.has("code") && b.has("name");
    if (kind == "criteria-set") return b.has("number") && b.has("criterion_name");
    if (kind == "criteria") return unitRef && (b.has("criteria_met") || !b.criteria.empty());
    if (kind == "disbursement") return unitRef && (b.has("plan") || b.has("disbursed"));
    if (kind == "infrastructure") return b.has("name") && (b.has("type") || b.has("status"));
    if (kind == "tasks") return b.has("text");
    if (kind == "work-types") return b.has("number") && b.has("work_type");
    return false;
}

/// The kind that binds the most columns of `table` among those that bind their required ones ("" when none).
std::string guessKindOf(const SourceTable& table, const ImportOptions& options) {
    std::string best;
    std::size_t bestScore = 0;
    for (const char* name : kImportKinds) {
        const KindSpec* spec = findKind(name);
        const std::vector<CanonicalColumn> known = spec->columns(options);
        // Only the --map entries this kind reads: a mapping meant for another kind must not rule it out.
        std::map<std::string, std::string> map;
        for (const auto& [canonical, header] : options.columnMap)
            if (checkColumnMap(known, {{canonical, header}}, spec->criteriaColumns)) map[canonical] = header;
        SourceTable head;
        head.file = table.file;
        head.sheet = table.sheet;
        head.spreadsheet = table.spreadsheet;
        head.columns = table.columns;
        head.rows.assign(table.rows.begin(), table.rows.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(10, table.rows.size())));
        promoteHeaderRow(head, known, spec->criteriaColumns);
        auto binding = bindColumns(head, known, map, spec->criteriaColumns);
        if (!binding || !bindsRequired(name, *binding)) continue;
        const std::size_t score = binding->columns.size() + binding->criteria.size();
        if (score > bestScore) {
            best = name;
            bestScore = score;
        }
    }
    return best;
}

}  // namespace

Result<ImportReport> importFile(const std::string& projectPath, const std::string& kind, const std::string& file,
                                const ImportOptions& options) {
    const KindSpec* spec = findKind(kind);
    if (spec == nullptr) return unknownKind(kind);
    if (auto status = checkOptions(kind, options); !status) return status.error();

    auto db = store::openProject(projectPath, true);
    if (!db) return db.error();
    BatchWriter writer(*db, kind);  // destroyed without commit(): everything it wrote is rolled back
    auto planned = readBindPlan(*db, *spec, file, options, &writer);
    if (!planned) return planned.error();
    if (!planned->binding) return makeError(ErrorCode::BadInput, planned->bindingError);
    const SourceTable& table = planned->table;
    if (const ProblemList& problems = planned->problems; !problems.empty()) {
        const std::string what = "import " + kind + " " + file;
        if (problems.size() <= kProblemsShown) return problems.toError(what);
        // A long list: the first ones in the message, all of them in a CSV report beside the project.
        const std::string reportPath = problemReportPath(projectPath, kind, file);
        const Status written = writeProblemReport(problems, reportPath);
        return problems.toError(what, kProblemsShown,
                                written ? "The full list of " + std::to_string(problems.size()) + " problems is in " + reportPath
                                        : written.error().message);
    }
    const ImportBatch& batch = planned->batch;
    const std::size_t records = planned->records;
    if (records == 0)
        return makeError(ErrorCode::BadInput, table.label() + ": nothing to import" +
                                                  (planned->skipped.empty() ? std::string() : " (every row was skipped as unmatched)"));
    if (planned->writeError) return *planned->writeError;

    const int rows = planned->rowsPlanned;
    if (planned->chunked) {
        if (auto status = writer.commit(file, table.sheet, static_cast<int>(planned->skipped.size())); !status) return status.error();
        planned->meter->advance(planned->meter->total());
    } else {
        ProgressMeter meter(options.progress, 2 * rows, rows);
        auto wrote = [&](std::size_t written) {
            meter.advance(rows + static_cast<int>((static_cast<long long>(written) * rows + static_cast<long long>(records) - 1) /
                                                  static_cast<long long>(records)));
        };
        if (auto status = writer.write(batch, wrote); !status) return status.error();
        if (auto status = writer.commit(file, table.sheet, static_cast<int>(planned->skipped.size())); !status) return status.error();
        meter.advance(2 * rows);
    }
    ImportReport report;
    report.kind = kind;
    report.file = file;
    report.sheet = table.sheet;
    report.rowsRead = rows;
    report.recordsWritten = static_cast<int>(records);
    report.skipped = std::move(planned->skipped);
    report.notes = std::move(planned->layoutNotes);
    for (std::string& note : planned->batch.notes) report.notes.push_back(std::move(note));
    report.warnings = std::move(planned->batch.warnings);
    return report;
}

std::string guessImportKind(const std::string& file, const ImportOptions& options) {
    auto table = readSourceTable(file, options, false, 10);  // the kind is guessed from the first ten rows
    if (!table) return {};
    return guessKindOf(*table, options);
}

Result<ImportPreview> previewImport(const std::string& projectPath, const std::string& kind, const std::string& file,
                                    const ImportOptions& options) {
    if (!kind.empty() && findKind(kind) == nullptr) return unknownKind(kind);
    ImportPreview preview;
    auto fillRows = [&](const SourceTable& table, std::size_t rowCount) {
        preview.sheet = table.sheet;
        preview.rowCount = static_cast<int>(rowCount);
        for (std::size_t i = 0; i < table.rows.size() && i < 10; ++i) {
            std::vector<std::string> texts;
            for (const Cell& c : table.rows[i].cells) texts.push_back(c.text);
            preview.firstRows.push_back(std::move(texts));
        }
    };
    std::string previewed = kind;
    if (previewed.empty()) {
        std::size_t rowCount = 0;
        auto table = readSourceTable(file, options, false, 10, SIZE_MAX, {}, &rowCount);  // only the first ten rows are needed
        if (!table) return table.error();
        previewed = guessKindOf(*table, options);
        if (previewed.empty()) {
            // Nothing to plan: show the file as it is, so a kind can be chosen.
            for (const std::string& header : table->columns) preview.columns.push_back({header, ""});
            fillRows(*table, rowCount);
            std::string kinds;
            for (const char* k : kImportKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
            preview.problems.push_back(table->label() + ": its headers do not say which kind of import it is; choose one (" + kinds + ")");
            return preview;
        }
        preview.notes.push_back(table->label() + ": read as a " + previewed + " import (guessed from its headers)");
    }
    preview.kind = previewed;
    const KindSpec* spec = findKind(previewed);
    if (auto status = checkOptions(previewed, options); !status) return status.error();
    auto db = store::openProject(projectPath, false);  // read-only: a preview never writes, nor migrates
    if (!db) return db.error();
    auto planned = readBindPlan(*db, *spec, file, options, nullptr);
    if (!planned) return planned.error();

    const SourceTable& table = planned->table;
    std::vector<std::string> bound(table.columns.size());
    if (planned->binding) {
        for (const auto& [key, index] : planned->binding->columns) bound[static_cast<std::size_t>(index)] = key;
        for (const auto& [number, index] : planned->binding->criteria)
            bound[static_cast<std::size_t>(index)] = "criterion_" + std::to_string(number);
    }
    for (std::size_t i = 0; i < table.columns.size(); ++i) preview.columns.push_back({table.columns[i], bound[i]});
    fillRows(table, planned->chunked ? static_cast<std::size_t>(planned->rowsPlanned) : table.rows.size());
    for (std::string& note : planned->layoutNotes) preview.notes.push_back(std::move(note));
    if (!planned->binding) {
        preview.problems.push_back(planned->bindingError);
        return preview;
    }
    preview.problems = planned->problems.lines();
    preview.unmatched = std::move(planned->unmatched);
    preview.skipped = std::move(planned->skipped);
    for (std::string& note : planned->batch.notes) preview.notes.push_back(std::move(note));
    preview.warnings = std::move(planned->batch.warnings);
    if (preview.problems.empty() && planned->records == 0)
        preview.problems.push_back(table.label() + ": nothing to import" +
                                   (preview.skipped.empty() ? std::string() : " (every row was skipped as unmatched)"));
    if (preview.problems.empty()) preview.recordsToWrite = static_cast<int>(planned->records);
    return preview;
}

}  // namespace gis::importer
