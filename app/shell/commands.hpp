#pragma once
/// Everything the user can do to the map, as values. Panels push them; the Controller applies
/// them between frames, so no panel mutates the document mid-frame.
#include <optional>
#include <string>
#include <variant>

#include "gis/dashboard/dashboard_state.hpp"
#include "gis/core/translation.hpp"
#include "gis/dashboard/scope_ranking.hpp"
#include "gis/importer/import_options.hpp"
#include "gis/scene/map_document.hpp"

namespace shell {

struct ColorByField { std::string field; };                 ///< "" = plain fill
struct SetLayerVisible { std::size_t layerIndex; bool visible; };
struct FitToData {};
struct PanByPixels { double dxPx; double dyPx; };
struct ZoomAroundPixel { double xPx; double yPx; double factor; };  ///< factor > 1 zooms in
struct SetBriefingMode { bool enabled; };                   ///< large type for projectors
struct ExportView { std::string path; int scale; bool overwrite = false; };  ///< the current view, `scale` × window size
/// A report page of what the dashboard shows (A4/A3 at a dpi; PNG, PDF or GeoTIFF by extension).
struct ExportPage { std::string path; bool a3 = false; bool landscape = true; int dpi = 150; bool overwrite = false; };
struct AnswerOverwrite { bool replace; };                   ///< the user's answer to "this file exists: replace it?"
struct PreviewPage { bool a3 = false; bool landscape = true; };  ///< the report page as it will print, small
// Import in the window (File › Import or a dropped file):
struct OpenImport {};
struct CloseImport {};
struct PreviewImport { std::string file; std::string kind; gis::importer::ImportOptions options; };  ///< kind "" = guessed
struct AddImportAlias { std::string alias; std::string unitCode; };  ///< remember a sheet's name for a unit, then preview again
struct CommitImport {};                                      ///< import what was previewed (on a worker, with progress)                   ///< the user's answer to "this file exists: replace it?"
struct SelectFeature { std::optional<gis::scene::FeatureHit> hit; };  ///< click on the map; nullopt clears
struct ShowFiguresAsOf { std::string date; };               ///< projects: reopen at YYYY-MM-DD ("" = latest)
struct FocusFeature { gis::scene::FeatureHit hit; };        ///< bring a feature into view (centre, zoom in if small)

// The dashboard (projects only):
struct SetScope { std::string unitCode; };                  ///< "" = whole project; the map fits the scope
struct SelectUnit { std::string unitCode; };                ///< from the ranking or search: select and bring into view
struct DrillDown { std::optional<gis::scene::FeatureHit> hit; };  ///< double-click: one level down, or fit the scope
struct SetFilter { gis::dashboard::UnitFilter filter; };
struct SetRankingSort { gis::dashboard::RankColumn column; bool descending; };
struct SetRankingSet { std::string setId; };
struct SetLanguage { gis::Language language; };
struct StepDate { int delta; };                             ///< the previous / next date of the figures
struct SetPlaying { bool playing; };                        ///< step through the dates on a timer
struct SaveSlide { std::string name; };                     ///< the current state as a bookmark in the project
struct ShowSlide { int index; };
struct StepSlide { int delta; };                            ///< arrow keys in a briefing
// The planner's edits from the card (each one transaction, undoable):
struct EditCriterion { std::string unitCode; int number; gis::model::CriterionStatus status; };
struct EditWorkStatus { std::int64_t workId; std::string status; };
struct MarkTaskDone { std::int64_t taskId; bool done; };
struct UndoEdit {};
struct RedoEdit {};

using Command = std::variant<ColorByField, SetLayerVisible, FitToData, PanByPixels, ZoomAroundPixel, SetBriefingMode, ExportView,
                             SelectFeature, ShowFiguresAsOf, FocusFeature, SetScope, SelectUnit, DrillDown, SetFilter, SetRankingSort,
                             SetRankingSet, SetLanguage, StepDate, SetPlaying, SaveSlide, ShowSlide, StepSlide, EditCriterion,
                             EditWorkStatus, MarkTaskDone, UndoEdit, RedoEdit, ExportPage, AnswerOverwrite, PreviewPage, OpenImport, CloseImport, PreviewImport, AddImportAlias,
                             CommitImport>;

}  // namespace shell
