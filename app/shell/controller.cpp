#include "app/shell/controller.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "gis/core/translation.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/export/export_target.hpp"
#include "gis/export/layout_export.hpp"
#include "gis/export/png_export.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/store/location.hpp"
#include "gis/store/schema.hpp"
#include "gis/tess/mesh_builder.hpp"

namespace shell {

namespace {
/// Zoom limits: from the whole of Southeast Asia down to a village street.
constexpr double kMinMetersPerPixel = 0.05;
constexpr double kMaxMetersPerPixel = 20000.0;

/// The date player's pace: slow enough to read the KPIs between steps.
constexpr double kSecondsPerDate = 1.5;

/// A fitted view of a single point or of the whole globe stays inside the zoom limits, so the
/// first wheel notch does not jump.
void clampZoom(gis::scene::Camera& camera) {
    camera.metersPerPixel = std::clamp(camera.metersPerPixel, kMinMetersPerPixel, kMaxMetersPerPixel);
}
}  // namespace

gis::Result<std::shared_ptr<const gis::dashboard::ProjectFigures>> openProjectFigures(const std::string& path) {
    if (gis::figures::isProjectFile(path)) {
        auto opened = gis::dashboard::ProjectFigures::open(path);
        if (!opened) return opened.error();
        return std::shared_ptr<const gis::dashboard::ProjectFigures>(opened.value());
    }
    // An SQLite file whose first page does not even read is no plain GeoPackage either: let the
    // store say what is wrong with it (a cut-short copy of a project says "damaged or truncated").
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() == 16 && std::string(header, 15) == "SQLite format 3") {
        auto db = gis::store::openProject(path, false);
        if (!db && db.error().message.find("damaged") != std::string::npos) return db.error();
    }
    return std::shared_ptr<const gis::dashboard::ProjectFigures>();
}

gis::Result<OpenedMap> openMapSource(const gis::scene::MapSourceSpec& source, const std::string& colorField) {
    auto project = openProjectFigures(source.path);
    if (!project) return project.error();
    std::shared_ptr<const gis::dashboard::ProjectFigures> figures = project.value();
    const bool computedField = colorField == "gap_count" && figures != nullptr;
    auto document = gis::scene::MapDocument::open(source, computedField ? std::string() : colorField);
    if (!document) return document.error();
    return OpenedMap{std::move(document).value(), std::move(figures)};
}

Controller::Controller(gis::scene::MapDocument document, gis::render::Renderer& renderer,
                       std::shared_ptr<const gis::dashboard::ProjectFigures> figures, const OpeningState& opening)
    : m_document(std::move(document)), m_renderer(renderer), m_figures(std::move(figures)) {
    const std::vector<std::string> warnings = m_document.warnings();
    if (!warnings.empty())
        m_view.statusMessage = std::to_string(warnings.size()) + " đối tượng đã sửa hoặc bỏ qua khi đọc; đầu tiên: " + warnings.front();
    m_view.briefingMode = opening.briefing;
    m_session.language = opening.language;
    m_document.setLanguage(opening.language);
    if (!m_figures) return;
    if (!m_figures->path().empty()) {
        m_edits.emplace(m_figures->path());
        m_import = std::make_unique<ImportSession>(m_figures->path());
        // Another window, planner or import may change the project while this one shows it.
        if (auto watch = gis::store::ChangeWatch::start(m_figures->path())) m_watch = std::move(watch).value();
        m_session.readOnly = opening.readOnly || !gis::store::mayWriteProject(m_figures->path());
    }
    reloadSlides();
    gis::dashboard::DashboardState state = opening.state;
    if (!opening.scopeGiven) state.scope = gis::dashboard::defaultScope(*m_figures);
    if (state.colorField.empty()) state.colorField = m_document.layers()[m_document.mainLayerIndex()].colorField;
    state.asOf = m_document.source().asOf;
    if (!opening.bookmark.empty()) {
        for (std::size_t i = 0; i < m_session.slides.size(); ++i)
            if (m_session.slides[i].name == opening.bookmark) {
                if (auto parsed = gis::dashboard::parseState(m_session.slides[i].state)) state = *parsed;
                m_session.currentSlide = static_cast<int>(i);
            }
    }
    applyState(state);
}

bool Controller::refusedAsReadOnly() {
    if (!m_session.readOnly) return false;
    // The panels do not offer these; a dropped file, a key or --import still asks.
    m_view.statusMessage = gis::tr(gis::Text::ReadOnlyProject, m_session.language);
    return true;
}

void Controller::reloadSlides() {
    if (!m_figures || m_figures->path().empty()) return;
    auto slides = gis::dashboard::readBookmarks(m_figures->path());
    if (slides) m_session.slides = std::move(slides).value();
    else m_view.statusMessage = slides.error().message;
}

void Controller::applyState(const gis::dashboard::DashboardState& state) {
    const std::string currentDate = m_document.source().asOf;
    if (state.asOf != currentDate && !reopenAt(state.asOf)) return;
    if (state.colorField == "gap_count") refreshGaps(state.asOf.empty() ? m_figures->latestDate() : state.asOf);
    if (state.colorField != m_document.layers()[m_document.mainLayerIndex()].colorField) {
        if (gis::Status coloured = m_document.colorBy(state.colorField); !coloured) m_view.statusMessage = coloured.error().message;
    }
    m_session.state = state;
    m_session.state.colorField = m_document.layers()[m_document.mainLayerIndex()].colorField;
    if (!gis::dashboard::isScopeUnit(*m_figures, m_session.state.scope)) m_session.state.scope.clear();
    refreshDashboard(false);
    if (state.view) {
        // A slide's own view: kept as saved (a resize does not refit it).
        m_fitScopeWhenSized = false;
        m_viewIsFitted = false;
        m_view.camera.center = {state.view->centerX, state.view->centerY};
        m_view.camera.metersPerPixel = state.view->metersPerPixel;
    } else {
        fitScope();
    }
}

void Controller::refreshDashboard(bool refit) {
    if (!m_figures) return;
    gis::dashboard::ViewRequest request{m_session.state, m_session.selectedUnit, m_session.sortBy, m_session.descending, m_session.language};
    const std::string previousCard = m_session.view.card ? m_session.view.card->code : std::string();
    m_session.view = gis::dashboard::buildDashboardView(*m_figures, request);
    if ((m_session.view.card ? m_session.view.card->code : std::string()) != previousCard) loadUnitHistory();
    // The gap view follows the date and the edits: it is recomputed whenever the map shows it.
    if (m_session.state.colorField == "gap_count" && (!m_session.gaps || m_session.gaps->asOf != m_session.view.asOf)) {
        refreshGaps(m_session.view.asOf);
        (void)m_document.colorBy("gap_count");
    }
    if (m_edits) {
        m_session.undoLabel = m_edits->undoLabel();
        m_session.redoLabel = m_edits->redoLabel();
    }
    m_document.setTitle(m_session.view.title);
    m_document.setEmphasis(gis::dashboard::emphasisFor(*m_figures, m_session.state, m_document));
    if (refit) fitScope();
}

void Controller::fitScope() {
    if (!m_view.cameraInitialised) {
        m_fitScopeWhenSized = true;
        return;
    }
    const gis::Bounds focus = m_figures ? gis::dashboard::scopeBounds(*m_figures, m_session.state.scope, m_document) : gis::Bounds{};
    m_view.camera =
        m_document.fitCamera(focus, m_view.camera.frameWidthPx, m_view.camera.frameHeightPx, textScale(), gis::scene::LegendContent::ThematicOnly);
    clampZoom(m_view.camera);
    m_viewIsFitted = true;
}

bool Controller::tick(double elapsedSeconds) {
    // An import finished on its worker: the figures and the map are read again.
    if (m_import && m_import->finishedNow() && m_import->report()) {
        reloadProject();
        if (m_watch) (void)m_watch->changed();
    }
    if (pollForOthersChanges(elapsedSeconds)) return true;
    if (m_import && m_import->running()) return true;  // keep drawing: the progress bar moves
    if (!m_figures || !m_session.playing) return false;
    m_session.secondsToNextStep -= elapsedSeconds;
    if (m_session.secondsToNextStep <= 0) {
        m_session.secondsToNextStep = kSecondsPerDate;
        push(StepDate{+1});
    }
    return true;
}

Controller::~Controller() {
    if (m_levelJob.valid()) m_levelJob.wait();  // the worker reads the document we own
    m_import.reset();                            // waits for an import's transaction to end
}

void Controller::updateLevelsOfDetail() {
    if (!m_view.cameraInitialised) return;
    if (m_levelJob.valid()) {
        if (m_levelJob.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        m_document.addLevel(m_levelJobTarget.layerIndex, m_levelJob.get());
    }
    const double metersPerPixel = m_view.camera.metersPerPixel;
    const std::vector<gis::scene::MissingLevel> missing = m_document.missingLevelsFor(metersPerPixel);
    if (missing.empty()) return;
    for (const gis::scene::MissingLevel& need : missing) {
        if (m_document.layers()[need.layerIndex].meshes->levels.empty()) {
            m_document.ensureLevelsFor(metersPerPixel);  // nothing to show yet: build now
            return;
        }
    }
    m_levelJobTarget = missing.front();
    const gis::data::VectorLayer* layer = &m_document.layers()[m_levelJobTarget.layerIndex].data;
    const double tolerance = m_levelJobTarget.toleranceMeters;
    // The worker only reads the layer's features, which nothing changes after loading.
    m_levelJob = std::async(std::launch::async, [layer, tolerance] { return gis::tess::buildLodLevel(*layer, tolerance); });
}

void Controller::applyPending() {
    std::vector<Command> commands;
    commands.swap(m_pending);
    for (const Command& command : commands) std::visit([this](const auto& c) { apply(c); }, command);
}

void Controller::setViewportSize(int widthPx, int heightPx) {
    widthPx = std::max(widthPx, 1);
    heightPx = std::max(heightPx, 1);
    if (!m_view.cameraInitialised) {
        const bool keepGivenView = m_figures && !m_fitScopeWhenSized && m_session.state.view;
        if (!keepGivenView) m_view.camera = m_document.fitCamera(widthPx, heightPx, textScale(), gis::scene::LegendContent::ThematicOnly);
        m_view.camera.frameWidthPx = widthPx;
        m_view.camera.frameHeightPx = heightPx;
        clampZoom(m_view.camera);
        m_view.cameraInitialised = true;
        if (m_fitScopeWhenSized) {
            m_fitScopeWhenSized = false;
            fitScope();
        }
        return;
    }
    const bool resized = m_view.camera.frameWidthPx != widthPx || m_view.camera.frameHeightPx != heightPx;
    m_view.camera.frameWidthPx = widthPx;
    m_view.camera.frameHeightPx = heightPx;
    if (resized && m_viewIsFitted) fitScope();
}

void Controller::apply(const ColorByField& command) {
    // The gap count is not a stored figure: the analysis runs first and puts it on the communes.
    if (command.field == "gap_count" && m_figures) refreshGaps(m_session.view.asOf);
    if (gis::Status status = m_document.colorBy(command.field); !status) m_view.statusMessage = status.error().message;
    m_session.state.colorField = m_document.layers()[m_document.mainLayerIndex()].colorField;
    refreshDashboard(false);
}

void Controller::refreshGaps(const std::string& date) {
    if (!m_figures || m_figures->path().empty()) return;
    gis::planning::GapOptions options;
    options.asOf = date;
    auto report = gis::planning::computeGaps(m_figures->path(), options);
    if (!report) {
        m_view.statusMessage = report.error().message;
        return;
    }
    const gis::scene::MapLayer& main = m_document.layers()[m_document.mainLayerIndex()];
    std::vector<double> counts(main.data.features.size(), std::nan(""));
    for (std::size_t f = 0; f < counts.size(); ++f) {
        const auto it = report->byUnit.find(m_document.featureCode(f));
        if (it == report->byUnit.end()) continue;
        const gis::planning::UnitGaps& unit = report->units[it->second];
        // Count-only or unassessed communes cannot say: no figure, never 0.
        if (unit.state == gis::planning::GapState::Gaps || unit.state == gis::planning::GapState::NoGaps) counts[f] = unit.gapCount;
    }
    if (gis::Status set = m_document.setFieldValues("gap_count", counts); !set) m_view.statusMessage = set.error().message;
    m_session.gaps = std::move(report).value();
}

void Controller::loadUnitHistory() {
    m_session.unitHistory.clear();
    if (!m_figures || m_figures->path().empty() || !m_session.view.card) return;
    auto db = gis::store::openProject(m_figures->path(), false);
    if (!db) return;
    if (auto history = gis::store::loadHistory(*db, {m_session.view.card->code})) m_session.unitHistory = std::move(history).value();
}

void Controller::reloadProject() {
    auto reread = gis::dashboard::ProjectFigures::open(m_figures->path());
    if (!reread) {
        m_view.statusMessage = reread.error().message;
        return;
    }
    m_figures = reread.value();
    m_session.gaps.reset();
    (void)reopenAt(m_document.source().asOf);  // the gap view is recomputed there
    const std::string card = m_session.view.card ? m_session.view.card->code : std::string();
    refreshDashboard(false);
    if (!card.empty()) loadUnitHistory();  // the same unit, new rows
}

void Controller::afterWrite(const gis::Status& written) {
    if (written || written.error().code == gis::ErrorCode::Conflict) {
        // A conflict means the window's data is old: re-read it, so the user edits what is there now.
        reloadProject();
        if (m_watch) (void)m_watch->changed();  // our own commit is not news
    }
    if (!written) m_view.statusMessage = gis::store::maskSecrets(written.error().message);
}

bool Controller::pollForOthersChanges(double elapsedSeconds) {
    constexpr double kPollSeconds = 0.5;
    if (!m_watch || (m_import && m_import->running())) return false;
    m_secondsToPoll -= elapsedSeconds;
    if (m_secondsToPoll > 0) return false;
    m_secondsToPoll = kPollSeconds;
    if (!m_watch->changed()) return false;
    reloadProject();
    m_view.statusMessage = tr(gis::Text::ChangedElsewhere, m_session.language);
    return true;
}

void Controller::apply(const EditCriterion& command) {
    if (!m_edits || refusedAsReadOnly()) return;
    gis::editing::CriterionEdit request;
    request.unitCode = command.unitCode;
    request.number = command.number;
    request.status = command.status;
    afterWrite(m_edits->setCriterion(request));
}

void Controller::apply(const EditWorkStatus& command) {
    if (!m_edits || refusedAsReadOnly()) return;
    gis::editing::WorkEdit request;
    request.workId = command.workId;
    request.status = command.status;
    if (m_session.view.card)
        for (const gis::dashboard::CardWork& work : m_session.view.card->works)
            if (work.id == command.workId) request.seenStatus = work.statusCode;
    afterWrite(m_edits->editWork(request));
}

void Controller::apply(const MarkTaskDone& command) {
    if (!m_edits || refusedAsReadOnly()) return;
    gis::editing::TaskEdit request;
    request.taskId = command.taskId;
    request.done = command.done;
    if (m_session.view.card)
        for (const gis::dashboard::CardTask& task : m_session.view.card->tasks)
            if (task.id == command.taskId) request.seenStatus = task.done ? "done" : "open";
    afterWrite(m_edits->editTask(request));
}

void Controller::apply(const UndoEdit&) {
    if (m_edits && m_edits->canUndo() && !refusedAsReadOnly()) afterWrite(m_edits->undo());
}

void Controller::apply(const RedoEdit&) {
    if (m_edits && m_edits->canRedo() && !refusedAsReadOnly()) afterWrite(m_edits->redo());
}

void Controller::apply(const SetLayerVisible& command) { m_document.setLayerVisible(command.layerIndex, command.visible); }

void Controller::apply(const FitToData&) {
    if (m_figures) {
        fitScope();
        return;
    }
    m_view.camera = m_document.fitCamera(m_view.camera.frameWidthPx, m_view.camera.frameHeightPx, textScale(), gis::scene::LegendContent::ThematicOnly);
    clampZoom(m_view.camera);
}

void Controller::apply(const PanByPixels& command) {
    m_view.camera.panByPixels(command.dxPx, command.dyPx);
    m_viewIsFitted = false;
}

void Controller::apply(const ZoomAroundPixel& command) {
    gis::scene::Camera& camera = m_view.camera;
    const double target = std::clamp(camera.metersPerPixel / command.factor, kMinMetersPerPixel, kMaxMetersPerPixel);
    camera.zoomAround({command.xPx, command.yPx}, camera.metersPerPixel / target);
    m_viewIsFitted = false;
}

void Controller::apply(const SetBriefingMode& command) { m_view.briefingMode = command.enabled; }

void Controller::apply(const SelectFeature& command) {
    m_view.selected = command.hit;
    if (!m_figures) return;
    const bool unit = command.hit && command.hit->layerIndex == m_document.mainLayerIndex();
    m_session.selectedUnit = unit ? m_document.featureCode(command.hit->featureIndex) : std::string();
    refreshDashboard(false);
}

void Controller::apply(const FocusFeature& command) {
    const gis::Bounds& bounds = m_document.layers().at(command.hit.layerIndex).featureBounds.at(command.hit.featureIndex);
    if (!bounds.valid()) return;
    gis::scene::Camera& camera = m_view.camera;
    camera.center = bounds.center();
    m_viewIsFitted = false;
    // Zoom in only when the feature would be small; never zoom out of a close view.
    constexpr double kFeatureShareOfView = 0.3;
    const double fitting = std::max(bounds.width() / (camera.frameWidthPx * kFeatureShareOfView),
                                    bounds.height() / (camera.frameHeightPx * kFeatureShareOfView));
    if (fitting > 0 && fitting < camera.metersPerPixel) camera.metersPerPixel = std::max(fitting, kMinMetersPerPixel);
}

bool Controller::reopenAt(const std::string& date) {
    // The figures are attributes of the layers, so the map is reopened; the view, the indicator
    // and the layer switches stay as the user left them.
    if (m_levelJob.valid()) m_document.addLevel(m_levelJobTarget.layerIndex, m_levelJob.get());  // kept: adopted below
    gis::scene::MapSourceSpec source = m_document.source();
    source.asOf = date;
    const std::string field = m_document.layers()[m_document.mainLayerIndex()].colorField;
    // The gap count is computed, not read: the map reopens plain and gets it below.
    const bool gapView = field == "gap_count";
    auto reopened = gis::scene::MapDocument::open(source, gapView ? "" : field);
    if (!reopened) {
        m_view.statusMessage = reopened.error().message;
        return false;
    }
    reopened->adoptGeometryFrom(m_document);
    for (std::size_t i = 0; i < reopened->layers().size() && i < m_document.layers().size(); ++i)
        reopened->setLayerVisible(i, m_document.layers()[i].visible);
    m_document = std::move(reopened.value());
    m_document.setLanguage(m_session.language);
    if (gapView) {
        refreshGaps(date.empty() ? m_figures->latestDate() : date);
        (void)m_document.colorBy(field);
    }
    m_view.hovered.reset();
    // The selection is a unit, not a feature index: it survives the reopening.
    m_view.selected.reset();
    if (const auto f = m_document.featureByCode(m_session.selectedUnit)) m_view.selected = gis::scene::FeatureHit{m_document.mainLayerIndex(), *f};
    return true;
}

void Controller::apply(const ShowFiguresAsOf& command) {
    if (!reopenAt(command.date)) return;
    m_session.state.asOf = command.date;
    refreshDashboard(false);
}

void Controller::apply(const SetScope& command) {
    if (!m_figures || (!command.unitCode.empty() && !gis::dashboard::isScopeUnit(*m_figures, command.unitCode))) return;
    m_session.state.scope = command.unitCode;
    m_session.state.rankingSet.clear();
    refreshDashboard(true);
}

void Controller::apply(const SelectUnit& command) {
    const auto feature = m_document.featureByCode(command.unitCode);
    m_session.selectedUnit = command.unitCode;
    m_view.selected.reset();
    if (feature) {
        const gis::scene::FeatureHit hit{m_document.mainLayerIndex(), *feature};
        m_view.selected = hit;
        apply(FocusFeature{hit});
    }
    refreshDashboard(false);
}

void Controller::apply(const DrillDown& command) {
    if (!m_figures || !command.hit || command.hit->layerIndex != m_document.mainLayerIndex()) {
        apply(FitToData{});
        return;
    }
    const std::string commune = m_document.featureCode(command.hit->featureIndex);
    const auto target = gis::dashboard::drillDownTarget(*m_figures, m_session.state.scope, commune);
    if (!target) {
        // A neighbour outside the scope: go up to where both are, i.e. to the commune's own parent.
        const auto unit = m_figures->tree().find(commune);
        const auto parent = unit ? m_figures->tree().parent(*unit) : std::nullopt;
        if (parent) apply(SetScope{m_figures->data().units[*parent].code});
        return;
    }
    if (*target == commune) apply(SelectUnit{commune});
    else apply(SetScope{*target});
}

void Controller::apply(const SetFilter& command) {
    m_session.state.filter = command.filter;
    refreshDashboard(false);
}

void Controller::apply(const SetRankingSort& command) {
    m_session.sortBy = command.column;
    m_session.descending = command.descending;
    refreshDashboard(false);
}

void Controller::apply(const SetRankingSet& command) {
    m_session.state.rankingSet = command.setId;
    refreshDashboard(false);
}

void Controller::apply(const SetLanguage& command) {
    m_session.language = command.language;
    m_document.setLanguage(command.language);
    refreshDashboard(false);
}

void Controller::apply(const StepDate& command) {
    if (!m_figures) return;
    const std::vector<std::string>& dates = m_figures->dates();
    if (dates.empty()) return;
    const std::string current = m_session.view.asOf;
    auto it = std::lower_bound(dates.begin(), dates.end(), current);
    std::ptrdiff_t index = it - dates.begin();
    if (it == dates.end() || *it != current) index -= command.delta > 0 ? 1 : 0;  // between two dates
    index = std::clamp<std::ptrdiff_t>(index + command.delta, 0, static_cast<std::ptrdiff_t>(dates.size()) - 1);
    const std::string& next = dates[static_cast<std::size_t>(index)];
    if (next == current) {
        m_session.playing = false;  // the player stops at the last date
        return;
    }
    apply(ShowFiguresAsOf{next});
}

void Controller::apply(const SetPlaying& command) {
    m_session.playing = command.playing && m_figures != nullptr;
    m_session.secondsToNextStep = kSecondsPerDate;
    // Play from the start when the figures are already at the last date.
    if (m_session.playing && m_figures && !m_figures->dates().empty() && m_session.view.asOf == m_figures->dates().back())
        apply(ShowFiguresAsOf{m_figures->dates().front()});
}

void Controller::apply(const SaveSlide& command) {
    if (!m_figures || refusedAsReadOnly()) return;
    gis::dashboard::DashboardState state = m_session.state;
    state.view = gis::dashboard::MapView{m_view.camera.center.x, m_view.camera.center.y, m_view.camera.metersPerPixel};
    gis::Status saved = gis::dashboard::saveBookmark(m_figures->path(), command.name, state);
    m_view.statusMessage = saved ? (m_session.language == gis::Language::Vi ? "Đã lưu trang: " : "Slide saved: ") + command.name
                                 : saved.error().message;
    reloadSlides();
    for (std::size_t i = 0; i < m_session.slides.size(); ++i)
        if (m_session.slides[i].name == command.name) m_session.currentSlide = static_cast<int>(i);
}

void Controller::apply(const ShowSlide& command) {
    if (command.index < 0 || command.index >= static_cast<int>(m_session.slides.size())) return;
    auto state = gis::dashboard::parseState(m_session.slides[static_cast<std::size_t>(command.index)].state);
    if (!state) {
        m_view.statusMessage = state.error().message;
        return;
    }
    m_session.currentSlide = command.index;
    applyState(*state);
}

void Controller::apply(const StepSlide& command) {
    if (m_session.slides.empty()) return;
    const int count = static_cast<int>(m_session.slides.size());
    const int next = m_session.currentSlide < 0 ? (command.delta > 0 ? 0 : count - 1) : std::clamp(m_session.currentSlide + command.delta, 0, count - 1);
    apply(ShowSlide{next});
}

bool Controller::exportTargetAccepted(const std::string& path, bool overwrite, const Command& command) {
    std::vector<std::string> sources{m_document.source().path};
    auto target = gis::exporting::checkExportTarget(path, sources);
    if (!target) {
        m_view.statusMessage = target.error().message;
        return false;
    }
    if (target->exists && !overwrite) {
        m_view.overwriteQuestion = command;
        return false;
    }
    return true;
}

void Controller::apply(const AnswerOverwrite& command) {
    std::optional<Command> question = std::move(m_view.overwriteQuestion);
    m_view.overwriteQuestion.reset();
    if (command.replace && question) std::visit([this](const auto& c) { apply(c); }, *question);
}

void Controller::apply(const OpenImport&) { m_importOpen = m_import != nullptr && !refusedAsReadOnly(); }
void Controller::apply(const CloseImport&) { m_importOpen = false; }

void Controller::apply(const PreviewImport& command) {
    if (!m_import || refusedAsReadOnly()) return;
    m_importOpen = true;
    m_import->preview(command.file, command.kind, command.options);
}

void Controller::apply(const AddImportAlias& command) {
    if (!m_import || refusedAsReadOnly()) return;
    if (gis::Status added = m_import->addAlias(command.alias, command.unitCode); !added) m_view.statusMessage = added.error().message;
}

void Controller::apply(const CommitImport&) {
    if (m_import && !refusedAsReadOnly()) m_import->start();
}

void Controller::apply(const PreviewPage& command) {
    gis::exporting::LayoutOptions options;
    options.page.paper = command.a3 ? gis::exporting::Paper::A3 : gis::exporting::Paper::A4;
    options.page.landscape = command.landscape;
    options.page.dpi = 60;  // about 700 px across: the page as a whole, on screen
    options.language = m_session.language;
    gis::exporting::ReportScope scope{m_figures, m_session.state};
    auto image = gis::exporting::previewLayout(m_renderer, m_document, scope, options);
    if (!image) {
        m_view.statusMessage = image.error().message;
        return;
    }
    m_view.pagePreview = std::move(image).value();
    ++m_view.pagePreviewVersion;
    refreshDashboard(false);  // the page set the document's emphasis and title for itself
}

void Controller::apply(const ExportPage& command) {
    ExportPage confirmed = command;
    confirmed.overwrite = true;
    if (!exportTargetAccepted(command.path, command.overwrite, confirmed)) return;
    gis::exporting::LayoutOptions options;
    const auto format = gis::exporting::formatFromExtension(command.path);
    options.format = format.value_or(gis::exporting::ExportFormat::Png);
    options.page.paper = command.a3 ? gis::exporting::Paper::A3 : gis::exporting::Paper::A4;
    options.page.landscape = command.landscape;
    options.page.dpi = command.dpi;
    options.language = m_session.language;
    gis::exporting::ReportScope scope{m_figures, m_session.state};
    auto report = gis::exporting::exportLayout(m_renderer, m_document, scope, options, command.path);
    m_view.statusMessage = report ? std::string(gis::tr(gis::Text::Exported, m_session.language)) + ": " + command.path + " (" +
                                        std::to_string(report->widthPx) + " × " + std::to_string(report->heightPx) + ")"
                                  : report.error().message;
    refreshDashboard(false);  // the page set the document's emphasis and title for itself
}

void Controller::apply(const ExportView& command) {
    ExportView confirmed = command;
    confirmed.overwrite = true;
    if (!exportTargetAccepted(command.path, command.overwrite, confirmed)) return;
    // The same view at `scale` times the pixels: same centre, metres per pixel divided by scale.
    gis::scene::Camera camera = m_view.camera;
    camera.frameWidthPx *= command.scale;
    camera.frameHeightPx *= command.scale;
    camera.metersPerPixel /= command.scale;
    m_document.ensureLevelsFor(camera.metersPerPixel);
    const gis::scene::RenderScene scene = m_document.buildScene(camera, std::nullopt, textScale() * static_cast<float>(command.scale));
    auto image = gis::exporting::renderFrame(m_renderer, scene);
    if (!image) {
        m_view.statusMessage = image.error().message;
        return;
    }
    gis::Status written = gis::exporting::writePng(*image, command.path);
    m_view.statusMessage = written ? std::string(gis::tr(gis::Text::Exported, m_session.language)) + ": " + command.path : written.error().message;
}

}  // namespace shell
