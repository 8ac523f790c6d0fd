// Crash-consistency trials: the real `ntm-atlas` killed (SIGKILL, and SIGTERM for export) at random
// points of an import, an edit and an export. After every kill the project must open, pass
// `PRAGMA integrity_check` and hold exactly the state before the operation or the state a
// completed run leaves (compared with a reference run: `summary --json` at a fixed date and a
// digest of every table's rows, times of writing left out); an export's final name must hold the
// earlier file or the complete new one, never a part, and no `*.partial` may stay behind a
// SIGTERM (nor behind a SIGKILL once the next export has run).
//
//   ntm_crash_trials --cli NTM_ATLAS --work DIR [--op import|edit|export|all] [--trials N] [--seed S]
//   ntm_crash_trials --edit-once PROJECT     one edit of the window's kind (the trials kill this)
//
// Edits have no CLI subcommand (they are made in the window), so `--edit-once` makes one through
// gis::editing::EditSession, the code the window's card calls. Exit status 0 when every trial
// landed on the old or the new state.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gis/editing/edit_session.hpp"
#include "gis/store/schema.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Runs argv to completion; stdout+stderr into `output`. Returns the exit status (-1 when signalled).
int runToEnd(const std::vector<std::string>& args, std::string* output = nullptr) {
    std::string command;
    for (const std::string& a : args) {
        std::string quoted;
        for (char c : a) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        command += "'" + quoted + "' ";
    }
    FILE* pipe = popen((command + "2>&1").c_str(), "r");
    if (pipe == nullptr) return -1;
    char buffer[4096];
    std::string text;
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) text += buffer;
    const int status = pclose(pipe);
    if (output != nullptr) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

pid_t spawn(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

/// Every row of every table of ours (not GeoPackage's bookkeeping, not the R-tree shadows), in
/// rowid order, with the columns that record *when* something was written left out.
std::string tableDigest(const std::string& path, std::string* error) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = "cannot open " + path + " read-only";
        sqlite3_close(db);
        return {};
    }
    std::vector<std::string> tables;
    sqlite3_stmt* list = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'gpkg_%' "
                       "AND name NOT LIKE 'rtree_%' ORDER BY name",
                       -1, &list, nullptr);
    while (list != nullptr && sqlite3_step(list) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
    sqlite3_finalize(list);
    std::string digest;
    for (const std::string& table : tables) {
        sqlite3_stmt* rows = nullptr;
        if (sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\"").c_str(), -1, &rows, nullptr) != SQLITE_OK) {
            *error = "cannot read table " + table + ": " + sqlite3_errmsg(db);
            continue;
        }
        digest += "[" + table + "]\n";
        const int columns = sqlite3_column_count(rows);
        int rc = 0;
        while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c) {
                const std::string name = sqlite3_column_name(rows, c);
                if (name.size() > 4 && name.compare(name.size() - 4, 4, "_utc") == 0) continue;
                const void* blob = sqlite3_column_blob(rows, c);
                const int size = sqlite3_column_bytes(rows, c);
                digest += sqlite3_column_type(rows, c) == SQLITE_NULL ? std::string("\\N")
                                                                     : std::string(static_cast<const char*>(blob), static_cast<std::size_t>(size));
                digest += '\x1f';
            }
            digest += '\n';
        }
        if (rc != SQLITE_DONE) *error = "reading table " + table + ": " + sqlite3_errmsg(db);
        sqlite3_finalize(rows);
    }
    sqlite3_close(db);
    return digest;
}

struct Options {
    std::string cli;
    fs::path work;
    std::string op = "all";
    int trials = 5;
    unsigned seed = 0;
};

struct Tally {
    int trials = 0, landedOld = 0, landedNew = 0, corrupt = 0;
    int killedInWrite = 0;  ///< the journal (or the export's temporary file) was there at the kill
    int strayPartials = 0;  ///< temporary files a SIGKILL left (removed by the next export)
    int sigtermTrials = 0, sigtermPartials = 0;
    std::vector<std::string> failures;
};

class Trials {
public:
    int m_staleJournals = 0;  ///< journals left (not hot) after an open, in the current operation's trials
    explicit Trials(Options options) : m_o(std::move(options)), m_random(m_o.seed != 0 ? m_o.seed : std::random_device{}()) {}

    bool prepare() {
        fs::remove_all(m_o.work);
        fs::create_directories(m_o.work);
        m_base = (m_o.work / "base.gpkg").string();
        std::string out;
        if (runToEnd({m_o.cli, "init", m_base, "--demo"}, &out) != 0) return fail("init --demo: " + out);
        return true;
    }

    /// The state a project is in, as the user sees it and as it is stored. Empty and `error` set when it does not open or is damaged.
    std::string projectState(const std::string& project, std::string* error) {
        std::string summary;
        // The first opener rolls a hot journal back; summary is what a user would run.
        if (runToEnd({m_o.cli, "summary", project, "--as-of", "2030-12-31", "--json"}, &summary) != 0) {
            *error = "summary fails: " + summary;
            return {};
        }
        auto db = gis::store::openProject(project, false);
        if (!db) {
            *error = "does not open: " + db.error().message;
            return {};
        }
        const auto integrity = db->queryText("PRAGMA integrity_check");
        if (integrity.value_or("") != "ok") {
            *error = "integrity_check: " + integrity.value_or("(no answer)");
            return {};
        }
        // SQLite leaves a journal it finds not hot (killed before its header was written: empty, or
        // a first byte of 0) where it is; harmless, and the next write replaces it. A hot one must be gone.
        std::error_code ec;
        if (fs::exists(project + "-journal", ec)) {
            const std::string head = bytesOf(project + "-journal").substr(0, 1);
            if (!head.empty() && head[0] != '\0') {
                *error = "a hot journal is still beside it after it was opened";
                return {};
            }
            ++m_staleJournals;
        }
        return summary + "\n" + tableDigest(project, error);
    }

    /// One operation on a copy of `start`: a reference run, then `trials` killed runs.
    /// `command(project)` gives the command line; `marker(project)` the file whose presence means
    /// the operation is writing.
    /// `writeSeconds`: how long after the journal appears the in-write kills may come.
    Tally runProjectOp(const std::string& name, const std::function<std::vector<std::string>(const std::string&)>& command, double writeSeconds) {
        Tally t;
        const std::string project = (m_o.work / (name + ".gpkg")).string();
        const std::string baseBytes = bytesOf(m_base);
        auto reset = [&] {
            std::error_code ec;
            fs::remove(project + "-journal", ec);
            std::ofstream(project, std::ios::binary | std::ios::trunc).write(baseBytes.data(), static_cast<std::streamsize>(baseBytes.size()));
        };
        std::string error;
        reset();
        const std::string oldState = projectState(project, &error);
        if (oldState.empty()) {
            t.failures.push_back(name + ": the starting project: " + error);
            return t;
        }
        reset();
        const auto started = Clock::now();
        std::string out;
        if (runToEnd(command(project), &out) != 0) {
            t.failures.push_back(name + ": the reference run failed: " + out);
            return t;
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        const std::string newState = projectState(project, &error);
        if (newState.empty() || newState == oldState) {
            t.failures.push_back(name + ": the reference run left no new state: " + error);
            return t;
        }
        std::printf("%s: a completed run takes %.2f s\n", name.c_str(), seconds);
        for (int i = 0; i < m_o.trials; ++i) {
            reset();
            const std::string journal = project + "-journal";
            // Half the kills at a uniform time of the whole run, half while the journal is there
            // (inside the write transaction), so both the read and the write phase are hit.
            const bool inWrite = i % 2 == 1;
            const double delay = std::uniform_real_distribution<double>(0.0, inWrite ? writeSeconds : seconds * 1.1)(m_random);
            const pid_t pid = spawn(command(project));
            if (pid < 0) {
                t.failures.push_back(name + ": cannot start the CLI");
                return t;
            }
            const bool hot = killAfter(pid, delay, inWrite, journal, SIGKILL);
            ++t.trials;
            if (hot) ++t.killedInWrite;
            const std::string state = projectState(project, &error);
            if (state == oldState) ++t.landedOld;
            else if (state == newState) ++t.landedNew;
            else {
                ++t.corrupt;
                t.failures.push_back(name + " trial " + std::to_string(i) + " (kill after " + std::to_string(delay) + " s" +
                                     (hot ? ", journal present" : "") + "): " + (state.empty() ? error : "neither the old nor the new state"));
                fs::copy_file(project, m_o.work / (name + "-failed-" + std::to_string(i) + ".gpkg"), fs::copy_options::overwrite_existing);
                std::error_code none;
                if (fs::exists(journal, none))
                    fs::copy_file(journal, m_o.work / (name + "-failed-" + std::to_string(i) + ".gpkg-journal"), fs::copy_options::overwrite_existing);
            }
        }
        return t;
    }

    Tally runExport() {
        Tally t;
        const std::string name = "export";
        const fs::path out = m_o.work / "map.png";
        auto command = [&](const char* colorBy) {
            return std::vector<std::string>{m_o.cli, "export", m_base, "--out", out.string(), "--width", "1600", "--height", "1200", "--color-by", colorBy};
        };
        std::string text;
        if (runToEnd(command("criteria_met"), &text) != 0) {
            t.failures.push_back("export: the earlier export failed: " + text);
            return t;
        }
        const std::string oldBytes = bytesOf(out);
        const auto started = Clock::now();
        if (runToEnd(command("disbursed_pct"), &text) != 0) {
            t.failures.push_back("export: the reference export failed: " + text);
            return t;
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        const std::string newBytes = bytesOf(out);
        if (newBytes == oldBytes) {
            t.failures.push_back("export: the two exports are the same picture");
            return t;
        }
        std::printf("export: a completed run takes %.2f s\n", seconds);
        for (int i = 0; i < m_o.trials; ++i) {
            std::ofstream(out, std::ios::binary | std::ios::trunc).write(oldBytes.data(), static_cast<std::streamsize>(oldBytes.size()));
            // Every third kill is a SIGTERM (what a logout or `kill` sends); every other one waits for the temporary file.
            const int signal = i % 3 == 2 ? SIGTERM : SIGKILL;
            const bool inWrite = i % 2 == 1;
            const double delay = std::uniform_real_distribution<double>(0.0, inWrite ? 0.002 : seconds * 1.1)(m_random);
            const pid_t pid = spawn(command("disbursed_pct"));
            if (pid < 0) {
                t.failures.push_back("export: cannot start the CLI");
                return t;
            }
            const bool hot = killAfter(pid, delay, inWrite, "*.partial", signal);
            ++t.trials;
            if (hot) ++t.killedInWrite;
            const std::string got = bytesOf(out);
            if (got == oldBytes) ++t.landedOld;
            else if (got == newBytes) ++t.landedNew;
            else {
                ++t.corrupt;
                t.failures.push_back(name + " trial " + std::to_string(i) + ": " + out.string() + " holds " + std::to_string(got.size()) +
                                     " bytes that are neither the earlier nor the new map");
            }
            const int partials = countPartials(pid);
            if (signal == SIGTERM) {
                ++t.sigtermTrials;
                t.sigtermPartials += partials;
                if (partials > 0) t.failures.push_back(name + " trial " + std::to_string(i) + ": a SIGTERM left a *.partial file");
            } else {
                t.strayPartials += partials;
            }
        }
        // The next export clears what a SIGKILL left behind.
        if (runToEnd(command("disbursed_pct"), &text) != 0) t.failures.push_back("export: the export after the trials failed: " + text);
        if (const int left = countPartials(); left > 0)
            t.failures.push_back("export: " + std::to_string(left) + " *.partial file(s) still there after the next export");
        return t;
    }


private:
    bool fail(const std::string& message) {
        std::fprintf(stderr, "crash trials: %s\n", message.c_str());
        return false;
    }

    /// Temporary export files in the work folder (of the process `pid` only, when given: they are named TARGET.PID.XXXXXX.partial).
    int countPartials(pid_t pid = 0) const {
        int n = 0;
        const std::string own = "." + std::to_string(pid) + ".";
        for (const auto& entry : fs::directory_iterator(m_o.work))
            if (entry.path().extension() == ".partial" && (pid == 0 || entry.path().filename().string().find(own) != std::string::npos)) ++n;
        return n;
    }

    /// Whether the journal (a path) or "*.partial", a temporary file of the process `pid`, is there.
    bool markerThere(const std::string& marker, pid_t pid) const {
        std::error_code ec;
        if (marker == "*.partial") return countPartials(pid) > 0;
        return fs::exists(marker, ec);
    }

    /// Kills `pid` `delay` seconds after it started or, with `waitForProbe`, `delay` seconds after
    /// `probe` (the journal, "*.partial" for an export's temporary file) appeared. Returns whether
    /// the probe was there at the kill (false when the process ended first).
    bool killAfter(pid_t pid, double delay, bool waitForProbe, const std::string& probe, int signal) {
        const auto start = Clock::now();
        std::optional<Clock::time_point> seen;
        bool hot = false;
        while (true) {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) return false;  // finished before the kill
            const auto now = Clock::now();
            if (waitForProbe && !seen && markerThere(probe, pid)) seen = now;
            const auto from = waitForProbe ? seen : std::optional<Clock::time_point>(start);
            if (from && std::chrono::duration<double>(now - *from).count() >= delay) {
                hot = markerThere(probe, pid);
                ::kill(pid, signal);
                break;
            }
            if (std::chrono::duration<double>(now - start).count() > 120) {
                ::kill(pid, SIGKILL);
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        int status = 0;
        waitpid(pid, &status, 0);
        return hot;
    }

    Options m_o;
    std::mt19937 m_random;
    std::string m_base;
};

/// One edit as the window's card makes it: the first criterion of the first detailed assessment flipped.
int editOnce(const std::string& project) {
    std::string unit, set;
    int number = 0;
    std::string status;
    {
        auto db = gis::store::openProject(project, false);
        if (!db) {
            std::fprintf(stderr, "edit: %s\n", db.error().message.c_str());
            return 1;
        }
        auto row = db->prepare(
            "SELECT a.unit_code, a.set_id, r.number, r.status FROM ntm_assessments a JOIN ntm_criterion_results r ON r.assessment_id = a.id "
            "WHERE a.detailed = 1 ORDER BY a.as_of DESC, a.unit_code, r.number LIMIT 1");
        if (!row || !row->step()) {
            std::fprintf(stderr, "edit: no detailed assessment in %s\n", project.c_str());
            return 1;
        }
        unit = row->text(0);
        set = row->text(1);
        number = static_cast<int>(row->int64(2));
        status = row->text(3);
    }
    gis::editing::EditSession session(project);
    gis::editing::CriterionEdit edit;
    edit.unitCode = unit;
    edit.setId = set;
    edit.number = number;
    edit.status = status == "met" ? gis::model::CriterionStatus::NotMet : gis::model::CriterionStatus::Met;
    edit.note = "crash trial";
    edit.date = "2030-06-30";
    if (auto done = session.setCriterion(edit); !done) {
        std::fprintf(stderr, "edit: %s\n", done.error().message.c_str());
        return 1;
    }
    return 0;
}

void print(const char* name, const Tally& t) {
    std::printf("%s: %d trials, %d landed on the old state, %d on the new, %d corrupt; %d killed while writing", name, t.trials, t.landedOld,
                t.landedNew, t.corrupt, t.killedInWrite);
    if (t.sigtermTrials > 0)
        std::printf("; %d SIGTERM (%d *.partial left), %d *.partial left by SIGKILL (cleared by the next export)", t.sigtermTrials,
                    t.sigtermPartials, t.strayPartials);
    std::printf("\n");
    for (const std::string& failure : t.failures) std::printf("  FAILED %s\n", failure.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "--edit-once") return editOnce(next());
        if (a == "--cli") o.cli = next();
        else if (a == "--work") o.work = next();
        else if (a == "--op") o.op = next();
        else if (a == "--trials") o.trials = std::atoi(next().c_str());
        else if (a == "--seed") o.seed = static_cast<unsigned>(std::strtoul(next().c_str(), nullptr, 10));
        else {
            std::fprintf(stderr, "usage: ntm_crash_trials --cli NTM_ATLAS --work DIR [--op import|edit|export|all] [--trials N] [--seed S]\n");
            return 2;
        }
    }
    if (o.cli.empty() || o.work.empty() || o.trials <= 0) {
        std::fprintf(stderr, "ntm_crash_trials: --cli and --work are needed\n");
        return 2;
    }
    const std::string self = fs::canonical("/proc/self/exe").string();  // the edit trials run this program's --edit-once
    Trials trials(o);
    if (!trials.prepare()) return 1;
    bool ok = true;
    const bool all = o.op == "all";
    auto printStaleJournals = [](Trials& t) {
        if (t.m_staleJournals > 0)
            std::printf("  (%d empty journals were left beside the project after a kill: not hot, SQLite ignores them)\n", t.m_staleJournals);
        t.m_staleJournals = 0;
    };
    if (all || o.op == "import") {
        // The whole country's communes (11,161) as units over the demo district: a long write.
        const std::string national = std::string(NTM_SHARED_DIR) + "/data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg";
        Tally t = trials.runProjectOp("import", [&](const std::string& project) {
            return std::vector<std::string>{o.cli, "import", project, "units", national, "--layer", "communes", "--level", "commune",
                                            "--code", "gso_xa", "--fallback-code", "commune_id", "--name", "commune_vn",
                                            "--where", NTM_CRASH_IMPORT_WHERE};
        }, 0.3);
        print("import", t);
        printStaleJournals(trials);
        ok = ok && t.failures.empty();
    }
    if (all || o.op == "edit") {
        Tally t = trials.runProjectOp("edit", [&](const std::string& project) { return std::vector<std::string>{self, "--edit-once", project}; }, 0.004);
        print("edit", t);
        printStaleJournals(trials);
        ok = ok && t.failures.empty();
    }
    if (all || o.op == "export") {
        Tally t = trials.runExport();
        print("export", t);
        ok = ok && t.failures.empty();
    }
    return ok ? 0 : 1;
}
