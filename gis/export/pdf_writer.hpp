#pragma once
/// PDF through cairo: each page at its paper size in points, the page picture at its dpi, and
/// the layout's text set over it as real text in Noto Sans (cairo embeds the subset used), so
/// it copies, searches and prints the same on a PC without the font.
#include <memory>
#include <string>

#include "gis/core/result.hpp"
#include "gis/export/page_render.hpp"

namespace gis::exporting {

class PdfWriter {
public:
    /// A document to be written to `path` on finish(); `title` goes into its metadata.
    static Result<std::unique_ptr<PdfWriter>> create(const std::string& path, const std::string& title);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    /// Appends a page of `page.image` at `page.dpi` with its text runs.
    Status addPage(const RenderedPage& page);
    /// Completes the document and writes it to the path atomically (nothing is written before).
    Status finish();
    int pageCount() const { return m_pages; }

private:
    PdfWriter() = default;
    struct Cairo;
    std::unique_ptr<Cairo> m_cairo;
    std::string m_path;
    int m_pages = 0;
};

}  // namespace gis::exporting
