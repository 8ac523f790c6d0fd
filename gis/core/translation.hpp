#pragma once
/// Every user-facing string of the app in Vietnamese and English, through one table: the
/// dashboard's words by key, and the map's own texts (legends, layer names, tooltips) by their
/// Vietnamese wording. Vietnamese is the default: the steering committees write and read
/// Vietnamese notices.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gis {

enum class Language { Vi, En };

/// "vi" / "en" (as given to --lang); nullopt for anything else.
std::optional<Language> parseLanguage(std::string_view code);

/// Keys of the translation table. Add a key here and its row in language.cpp together (a unit
/// test checks that every key has both texts).
enum class Text {
    // Scope and title
    WholeProject,
    FiguresAsOf,      ///< "số liệu đến" (followed by a date)
    DemoData,
    SearchUnit,
    NoMatch,
    // KPI header
    KpiCommunesAtStandard,
    KpiAverageCriteria,
    KpiDisbursement,
    KpiTasks,
    KpiWorks,
    NotInProject,     ///< a figure the project does not hold
    ChangeSince,      ///< "so với" (followed by a date)
    NoChange,
    Province,
    Rank,
    Milestone,
    Open,
    Overdue,
    Planned,
    UnderConstruction,
    Completed,
    CriteriaUnit,     ///< "tiêu chí"
    CommunesUnit,     ///< "xã"
    PerCommune,
    // Commune card
    CardCriteria,
    CardCountOnly,
    CardHistory,
    CardMoney,
    CardWorks,
    CardTasks,
    Met,
    NotMet,
    InProgress,
    NotAssessed,
    Assessed,
    Plan,
    Disbursed,
    Gap,
    Deadline,
    Department,
    Budget,
    Responsible,
    SourceDocument,
    Done,
    DefaultMilestones,
    // Tiers
    TierNone,
    TierNtm,
    TierAdvanced,
    TierModel,
    // Filters
    Filters,
    FilterCriterionUnmet,
    FilterTier,
    FilterDisbursedBelow,
    FilterWorkType,
    FilterWorkStatus,
    FilterOverdueTasks,
    FilterAny,
    ClearFilters,
    // Ranking
    Ranking,
    RankingSet,       ///< "theo bộ tiêu chí" (followed by the set's name)
    ColumnRank,
    ColumnName,
    ColumnCriteria,
    ColumnAtStandard,
    ColumnDisbursed,
    ColumnOverdue,
    // Indicators and controls
    ColorBy,
    IndicatorCriteriaMet,
    IndicatorTier,
    IndicatorDisbursed,
    IndicatorPoverty,
    IndicatorPopulation,
    IndicatorGaps,
    GapsTab,
    GapsNone,
    GapsUnknown,
    WorkTypesNeeded,
    Undo,
    Redo,
    CardChanges,
    MarkMet,
    MarkNotMet,
    Exported,
    ExportCurrentView,
    ExportPageA4,
    ExportPageA3,
    Landscape,
    OverwriteQuestion,
    // The shared store
    ChangedElsewhere,  ///< another user's commit was read in
    ReadOnlyProject,   ///< the banner of a read-only user or file
    Overwrite,
    Cancel,
    ImportPreviewButton,
    Import,
    ImportFile,
    ImportKind,
    ImportGuess,
    ImportLevel,
    ImportSet,
    ImportProgramme,
    ImportRows,
    ImportNotBound,
    ImportUnmatched,
    ImportRemember,
    ImportProblems,
    ImportCommit,
    ImportDone,
    ImportOpen,
    Layers,
    Briefing,
    Play,
    Pause,
    Latest,
    Bookmarks,
    SaveBookmark,
    BookmarkName,
    ExportPng,
    FitAll,
    Language,
    // The window on a plain map file (not a project)
    PlainFileSelectHint,   ///< how to see a feature's attributes
    PlainFileColorHint,    ///< colouring by a field ranks the features
    PlainFileProjectHint,  ///< what a project adds, and how to make one
    // Printed pages and the atlas
    PrintLegend,      ///< "Chú giải"
    PrintKeyFigures,  ///< "Số liệu chính"
    PrintDataSource,  ///< "Nguồn số liệu" (followed by the source)
    PrintDemoSource,  ///< the demo's source line
    PrintExportedOn,  ///< "Xuất ngày" (followed by a date)
    PrintNorth,       ///< the north arrow's letter
    PrintKilometre,   ///< "km"
    PrintOverdueTasks,
    PrintNoOverdueTasks,
    PrintMoreItems,   ///< "… và" (followed by a count) "mục khác"
    PrintAtlasOf,     ///< "Tập bản đồ xã" (the overview page's title prefix)
    PrintNeighbours,  ///< the atlas page's note on the greyed neighbours
    Count  ///< not a text: the number of keys
};

/// The text of `key` in `language` (UTF-8 NFC, never null or empty).
const char* tr(Text key, Language language);

/// A map text in `language`: Vietnamese wording as the map and legend builders write it
/// ("Không có số liệu", "Ranh giới huyện", "19 (đạt chuẩn)"), looked up in the same table; text
/// the table does not hold (names, numbers) comes back unchanged.
std::string localize(const std::string& vietnamese, Language language);

/// Every map text the table holds in Vietnamese (for the completeness test).
std::vector<std::string> mapTexts();

}  // namespace gis
