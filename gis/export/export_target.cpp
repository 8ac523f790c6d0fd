#include "gis/export/export_target.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace gis::exporting {
namespace {

namespace fs = std::filesystem;

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// The eight bytes every PNG file starts with (PNG specification, section 5.2).
bool startsWithPngSignature(const fs::path& path) {
    static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    return in.gcount() == 8 && std::equal(std::begin(head), std::end(head), std::begin(kSignature),
                                          [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; });
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

Result<ExportTargetInfo> checkExportTarget(const std::string& path, const std::vector<std::string>& sources) {
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
                                                  ": it is a symbolic link, and an export only replaces a regular PNG file. Give the real path");
    if (exists && !fs::is_regular_file(own))
        return makeError(ErrorCode::BadInput, "refusing to export to " + path + ": it is " + kindOf(own.type()) +
                                                  ", not a PNG image file");
    if (lowerCase(target.extension().string()) != ".png")
        return makeError(ErrorCode::BadInput, "refusing to export to " + path +
                                                  ": the export writes a PNG image, so the file name must end in .png");
    if (exists && !startsWithPngSignature(target))
        return makeError(ErrorCode::BadInput, "refusing to export to " + path +
                                                  ": the file exists and is not a PNG image, so it is left alone. Choose another name");
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
        return makeError(ErrorCode::NotFound, "cannot export to " + path + ": the directory " + parent.string() + " does not exist");
    return ExportTargetInfo{exists};
}

}  // namespace gis::exporting
