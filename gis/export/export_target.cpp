#include "gis/export/export_target.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string_view>

namespace gis::exporting {
namespace {

namespace fs = std::filesystem;

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// Whether the file starts with one of `signatures`.
bool startsWithAny(const fs::path& path, std::initializer_list<std::string_view> signatures) {
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    const std::string_view got(head, static_cast<std::size_t>(in.gcount()));
    for (std::string_view signature : signatures)
        if (got.size() >= signature.size() && got.substr(0, signature.size()) == signature) return true;
    return false;
}

/// The first bytes of each kind of file an export writes: PNG (specification, section 5.2),
/// TIFF and BigTIFF in either byte order, PDF ("%PDF-").
bool hasSignatureOf(ExportFormat format, const fs::path& path) {
    using namespace std::string_view_literals;
    switch (format) {
        case ExportFormat::Png: return startsWithAny(path, {"\x89PNG\r\n\x1a\n"sv});
        case ExportFormat::GeoTiff: return startsWithAny(path, {"II*\0"sv, "MM\0*"sv, "II+\0"sv, "MM\0+"sv});
        case ExportFormat::Pdf: return startsWithAny(path, {"%PDF-"sv});
    }
    return false;
}

std::string kindOf(fs::file_type type) {
    switch (type) {
        case fs::file_type::directory: return "a directory";
        case fs::file_type::fifo: return "a FIFO (named pipe)";
        case fs::file_type::block: return "a block device";
        case fs::file_type::character: return "a character device";
        case fs::file_type::socket: return "a socket";
        default: return "not a regular file";
    }
}

/// The files SQLite keeps beside a database while it writes: replacing one of them with a PNG
/// could make SQLite "roll back" garbage into the project on its next open.
bool isCompanionOf(const fs::path& target, const fs::path& source) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(source, ec);
    if (ec) return false;
    const fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) return false;
    for (const char* suffix : {"-journal", "-wal", "-shm"})
        if (resolved == fs::path(base.string() + suffix)) return true;
    return false;
}

}  // namespace

std::optional<ExportFormat> formatFromExtension(const std::string& path) {
    const std::string extension = lowerCase(fs::path(path).extension().string());
    if (extension == ".png") return ExportFormat::Png;
    if (extension == ".tif" || extension == ".tiff") return ExportFormat::GeoTiff;
    if (extension == ".pdf") return ExportFormat::Pdf;
    return std::nullopt;
}

std::optional<ExportFormat> parseExportFormat(const std::string& name) {
    const std::string lower = lowerCase(name);
    if (lower == "png") return ExportFormat::Png;
    if (lower == "tif" || lower == "tiff" || lower == "geotiff") return ExportFormat::GeoTiff;
    if (lower == "pdf") return ExportFormat::Pdf;
    return std::nullopt;
}

const char* formatName(ExportFormat format) {
    switch (format) {
        case ExportFormat::Png: return "PNG image";
        case ExportFormat::GeoTiff: return "GeoTIFF";
        case ExportFormat::Pdf: return "PDF document";
    }
    return "image";
}

Result<ExportTargetInfo> checkExportTarget(const std::string& path, const std::vector<std::string>& sources,
                                           std::optional<ExportFormat> format) {
    if (path.empty()) return makeError(ErrorCode::BadInput, "no output file: pass --out map.png");
    const fs::path target(path);
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(target, ec);
    const bool exists = !ec && fs::exists(own);

    // The sources first, through links: "--out PROJECT" and "--out link-to-PROJECT" both say what they would destroy.
    for (const std::string& source : sources) {
        if (source.empty()) continue;
        std::error_code same;
        if ((exists && fs::equivalent(target, source, same) && !same) || isCompanionOf(target, source))
            return makeError(ErrorCode::BadInput, "refusing to export to " + path + ": it is the map's own source " + source +
                                                      " (or part of it); the export would replace it. Choose another --out, e.g. map.png");
    }
    if (exists && fs::is_symlink(own))
        return makeError(ErrorCode::BadInput, "refusing to export to " + path +
                                                  ": it is a symbolic link, and an export only replaces a regular image file of its own. Give the real path");
    if (!format) format = formatFromExtension(path);
    if (exists && !fs::is_regular_file(own))
        return makeError(ErrorCode::BadInput, "refusing to export to " + path + ": it is " + kindOf(own.type()) + ", not a " +
                                                  formatName(format.value_or(ExportFormat::Png)) + " file");
    if (!format)
        return makeError(ErrorCode::BadInput, "refusing to export to " + path +
                                                  ": the export writes a PNG image, a GeoTIFF or a PDF, so the file name must end in .png, .tif or .pdf");
    if (exists && !hasSignatureOf(*format, target))
        return makeError(ErrorCode::BadInput, "refusing to export to " + path + ": the file exists and is not a " + formatName(*format) +
                                                  ", so it is left alone. Choose another name");
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
        return makeError(ErrorCode::NotFound, "cannot export to " + path + ": the directory " + parent.string() + " does not exist");
    return ExportTargetInfo{exists};
}

Result<ExportTargetInfo> checkAtlasFolder(const std::string& path, const std::vector<std::string>& sources) {
    if (path.empty()) return makeError(ErrorCode::BadInput, "no output folder: pass --out atlas/");
    fs::path folder = fs::path(path).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();  // "atlas/" names the folder "atlas"
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(folder, ec);
    const bool exists = !ec && fs::exists(own);
    for (const std::string& source : sources) {
        std::error_code same;
        if (!source.empty() && exists && fs::equivalent(folder, source, same) && !same)
            return makeError(ErrorCode::BadInput, "refusing to write the atlas into " + path + ": it is the map's own source " + source);
    }
    if (exists && fs::is_symlink(own))
        return makeError(ErrorCode::BadInput, "refusing to write the atlas into " + path + ": it is a symbolic link. Give the real folder");
    if (exists && !fs::is_directory(own))
        return makeError(ErrorCode::BadInput, "refusing to write the atlas into " + path + ": it is " + kindOf(own.type()) +
                                                  ", not a folder (a name ending in / is a folder of PNG pages, .pdf one document)");
    const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    if (!exists && !fs::is_directory(parent, ec))
        return makeError(ErrorCode::NotFound, "cannot write the atlas into " + path + ": the directory " + parent.string() + " does not exist");
    return ExportTargetInfo{exists};
}

}  // namespace gis::exporting
