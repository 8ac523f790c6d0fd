#pragma once
/// What the file-level fuzz targets share: a scratch directory per process, template projects
/// made once per process and copied for every execution (creating one takes far longer than a
/// run), the import under test with its consistency property, and the loader with the figures.
#include <string>
#include <string_view>

#include "gis/importer/import_options.hpp"

namespace fuzz {

/// This process's scratch directory (under $TMPDIR or /tmp), removed when the process exits.
const std::string& scratchDir();

/// Writes `bytes` to the scratch directory as `name`; returns the path.
std::string writeScratch(const std::string& name, std::string_view bytes);

/// The whole file as bytes ("" when it cannot be read).
std::string readFile(const std::string& path);

/// An empty project (createProject), as bytes; made on the first call.
const std::string& emptyProjectBytes();
/// The demo district project (createProject + importDemoDistrict: communes, criteria, money,
/// works, tasks), as bytes; made on the first call. Sheets that name its units get past matching.
const std::string& demoProjectBytes();

/// A fresh project for one execution: `bytes` written to project.gpkg in a directory of its own
/// (emptied first, so no problem report or journal of the previous execution is left). Returns the path.
std::string freshProject(std::string_view bytes);

/// Imports `input` (written as input.`extension`) into a fresh copy of `templateBytes` and asserts
/// the import's promise: it succeeded and the project opens, loads, passes SQLite's integrity and
/// foreign-key checks and gives figures, or it failed and the project's bytes are as they were.
void importAndCheck(const std::string& templateBytes, const std::string& kind, std::string_view input,
                    const std::string& extension, const gis::importer::ImportOptions& options);

/// Opens the project at `path` read-only and runs what the CLI and window do with it: loadProjectData
/// (with geometry), bookmarks, history, the summary and its JSON, the unit tree, gaps, distances,
/// the map layers. Any of these may refuse a damaged file with an error; none may crash, hang,
/// leak or read out of bounds. Returns whether the file opened as a project.
bool loadAndFigure(const std::string& path);

}  // namespace fuzz
