#include "gis/importer/problem_report.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "gis/store/location.hpp"

namespace gis::importer {
namespace {

/// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string problemReportPath(const std::string& projectPath, const std::string& kind, const std::string& file) {
    namespace fs = std::filesystem;
    // A project in a database has no folder: the report goes beside the imported file, named
    // after the database (never the connection string, which may hold a password).
    const bool inDatabase = store::isPostgresLocation(projectPath);
    const fs::path folder = inDatabase ? fs::path(file).parent_path() : fs::path(projectPath).parent_path();
    const std::string name =
        store::projectShortName(projectPath) + ".import-" + kind + "-" + fs::path(file).stem().string() + ".problems.csv";
    return (folder / name).string();
}

Status writeProblemReport(const ProblemList& problems, const std::string& reportPath) {
    const std::string temporary = reportPath + ".writing";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return makeError(ErrorCode::Io, reportPath + ": cannot write the problem report");
        out << "\xEF\xBB\xBF" << "where,column,value,problem,unmatched\r\n";
        for (std::size_t i = 0; i < problems.size(); ++i) {
            const Problem p = problems.at(i);
            out << csvField(p.where) << ',' << csvField(p.column) << ',' << csvField(p.value) << ',' << csvField(p.message)
                << ',' << (p.unmatched ? "yes" : "no") << "\r\n";
        }
        out.flush();
        if (!out) {
            out.close();
            std::remove(temporary.c_str());
            return makeError(ErrorCode::Io, reportPath + ": the problem report could not be written completely (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, reportPath, ec);
    if (ec) {
        std::remove(temporary.c_str());
        return makeError(ErrorCode::Io, reportPath + ": cannot write the problem report (" + ec.message() + ")");
    }
    return Ok{};
}

}  // namespace gis::importer
