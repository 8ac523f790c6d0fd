#include "tests/support/store_backends.hpp"

#include <catch2/catch.hpp>
#include <libpq-fe.h>

#include <cctype>
#include <fstream>

#include "tests/support/test_paths.hpp"

namespace test {
namespace {

/// A database name from a test name: lower-case letters, digits and '_', at most 60 bytes.
std::string databaseNameFor(const std::string& testName) {
    std::string name = "t_";
    for (char c : testName) {
        if (name.size() >= 60) break;
        name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
    }
    return name;
}

std::string withDatabase(const std::string& conninfo, const std::string& dbname) {
    std::string out = conninfo;
    const std::size_t at = out.find("dbname=");
    if (at != std::string::npos) out.erase(at);
    return out + "dbname=" + dbname;
}

}  // namespace

std::vector<gis::store::Backend> storeBackends() { return {gis::store::Backend::Sqlite, gis::store::Backend::Postgres}; }

const char* backendName(gis::store::Backend backend) { return backend == gis::store::Backend::Sqlite ? "GeoPackage" : "PostgreSQL"; }

namespace pg {

std::string adminConninfo() {
    static const std::string conninfo = [] {
        std::ifstream in(std::string(NTM_BINARY_DIR) + "/pg-test/conninfo");
        std::string line;
        std::getline(in, line);
        return line;
    }();
    if (conninfo.empty())
        FAIL("the PostgreSQL test cluster is not running: run the tests through ctest (fixture pg_cluster), or "
             "tests/support/pg_test_cluster.sh start <build>/pg-test");
    return conninfo;
}

std::string location(const std::string& dbname, const std::string& user, const std::string& password) {
    std::string conninfo = withDatabase(adminConninfo(), dbname);
    if (!user.empty()) {
        const std::size_t at = conninfo.find("user=ntm_admin");
        conninfo.replace(at, 14, "user=" + user);
        if (!password.empty()) conninfo += " password=" + password;
    }
    return "PG:" + conninfo;
}

namespace {

/// Runs `sql` as the superuser; "" when it worked, else the server's message.
std::string tryAdminExec(const std::string& dbname, const std::string& sql) {
    PGconn* conn = PQconnectdb(withDatabase(adminConninfo(), dbname).c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        return message.empty() ? "cannot connect" : message;
    }
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    PGresult* result = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    std::string error = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? std::string() : PQresultErrorMessage(result);
    if (error.empty() && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) error = "failed";
    PQclear(result);
    PQfinish(conn);
    return error;
}

}  // namespace

void adminExecRetrying(const std::string& dbname, const std::string& sql) {
    std::string error;
    for (int attempt = 0; attempt < 3; ++attempt)
        if ((error = tryAdminExec(dbname, sql)).empty()) return;
    INFO(sql);
    FAIL(error);
}

void adminExec(const std::string& dbname, const std::string& sql) {
    const std::string error = tryAdminExec(dbname, sql);
    INFO(sql);
    INFO(error);
    REQUIRE(error.empty());
}

}  // namespace pg

std::string freshProjectLocation(gis::store::Backend backend, const std::string& testName) {
    if (backend == gis::store::Backend::Sqlite) return (scratchDir(testName) / "project.gpkg").string();
    const std::string dbname = databaseNameFor(testName);
    pg::adminExec("postgres", "DROP DATABASE IF EXISTS " + dbname + " WITH (FORCE)");
    pg::adminExec("postgres", "CREATE DATABASE " + dbname + " TEMPLATE ntm_template");
    return pg::location(dbname);
}

}  // namespace test
