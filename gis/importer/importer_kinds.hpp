#pragma once
/// One function per import kind: read the bound rows, validate, and fill an ImportBatch.
/// Nothing is written here; problems go to context.problems.
#include <memory>

#include "gis/importer/import_batch.hpp"
#include "gis/importer/row_context.hpp"

namespace gis::importer {

void planUnits(ImportContext& context, ImportBatch& batch);
void planCriteriaSet(ImportContext& context, ImportBatch& batch);
void planDisbursement(ImportContext& context, ImportBatch& batch);
void planInfrastructure(ImportContext& context, ImportBatch& batch);
void planTasks(ImportContext& context, ImportBatch& batch);
void planWorkTypes(ImportContext& context, ImportBatch& batch);

/// A kind planned chunk by chunk: context.table.rows holds one chunk of the sheet at a time, and
/// what the kind must remember across rows (keys seen, for duplicates) lives in the planner, so
/// memory grows with the chunk, not with the file.
class ChunkPlanner {
public:
    virtual ~ChunkPlanner() = default;
    /// The checks that need no row (columns, options). false: a general problem was added and
    /// no row is to be planned.
    virtual bool begin(ImportContext& context) = 0;
    /// Plans the rows of context.table.rows (one chunk), appending to `batch`.
    virtual void plan(ImportContext& context, ImportBatch& batch) = 0;
};

std::unique_ptr<ChunkPlanner> makeCriteriaPlanner();
std::unique_ptr<ChunkPlanner> makeTasksPlanner();

}  // namespace gis::importer
