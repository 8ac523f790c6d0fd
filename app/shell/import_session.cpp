#include "app/shell/import_session.hpp"

#include <chrono>

#include "gis/importer/unit_aliases.hpp"

namespace shell {

ImportSession::~ImportSession() {
    if (m_job.valid()) m_job.wait();  // the worker writes the project: let it finish its transaction
}

void ImportSession::preview(const std::string& file, const std::string& kind, const gis::importer::ImportOptions& options) {
    m_file = file;
    m_options = options;
    m_report.reset();
    m_error.clear();
    auto preview = gis::importer::previewImport(m_projectPath, kind, file, options);
    if (!preview) {
        m_preview.reset();
        m_kind = kind;
        m_error = preview.error().message;
        return;
    }
    m_kind = preview->kind;
    m_preview = std::move(preview).value();
}

gis::Status ImportSession::addAlias(const std::string& alias, const std::string& unitCode) {
    gis::Status added = gis::importer::addUnitAlias(m_projectPath, alias, unitCode);
    if (added) preview(m_file, m_kind, m_options);
    return added;
}

void ImportSession::start() {
    if (m_job.valid() || m_file.empty() || m_kind.empty()) return;
    m_done = 0;
    m_total = 0;
    gis::importer::ImportOptions options = m_options;
    options.progress = [this](int done, int total) {
        m_done = done;
        m_total = total;
    };
    m_job = std::async(std::launch::async, [path = m_projectPath, kind = m_kind, file = m_file, options] {
        return gis::importer::importFile(path, kind, file, options);
    });
}

bool ImportSession::finishedNow() {
    if (!m_job.valid() || m_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    auto result = m_job.get();
    if (result) {
        m_report = std::move(result).value();
        m_error.clear();
        m_preview.reset();
    } else {
        m_error = result.error().message;
    }
    return true;
}

float ImportSession::progress() const {
    const int total = m_total;
    return total > 0 ? static_cast<float>(m_done) / static_cast<float>(total) : 0.0f;
}

}  // namespace shell
