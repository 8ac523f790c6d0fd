// `import tasks`: tasks from conclusion notices (thông báo kết luận), with deadlines and status.
#include "gis/importer/cell_values.hpp"
#include "gis/importer/importer_kinds.hpp"
#include "gis/importer/value_vocabulary.hpp"

namespace gis::importer {

namespace {

/// Tasks need nothing across rows: each chunk is planned on its own.
class TasksPlanner final : public ChunkPlanner {
public:
    bool begin(ImportContext& ctx) override {
        if (ctx.binding.has("text")) return true;
        ctx.problems.addGeneral(ctx.table.label(), "no task column ('Nội dung' / 'Nhiệm vụ'; or --map text=FIELD)");
        return false;
    }
    void plan(ImportContext& ctx, ImportBatch& batch) override;
};

}  // namespace

std::unique_ptr<ChunkPlanner> makeTasksPlanner() { return std::make_unique<TasksPlanner>(); }

void TasksPlanner::plan(ImportContext& ctx, ImportBatch& batch) {
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        model::Task task;
        task.text = scope.text("text");
        if (task.text.empty()) scope.problem("text", "empty task");
        task.responsible = scope.text("responsible");
        const Cell& deadline = scope.cell("deadline");
        if (deadline.isDate) {
            task.deadline = deadline.text;
        } else if (const auto parsed = taskDeadlineOf(deadline.text); parsed) {
            task.deadline = *parsed;
        } else {
            scope.problem("deadline", "not a deadline (a date, tháng 7/2024, quý III/2024, năm 2024 or thường xuyên)");
        }
        task.status = taskStatusOf(scope.text("status"));
        if (task.status.empty()) scope.problem("status", "unknown status (open / done; Đang thực hiện / Hoàn thành)");
        task.doneDate = scope.date("done_date", "", false);
        task.sourceDocument = scope.text("source_document");
        if (const model::Unit* unit = scope.matchUnit("", false); unit != nullptr) task.unitCode = unit->code;
        if (scope.finish()) batch.tasks.push_back(std::move(task));
    }
}

}  // namespace gis::importer
