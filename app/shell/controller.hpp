#pragma once
/// The one place where actions change state: the open map, the camera and the UI mode.
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "app/shell/commands.hpp"
#include "app/shell/import_session.hpp"
#include "gis/dashboard/dashboard_view.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/editing/edit_session.hpp"
#include "gis/planning/gap_analysis.hpp"
#include "gis/store/change_watch.hpp"
#include "gis/store/history.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace shell {

/// What the views read each frame.
struct ViewState {
    gis::scene::Camera camera;
    bool cameraInitialised = false;
    std::optional<gis::scene::FeatureHit> hovered;
    std::optional<gis::scene::FeatureHit> selected;  ///< clicked feature, shown in the side panel
    bool briefingMode = false;
    std::string statusMessage;  ///< last action's outcome (export path, errors)
    /// An export waiting for the user's yes: the file exists (the panel asks, then re-sends it).
    std::optional<Command> overwriteQuestion;
    /// The export dialog's page preview (rendered by the same layout code, at a screen's dpi).
    std::optional<gis::render::Image> pagePreview;
    int pagePreviewVersion = 0;
};

/// The dashboard's side of the state (projects only): what is shown, and what it computes to.
struct DashboardSession {
    gis::dashboard::DashboardState state;
    gis::Language language = gis::Language::Vi;
    gis::dashboard::RankColumn sortBy = gis::dashboard::RankColumn::Criteria;
    bool descending = true;
    std::string selectedUnit;
    gis::dashboard::DashboardView view;         ///< recomputed when the state changes, not per frame
    std::vector<gis::model::Bookmark> slides;
    int currentSlide = -1;
    bool playing = false;
    double secondsToNextStep = 0;
    /// The gap analysis at the shown date (recomputed with the figures); empty until first needed.
    std::optional<gis::planning::GapReport> gaps;
    /// Edits and imports of the selected unit, newest first.
    std::vector<gis::store::HistoryEntry> unitHistory;
    std::string undoLabel, redoLabel;  ///< what Ctrl+Z / Ctrl+Y would do ("" = nothing)
    /// The user may only read this project (a read-only database role, or a file they cannot
    /// write): the window says so and what that leaves out.
    bool readOnly = false;
};

/// How the window opens (the `gui` command line).
struct OpeningState {
    gis::dashboard::DashboardState state;
    bool scopeGiven = false;    ///< --unit
    std::string bookmark;       ///< --bookmark NAME
    gis::Language language = gis::Language::Vi;
    bool briefing = false;
    /// View only (--read-only: a meeting-room screen), even where the user may write: the same
    /// banner and the same commands left out as for a user who may not write.
    bool readOnly = false;
};

/// A map opened as the window opens one: the vector file or project, and for a project the
/// dashboard's figures (nullptr for a plain vector file).
struct OpenedMap {
    gis::scene::MapDocument document;
    std::shared_ptr<const gis::dashboard::ProjectFigures> figures;
};

/// The dashboard's figures of a project file; nullptr for a file that is not a project (a plain
/// vector file). A project file SQLite cannot read whole (truncated, damaged) is an error saying
/// so, never taken for some other kind of file.
gis::Result<std::shared_ptr<const gis::dashboard::ProjectFigures>> openProjectFigures(const std::string& path);

/// Opens `source` for the window: a project's figures first, then its map (coloured by
/// `colorField`; the gap count is computed by the dashboard, not read). The error names the file.
gis::Result<OpenedMap> openMapSource(const gis::scene::MapSourceSpec& source, const std::string& colorField = {});

class Controller {
public:
    /// `figures`: the project behind the map (nullptr for a plain vector file: no dashboard).
    Controller(gis::scene::MapDocument document, gis::render::Renderer& renderer,
               std::shared_ptr<const gis::dashboard::ProjectFigures> figures = nullptr, const OpeningState& opening = {});
    ~Controller();
    Controller(const Controller&) = delete;
    Controller& operator=(const Controller&) = delete;

    void push(Command command) { m_pending.push_back(std::move(command)); }
    /// Applies the queued commands in order (call once per frame, before drawing views).
    void applyPending();

    const gis::scene::MapDocument& document() const { return m_document; }
    const ViewState& view() const { return m_view; }
    /// The dashboard, or nullptr for a plain vector file.
    const DashboardSession* dashboard() const { return m_figures ? &m_session : nullptr; }
    const gis::dashboard::ProjectFigures* figures() const { return m_figures.get(); }
    /// The import dialog's session (projects only) and whether the dialog is open.
    const ImportSession* importSession() const { return m_import.get(); }
    bool importOpen() const { return m_importOpen; }
    gis::Language language() const { return m_session.language; }
    /// Advances the date player; true while it plays (the window then keeps redrawing).
    bool tick(double elapsedSeconds);
    /// The map view reports its pixel size and what is under the cursor (pure view facts).
    void setViewportSize(int widthPx, int heightPx);
    void setHovered(std::optional<gis::scene::FeatureHit> hit) { m_view.hovered = hit; }
    float textScale() const { return m_view.briefingMode ? 1.5f : 1.0f; }
    /// Makes sure the current scale has its level of detail: the first time synchronously (so the
    /// first frame draws), afterwards on a worker thread while the nearest built level shows.
    void updateLevelsOfDetail();
    bool buildingDetail() const { return m_levelJob.valid(); }

private:
    void apply(const ColorByField& command);
    void apply(const SetLayerVisible& command);
    void apply(const FitToData& command);
    void apply(const PanByPixels& command);
    void apply(const ZoomAroundPixel& command);
    void apply(const SetBriefingMode& command);
    void apply(const ExportView& command);
    void apply(const SelectFeature& command);
    void apply(const ShowFiguresAsOf& command);
    void apply(const FocusFeature& command);
    void apply(const SetScope& command);
    void apply(const SelectUnit& command);
    void apply(const DrillDown& command);
    void apply(const SetFilter& command);
    void apply(const SetRankingSort& command);
    void apply(const SetRankingSet& command);
    void apply(const SetLanguage& command);
    void apply(const StepDate& command);
    void apply(const SetPlaying& command);
    void apply(const SaveSlide& command);
    void apply(const ShowSlide& command);
    void apply(const StepSlide& command);
    void apply(const EditCriterion& command);
    void apply(const EditWorkStatus& command);
    void apply(const MarkTaskDone& command);
    void apply(const UndoEdit& command);
    void apply(const RedoEdit& command);
    void apply(const ExportPage& command);
    void apply(const AnswerOverwrite& command);
    void apply(const PreviewPage& command);
    void apply(const OpenImport& command);
    void apply(const CloseImport& command);
    void apply(const PreviewImport& command);
    void apply(const AddImportAlias& command);
    void apply(const CommitImport& command);
    /// Whether an export may write `path`: refused targets say why; an existing file waits for
    /// the user's yes (`command` is kept to be sent again with overwrite set).
    bool exportTargetAccepted(const std::string& path, bool overwrite, const Command& command);
    /// After an edit, undo or redo: the figures, the map and the gaps are read again.
    void afterWrite(const gis::Status& written);
    void reloadProject();
    /// Every half second: when another user committed, the figures and map are read again (true).
    bool pollForOthersChanges(double elapsedSeconds);
    /// Computes the gaps at the shown date and puts the gap count on the map's communes.
    void refreshGaps(const std::string& date);
    void loadUnitHistory();

    /// Recomputes the dashboard's view, the map's title and emphasis; with `refit`, fits the scope.
    void refreshDashboard(bool refit);
    void fitScope();
    /// Reopens the map's figures at `date` ("" = latest), keeping geometry, view and layer switches.
    bool reopenAt(const std::string& date);
    void applyState(const gis::dashboard::DashboardState& state);
    void reloadSlides();
    /// true (and the status line says why) when the project is read-only: for the commands that write.
    bool refusedAsReadOnly();

    gis::scene::MapDocument m_document;
    gis::render::Renderer& m_renderer;
    std::shared_ptr<const gis::dashboard::ProjectFigures> m_figures;
    std::optional<gis::editing::EditSession> m_edits;
    std::unique_ptr<ImportSession> m_import;
    std::unique_ptr<gis::store::ChangeWatch> m_watch;
    double m_secondsToPoll = 0;
    bool m_importOpen = false;
    DashboardSession m_session;
    bool m_fitScopeWhenSized = false;  ///< the first view fits the scope once the viewport is known
    /// Until the user pans or zooms, a fitted view is refitted when the map's size changes (the
    /// layout settles over the first frames; a window resize or F11 keeps the scope in frame).
    bool m_viewIsFitted = true;
    ViewState m_view;
    std::vector<Command> m_pending;
    std::future<gis::tess::LodLevel> m_levelJob;
    gis::scene::MissingLevel m_levelJobTarget;
};

}  // namespace shell
