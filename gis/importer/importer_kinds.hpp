#pragma once
/// One function per import kind: read the bound rows, validate, and fill an ImportBatch.
/// Nothing is written here; problems go to context.problems.
#include "gis/importer/import_batch.hpp"
#include "gis/importer/row_context.hpp"

namespace gis::importer {

void planUnits(ImportContext& context, ImportBatch& batch);
void planCriteria(ImportContext& context, ImportBatch& batch);
void planCriteriaSet(ImportContext& context, ImportBatch& batch);
void planDisbursement(ImportContext& context, ImportBatch& batch);
void planInfrastructure(ImportContext& context, ImportBatch& batch);
void planTasks(ImportContext& context, ImportBatch& batch);
void planWorkTypes(ImportContext& context, ImportBatch& batch);

}  // namespace gis::importer
