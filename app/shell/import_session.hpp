#pragma once
/// An import from the window: preview (nothing written), bindings changed by the user, unmatched
/// names remembered as aliases, then the import itself on a worker thread with its progress. The
/// same importer code as `ntm-atlas import`; a rejected import lists every problem and changes
/// nothing.
#include <atomic>
#include <future>
#include <map>
#include <optional>
#include <string>

#include "gis/importer/import_options.hpp"
#include "gis/importer/import_preview.hpp"
#include "gis/importer/importer.hpp"

namespace shell {

class ImportSession {
public:
    explicit ImportSession(std::string projectPath) : m_projectPath(std::move(projectPath)) {}
    ~ImportSession();
    ImportSession(const ImportSession&) = delete;
    ImportSession& operator=(const ImportSession&) = delete;

    /// Reads `file` as `kind` ("" = guessed) with `options` and keeps the preview (or its error).
    void preview(const std::string& file, const std::string& kind, const gis::importer::ImportOptions& options);
    /// Remembers `alias` as a name of `unitCode` in the project, then previews again.
    gis::Status addAlias(const std::string& alias, const std::string& unitCode);
    /// Starts the import of what was previewed on a worker thread.
    void start();
    /// True once when a started import has finished (successfully or not) since the last call.
    bool finishedNow();

    bool running() const { return m_job.valid(); }
    float progress() const;
    const std::optional<gis::importer::ImportPreview>& lastPreview() const { return m_preview; }
    const std::string& error() const { return m_error; }               ///< preview or import error ("" = none)
    const std::optional<gis::importer::ImportReport>& report() const { return m_report; }
    const std::string& file() const { return m_file; }
    const std::string& kind() const { return m_kind; }
    const gis::importer::ImportOptions& options() const { return m_options; }

private:
    std::string m_projectPath;
    std::string m_file, m_kind;
    gis::importer::ImportOptions m_options;
    std::optional<gis::importer::ImportPreview> m_preview;
    std::optional<gis::importer::ImportReport> m_report;
    std::string m_error;
    std::future<gis::Result<gis::importer::ImportReport>> m_job;
    std::atomic<int> m_done{0}, m_total{0};
};

}  // namespace shell
