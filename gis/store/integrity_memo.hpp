#pragma once
/// Remembers that a GeoPackage was found whole by the full `PRAGMA integrity_check` on open
/// (issue 11), so opening it again unchanged does not pay the check again (270–390 ms of every
/// figure on the national project): for the life of the process, and between processes in the
/// user's cache folder (`integrity-verdicts` in gis/core/user_cache.hpp's folder), so a
/// `summary`, an `export` or the window opened after a first look at the file skip it too.
///
/// Why skipping is still safe: the memory is keyed on the file's identity and on what changes
/// whenever its content does — device and inode, size, modification and status-change times in
/// nanoseconds, and SQLite's file change counter (header offset 24, bumped by every committed
/// transaction in rollback-journal mode). The status-change time (ctime) cannot be set back by a
/// program (touch and utimensat set only mtime), so any write to the file through the file
/// system — an import, a tool writing bytes into it, a copy made over it — changes the key. A
/// copy taken elsewhere (the careless backup without its journal) is another inode, checked in
/// full. The memory is not used when a -journal or -wal is beside the file or the file is in WAL
/// mode (its committed content is then partly outside the file).
///
/// The file system stamps times from a clock that moves in ticks of up to 10 ms, so two writes
/// within one tick can leave the same times. A verdict is therefore only kept for a file whose
/// last change was at least kSettledNs before its stamp was taken: every later write is then
/// stamped later, and differs. What the memory cannot see is damage below the file system (a
/// disk's bit rot) after the check; NTM_INTEGRITY_MEMO=off, or removing the cache file, makes
/// every open check in full.
#include <optional>
#include <string>

namespace gis::store {

struct FileStamp {
    unsigned long long device = 0, inode = 0, size = 0;
    long long mtimeNs = 0, ctimeNs = 0;
    unsigned long changeCounter = 0;
    /// When the stamp was taken (real-time clock, ns); not part of the key.
    long long takenAtNs = 0;
    bool operator==(const FileStamp& other) const;
};

/// How long before its stamp a file must have last changed for its verdict to be kept.
constexpr long long kSettledNs = 50'000'000;

/// The stamp of the SQLite file at `path`; none when it cannot be read, when a -journal or -wal
/// is beside it, or when it is in WAL mode (then the full check runs).
std::optional<FileStamp> stampOfSqliteFile(const std::string& path);

/// Whether the file was found whole while it had exactly this stamp (in this process or, unless
/// NTM_INTEGRITY_MEMO=off, in an earlier one).
bool foundWholeWith(const std::string& path, const FileStamp& stamp);
/// Remembers that the file, with this stamp (taken before the check began), passed the check;
/// does nothing for a file changed too shortly before its stamp (kSettledNs).
void rememberFoundWhole(const std::string& path, const FileStamp& stamp);

/// The verdicts file of the user's cache folder ("" when there is none or the memory between
/// processes is off).
std::string integrityVerdictsPath();

}  // namespace gis::store
