#include "gis/export/atlas.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/dashboard_view.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/data/text_encoding.hpp"
#include "gis/export/page_render.hpp"
#include "gis/export/pdf_writer.hpp"
#include "gis/export/png_export.hpp"
#include "gis/export/report_text.hpp"

namespace gis::exporting {

namespace {

using Clock = std::chrono::steady_clock;
using gis::Text;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// A commune's frame with room around it for the neighbours that give it context.
Bounds withSurroundings(Bounds b) {
    if (!b.valid()) return b;
    const double grow = 0.12 * std::max(b.width(), b.height());
    b.minX -= grow;
    b.maxX += grow;
    b.minY -= grow;
    b.maxY += grow;
    return b;
}

/// "03-17335-xa-thanh-son.png": page order first, so a file browser lists the pages in order.
std::string pageFileName(int pageNumber, const std::string& code, const std::string& name) {
    std::string slug;
    for (char c : data::foldDiacritics(name)) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) slug += static_cast<char>(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    char number[16];
    std::snprintf(number, sizeof number, "%02d", pageNumber);
    return std::string(number) + "-" + code + (slug.empty() ? "" : "-" + slug) + ".png";
}

}  // namespace

Result<std::vector<std::size_t>> atlasCommunes(const dashboard::ProjectFigures& figures, const std::string& districtCode) {
    const auto unit = figures.tree().find(districtCode);
    if (!unit) return makeError(ErrorCode::NotFound, "--unit " + districtCode + ": no unit with this code in " + figures.path());
    const model::Unit& district = figures.data().units[*unit];
    if (district.level == "commune" || district.level == "village")
        return makeError(ErrorCode::BadInput, "--unit " + districtCode + " is " + district.name +
                                                  ", a commune-level unit: the atlas needs a district (or a province without districts)");
    std::vector<std::size_t> communes;
    for (std::size_t child : dashboard::scopeChildren(figures, districtCode))
        if (figures.data().units[child].level == "commune") communes.push_back(child);
    if (communes.empty()) return makeError(ErrorCode::BadInput, "--unit " + districtCode + " (" + district.name + ") has no communes in the project");
    return communes;
}

Result<AtlasReport> writeAtlas(render::Renderer& renderer, scene::MapDocument& document,
                               std::shared_ptr<const dashboard::ProjectFigures> figures, const AtlasOptions& options,
                               const std::string& outPath, const ProgressFn& progress) {
    if (!figures) return makeError(ErrorCode::BadInput, "the atlas needs an NTM project (its communes' figures)");
    const std::vector<std::string> sources{document.source().path, figures->path()};
    if (options.pdf) {
        if (auto target = checkExportTarget(outPath, sources, ExportFormat::Pdf); !target) return target.error();
    } else if (auto folder = checkAtlasFolder(outPath, sources); !folder) {
        return folder.error();
    }
    if (Status feasible = checkFrameFeasible(options.page.pixelWidth(), options.page.pixelHeight()); !feasible) return feasible.error();
    auto communes = atlasCommunes(*figures, options.districtCode);
    if (!communes) return communes.error();

    const gis::Language lang = options.language;
    const std::string asOf = options.asOf.empty() ? figures->latestDate() : options.asOf;
    const std::string districtName = figures->data().units[*figures->tree().find(options.districtCode)].name;
    LayoutOptions layout;
    layout.page = options.page;
    layout.language = lang;
    layout.exportDate = options.exportDate;

    std::unique_ptr<PdfWriter> pdf;
    if (options.pdf) {
        auto created = PdfWriter::create(outPath, std::string(tr(Text::PrintAtlasOf, lang)) + " " + districtName);
        if (!created) return created.error();
        pdf = std::move(*created);
    } else if (!std::filesystem::exists(outPath)) {
        std::error_code ec;
        std::filesystem::create_directory(outPath, ec);
        if (ec) return makeError(ErrorCode::Io, "cannot create the atlas folder " + outPath + ": " + ec.message());
    }

    AtlasReport report;
    const int total = static_cast<int>(communes->size()) + (options.overview ? 1 : 0);
    const auto emit = [&](const RenderedPage& page, const std::string& code, const std::string& name) -> Status {
        const auto start = Clock::now();
        Status written = Ok{};
        if (pdf) {
            written = pdf->addPage(page);
        } else {
            const std::string file = (std::filesystem::path(outPath) / pageFileName(report.pages + 1, code, name)).string();
            written = writePng(page.image, file, page.dpi);
            if (written) report.files.push_back(file);
        }
        report.writeSeconds += secondsSince(start);
        if (written) ++report.pages;
        return written;
    };
    const auto render = [&](const PageContent& content) -> Result<RenderedPage> {
        const auto start = Clock::now();
        auto page = renderPage(renderer, pageScene(document, content, options.page), options.page, options.pdf, options.maxTileSizePx);
        report.renderSeconds += secondsSince(start);
        return page;
    };

    if (options.overview) {
        if (progress) progress(0, total, districtName);
        ReportScope scope{figures, {}};
        scope.state.scope = options.districtCode;
        scope.state.asOf = asOf;
        PageContent content = preparePage(document, scope, layout);
        content.title = std::string(tr(Text::PrintAtlasOf, lang)) + " — " + districtName;
        // The contents: which page each commune is on, with its headline figure.
        content.sideLines.push_back({tr(Text::CardCriteria, lang), scene::PageLineRole::Heading, std::nullopt});
        int pageNumber = 2;
        for (std::size_t c : *communes) {
            const model::Unit& unit = figures->data().units[c];
            const auto card = dashboard::buildCommuneCard(*figures, unit.code, asOf, lang);
            content.sideLines.push_back({std::to_string(pageNumber++) + ". " + unit.name + (card ? " — " + card->headline : ""),
                                         scene::PageLineRole::Body, std::nullopt});
        }
        auto page = render(content);
        if (!page) return page.error();
        if (Status s = emit(*page, options.districtCode, districtName); !s) return s.error();
    }

    for (std::size_t i = 0; i < communes->size(); ++i) {
        const model::Unit& unit = figures->data().units[(*communes)[i]];
        if (progress) progress(report.pages, total, unit.name);
        ReportScope scope{figures, {}};
        scope.state.scope = unit.code;
        scope.state.asOf = asOf;
        PageContent content = preparePage(document, scope, layout);
        content.focus = withSurroundings(content.focus);
        content.title = unit.name + " — " + districtName;
        content.sideShare = 0.46f;
        content.sideLines.clear();
        if (const auto card = dashboard::buildCommuneCard(*figures, unit.code, asOf, lang))
            content.sideLines = communeCardLines(*card, lang);
        content.sideLines.push_back({tr(Text::PrintNeighbours, lang), scene::PageLineRole::Muted, std::nullopt});
        auto page = render(content);
        if (!page) return makeError(page.error().code, unit.name + ": " + page.error().message);
        if (Status s = emit(*page, unit.code, unit.name); !s) return s.error();
    }
    if (progress) progress(total, total, "");

    if (pdf) {
        const auto start = Clock::now();
        if (Status finished = pdf->finish(); !finished) return finished.error();
        report.writeSeconds += secondsSince(start);
        report.files.push_back(outPath);
    }
    return report;
}

}  // namespace gis::exporting
