// A long problem list: the message shows the first 20 and the count, the full list goes to a CSV
// report beside the project (named after the import), and the project stays byte-for-byte as it was.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "gis/importer/problem_report.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

namespace {

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::vector<std::string> linesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("importer: 45 bad rows show the first 20 and the count, the full list is a CSV beside the project", "[importer][problems]") {
    const auto dir = test::scratchDir("importer_problem_report");
    const std::string project = fixtures::makeProject(dir, false);
    const std::string before = fixtures::readBytes(project);
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 45; ++i) rows.push_back({"17332", "12", "31/02/" + std::to_string(2000 + i)});  // impossible dates
    const std::string sheet = fixtures::writeSheet(dir / "ngay_sai.csv", "CSV", "x", {{"Mã xã"}, {"Số tiêu chí đạt"}, {"Ngày"}}, rows);

    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    auto failed = importer::importFile(project, "criteria", sheet, o);
    REQUIRE_FALSE(failed);
    const std::string& m = failed.error().message;
    const std::string report = (dir / "project.import-criteria-ngay_sai.problems.csv").string();
    CHECK(report == importer::problemReportPath(project, "criteria", sheet));
    CHECK_THAT(m, Catch::Contains("45 problems, nothing was imported"));
    CHECK(countOf(m, "ngay_sai.csv, row ") == 20);  // problem lines shown
    CHECK(countOf(m, "not a date") == 20);
    CHECK_THAT(m, Catch::Contains("row 2, column 'Ngày' = '31/02/2000': not a date"));
    CHECK_THAT(m, !Catch::Contains("31/02/2044"));
    CHECK_THAT(m, Catch::Contains("… and 25 more problems (20 of 45 shown)"));
    CHECK_THAT(m, Catch::Contains("The full list of 45 problems is in " + report));
    CHECK(fixtures::readBytes(project) == before);

    const auto lines = linesOf(report);
    REQUIRE(lines.size() == 46);
    CHECK(lines[0] == "\xEF\xBB\xBFwhere,column,value,problem,unmatched\r");
    CHECK_THAT(lines[45], Catch::Contains("ngay_sai.csv, row 46\",Ngày,31/02/2044,") && Catch::Contains("not a date"));
    CHECK_FALSE(std::filesystem::exists(report + ".writing"));
}

TEST_CASE("importer: a short problem list is shown whole and writes no report", "[importer][problems]") {
    const auto dir = test::scratchDir("importer_problem_short");
    const std::string project = fixtures::makeProject(dir, false);
    const std::string sheet =
        fixtures::writeSheet(dir / "mot_loi.csv", "CSV", "x", {{"Mã xã"}, {"Số tiêu chí đạt"}, {"Ngày"}}, {{"17332", "12", "31/02/2024"}});
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    auto failed = importer::importFile(project, "criteria", sheet, o);
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("1 problem,") && !Catch::Contains("more problem"));
    CHECK_FALSE(std::filesystem::exists(importer::problemReportPath(project, "criteria", sheet)));
}

TEST_CASE("importer: the report quotes commas, quotes and line breaks as CSV does", "[importer][problems]") {
    const auto dir = test::scratchDir("importer_problem_quoting");
    importer::ProblemList problems;
    problems.add(importer::Problem{"a.xlsx, sheet 'TC', row 7", "Tên \"xã\"", "x,y", "two\nlines", true});
    const std::string path = (dir / "r.csv").string();
    REQUIRE(importer::writeProblemReport(problems, path));
    const auto lines = linesOf(path);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == "\"a.xlsx, sheet 'TC', row 7\",\"Tên \"\"xã\"\"\",\"x,y\",\"two");
    CHECK(lines[2] == "lines\",yes\r");
}
