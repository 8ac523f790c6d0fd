#include "gis/store/integrity_memo.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <map>
#include <mutex>

namespace gis::store {
namespace {

std::mutex g_mutex;
/// By path: a path made to name another file has another inode in its stamp, and never matches.
std::map<std::string, FileStamp> g_whole;

bool besideExists(const std::string& path, const char* suffix) {
    struct stat st {};
    return ::stat((path + suffix).c_str(), &st) == 0;
}

}  // namespace

bool FileStamp::operator==(const FileStamp& o) const {
    return device == o.device && inode == o.inode && size == o.size && mtimeNs == o.mtimeNs && ctimeNs == o.ctimeNs &&
           changeCounter == o.changeCounter;
}

std::optional<FileStamp> stampOfSqliteFile(const std::string& path) {
    if (besideExists(path, "-journal") || besideExists(path, "-wal")) return std::nullopt;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    unsigned char header[28] = {};
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return std::nullopt;
    const std::size_t got = std::fread(header, 1, sizeof header, file);
    std::fclose(file);
    if (got != sizeof header) return std::nullopt;
    if (header[18] == 2 || header[19] == 2) return std::nullopt;  // WAL mode: commits live in the -wal until checkpointed
    FileStamp stamp;
    stamp.device = static_cast<unsigned long long>(st.st_dev);
    stamp.inode = static_cast<unsigned long long>(st.st_ino);
    stamp.size = static_cast<unsigned long long>(st.st_size);
    stamp.mtimeNs = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
    stamp.ctimeNs = static_cast<long long>(st.st_ctim.tv_sec) * 1'000'000'000LL + st.st_ctim.tv_nsec;
    stamp.changeCounter = (static_cast<unsigned long>(header[24]) << 24) | (static_cast<unsigned long>(header[25]) << 16) |
                          (static_cast<unsigned long>(header[26]) << 8) | header[27];
    return stamp;
}

bool foundWholeWith(const std::string& path, const FileStamp& stamp) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    const auto it = g_whole.find(path);
    return it != g_whole.end() && it->second == stamp;
}

void rememberFoundWhole(const std::string& path, const FileStamp& stamp) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_whole[path] = stamp;
}

}  // namespace gis::store
