#include "gis/export/pdf_writer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdint>
#include <vector>

#include "gis/export/atomic_file.hpp"

namespace gis::exporting {

struct PdfWriter::Cairo {
    std::vector<std::uint8_t> bytes;  // the document as cairo streams it
    cairo_surface_t* surface = nullptr;
    cairo_font_options_t* fontOptions = nullptr;
    ~Cairo() {
        if (fontOptions != nullptr) cairo_font_options_destroy(fontOptions);
        if (surface != nullptr) cairo_surface_destroy(surface);
    }
};

namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* bytes = static_cast<std::vector<std::uint8_t>*>(closure);
    bytes->insert(bytes->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

void setColor(cairo_t* cr, Rgba8 c) { cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

/// The page picture as a cairo image (opaque: RGB24, native-endian 0x00RRGGBB).
cairo_surface_t* toCairoImage(const render::Image& image) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return surface;
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        const std::uint8_t* src = image.rgba.data() + static_cast<std::size_t>(y) * image.width * 4;
        for (int x = 0; x < image.width; ++x, src += 4)
            row[x] = (static_cast<std::uint32_t>(src[0]) << 16) | (static_cast<std::uint32_t>(src[1]) << 8) | src[2];
    }
    cairo_surface_mark_dirty(surface);
    return surface;
}

}  // namespace

Result<std::unique_ptr<PdfWriter>> PdfWriter::create(const std::string& path, const std::string& title) {
    if (auto target = checkExportTarget(path, {}, ExportFormat::Pdf); !target) return target.error();
    std::unique_ptr<PdfWriter> writer(new PdfWriter());
    writer->m_path = path;
    writer->m_cairo = std::make_unique<Cairo>();
    Cairo& c = *writer->m_cairo;
    c.surface = cairo_pdf_surface_create_for_stream(appendBytes, &c.bytes, 595.0, 842.0);
    if (cairo_surface_status(c.surface) != CAIRO_STATUS_SUCCESS)
        return makeError(ErrorCode::Io, "Cannot write PDF " + path + ": " + cairo_status_to_string(cairo_surface_status(c.surface)));
    cairo_pdf_surface_set_metadata(c.surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(c.surface, CAIRO_PDF_METADATA_CREATOR, "NTM Atlas");
    // Advances exactly as the font defines them, like the SDF atlas lays them out: the PDF's
    // text lands where the PNG's does.
    c.fontOptions = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(c.fontOptions, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(c.fontOptions, CAIRO_HINT_STYLE_NONE);
    return writer;
}

PdfWriter::~PdfWriter() = default;

Status PdfWriter::addPage(const RenderedPage& page) {
    if (!m_cairo || page.dpi <= 0) return makeError(ErrorCode::BadInput, "Cannot write PDF " + m_path + ": no page size");
    Cairo& c = *m_cairo;
    const double widthPt = page.widthPt > 0 ? page.widthPt : page.image.width * 72.0 / page.dpi;
    const double heightPt = page.heightPt > 0 ? page.heightPt : page.image.height * 72.0 / page.dpi;
    cairo_pdf_surface_set_size(c.surface, widthPt, heightPt);
    cairo_t* cr = cairo_create(c.surface);
    // From here on, page pixels (the paper's exact size over the whole-pixel picture).
    cairo_scale(cr, widthPt / page.image.width, heightPt / page.image.height);

    cairo_surface_t* picture = toCairoImage(page.image);
    cairo_set_source_surface(cr, picture, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_surface_destroy(picture);

    cairo_set_font_options(cr, c.fontOptions);
    for (const render::TextRun& run : page.text) {
        cairo_select_font_face(cr, "Noto Sans", CAIRO_FONT_SLANT_NORMAL,
                               run.style.weight == render::FontWeight::Bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, run.style.sizePx);
        if (run.style.haloColor.a > 0 && run.style.haloPx > 0) {
            // The halo as the outline stroked wide under the letters, like the SDF halo.
            cairo_move_to(cr, run.x, run.baselineY);
            cairo_text_path(cr, run.text.c_str());
            setColor(cr, run.style.haloColor);
            cairo_set_line_width(cr, run.style.haloPx * 2.0);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_stroke(cr);
        }
        cairo_move_to(cr, run.x, run.baselineY);
        setColor(cr, run.style.color);
        cairo_show_text(cr, run.text.c_str());
    }
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_show_page(c.surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return makeError(ErrorCode::Io, "Cannot write PDF " + m_path + ": " + cairo_status_to_string(status));
    ++m_pages;
    return Ok{};
}

Status PdfWriter::finish() {
    if (!m_cairo) return makeError(ErrorCode::Io, "Cannot write PDF " + m_path + ": already finished");
    Cairo& c = *m_cairo;
    cairo_surface_finish(c.surface);
    const cairo_status_t status = cairo_surface_status(c.surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return makeError(ErrorCode::Io, "Cannot write PDF " + m_path + ": " + cairo_status_to_string(status));
    if (m_pages == 0) return makeError(ErrorCode::Io, "Cannot write PDF " + m_path + ": no page was rendered");
    Status written = writeFileAtomically(m_path, c.bytes.data(), c.bytes.size(), ExportFormat::Pdf);
    m_cairo.reset();
    return written;
}

}  // namespace gis::exporting
