#include "gis/store/integrity_memo.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "gis/core/user_cache.hpp"

namespace gis::store {
namespace {

constexpr const char* kVerdictsHeader = "ntm-atlas integrity verdicts 1";
constexpr std::size_t kMaxKeptVerdicts = 64;  // a planner's projects, and then some

std::mutex g_mutex;
/// By path: a path made to name another file has another inode in its stamp, and never matches.
std::map<std::string, FileStamp> g_whole;

bool besideExists(const std::string& path, const char* suffix) {
    struct stat st {};
    return ::stat((path + suffix).c_str(), &st) == 0;
}

long long nowNs() {
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

/// One verdict per line: the stamp's six numbers, a tab, the absolute path (paths with a line
/// break are not kept). Lines that do not read as that are skipped.
std::map<std::string, FileStamp> readVerdicts(const std::string& file) {
    std::map<std::string, FileStamp> verdicts;
    std::ifstream in(file);
    std::string line;
    if (!std::getline(in, line) || line != kVerdictsHeader) return verdicts;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos || tab + 1 >= line.size()) continue;
        std::istringstream numbers(line.substr(0, tab));
        FileStamp stamp;
        if (numbers >> stamp.device >> stamp.inode >> stamp.size >> stamp.mtimeNs >> stamp.ctimeNs >> stamp.changeCounter)
            verdicts[line.substr(tab + 1)] = stamp;
    }
    return verdicts;
}

void writeVerdicts(const std::string& file, const std::map<std::string, FileStamp>& verdicts) {
    std::string text = std::string(kVerdictsHeader) + "\n";
    for (const auto& [path, s] : verdicts)
        text += std::to_string(s.device) + " " + std::to_string(s.inode) + " " + std::to_string(s.size) + " " +
                std::to_string(s.mtimeNs) + " " + std::to_string(s.ctimeNs) + " " + std::to_string(s.changeCounter) + "\t" +
                path + "\n";
    replaceCacheFile(file, text);  // a cache: when it cannot be written, the next process checks in full
}

/// The path as the verdicts file keys it: absolute, so two working folders never share a key.
std::string absolute(const std::string& path) {
    std::error_code ec;
    const auto full = std::filesystem::absolute(path, ec);
    return ec ? std::string() : full.lexically_normal().string();
}

}  // namespace

bool FileStamp::operator==(const FileStamp& o) const {
    return device == o.device && inode == o.inode && size == o.size && mtimeNs == o.mtimeNs && ctimeNs == o.ctimeNs &&
           changeCounter == o.changeCounter;
}

std::optional<FileStamp> stampOfSqliteFile(const std::string& path) {
    if (besideExists(path, "-journal") || besideExists(path, "-wal")) return std::nullopt;
    FileStamp stamp;
    stamp.takenAtNs = nowNs();  // before the stat: the file's times can only be later than this if it changes
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    unsigned char header[28] = {};
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return std::nullopt;
    const std::size_t got = std::fread(header, 1, sizeof header, file);
    std::fclose(file);
    if (got != sizeof header) return std::nullopt;
    if (header[18] == 2 || header[19] == 2) return std::nullopt;  // WAL mode: commits live in the -wal until checkpointed
    stamp.device = static_cast<unsigned long long>(st.st_dev);
    stamp.inode = static_cast<unsigned long long>(st.st_ino);
    stamp.size = static_cast<unsigned long long>(st.st_size);
    stamp.mtimeNs = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
    stamp.ctimeNs = static_cast<long long>(st.st_ctim.tv_sec) * 1'000'000'000LL + st.st_ctim.tv_nsec;
    stamp.changeCounter = (static_cast<unsigned long>(header[24]) << 24) | (static_cast<unsigned long>(header[25]) << 16) |
                          (static_cast<unsigned long>(header[26]) << 8) | header[27];
    return stamp;
}

std::string integrityVerdictsPath() {
    if (const char* setting = std::getenv("NTM_INTEGRITY_MEMO"); setting != nullptr && std::string(setting) == "off") return {};
    const std::string folder = userCacheFolder();
    return folder.empty() ? std::string() : (std::filesystem::path(folder) / "integrity-verdicts").string();
}

bool foundWholeWith(const std::string& path, const FileStamp& stamp) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    if (const auto it = g_whole.find(path); it != g_whole.end() && it->second == stamp) return true;
    const std::string file = integrityVerdictsPath();
    const std::string key = absolute(path);
    if (file.empty() || key.empty()) return false;
    const auto verdicts = readVerdicts(file);
    const auto it = verdicts.find(key);
    if (it == verdicts.end() || !(it->second == stamp)) return false;
    g_whole[path] = stamp;
    return true;
}

void rememberFoundWhole(const std::string& path, const FileStamp& stamp) {
    if (stamp.ctimeNs > stamp.takenAtNs - kSettledNs) return;  // ctime is the time any write moves
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_whole[path] = stamp;
    const std::string file = integrityVerdictsPath();
    const std::string key = absolute(path);
    if (file.empty() || key.empty() || key.find('\n') != std::string::npos) return;
    auto verdicts = readVerdicts(file);
    if (const auto it = verdicts.find(key); it != verdicts.end() && it->second == stamp) return;
    verdicts[key] = stamp;
    // Past the limit, verdicts for files that are gone go first, then the oldest by change time.
    for (auto it = verdicts.begin(); verdicts.size() > kMaxKeptVerdicts && it != verdicts.end();) {
        std::error_code ec;  // a folder we may not look into counts as gone; an open never throws for the cache
        it = std::filesystem::exists(it->first, ec) ? std::next(it) : verdicts.erase(it);
    }
    while (verdicts.size() > kMaxKeptVerdicts) {
        auto oldest = verdicts.begin();
        for (auto it = verdicts.begin(); it != verdicts.end(); ++it)
            if (it->second.ctimeNs < oldest->second.ctimeNs) oldest = it;
        verdicts.erase(oldest);
    }
    writeVerdicts(file, verdicts);
}

}  // namespace gis::store
