#include "lumbarlab/io/handout_writer.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/atomic_file.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

namespace lumbarlab {
namespace {

constexpr const char* kFont = "DejaVu Sans";
constexpr double kMargin = 42.0;  // points

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

void font(cairo_t* cr, double size, bool bold) {
    cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

double advance(cairo_t* cr, const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

/// Sets `text` wrapped to `width` from (x, y) (y: the first baseline); returns the baseline after it.
double paragraph(cairo_t* cr, const std::string& text, double x, double y, double width, double leading,
                 double indent = 0.0) {
    std::istringstream words(text);
    std::string word, line;
    double lineX = x;
    const auto flush = [&] {
        cairo_move_to(cr, lineX, y);
        cairo_show_text(cr, line.c_str());
        y += leading;
        line.clear();
        lineX = x + indent;
    };
    while (words >> word) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && advance(cr, candidate) > width - (lineX - x)) flush();
        line = line.empty() ? word : line + " " + word;
    }
    if (!line.empty()) flush();
    return y;
}

/// Draws `image` scaled to fit `box` (aspect kept, centred); returns where it went.
PixelRect picture(cairo_t* cr, const Image& image, double x, double y, double w, double h) {
    if (image.width <= 0 || image.height <= 0) return {};
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height));
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int row = 0; row < image.height; ++row) {
        auto* out = reinterpret_cast<std::uint32_t*>(data + std::ptrdiff_t(row) * stride);
        for (int col = 0; col < image.width; ++col) {
            const std::uint8_t* p = image.pixel(col, row);
            const unsigned a = p[3];
            out[col] = (a << 24) | (((p[0] * a + 127u) / 255u) << 16) | (((p[1] * a + 127u) / 255u) << 8) |
                       ((p[2] * a + 127u) / 255u);
        }
    }
    cairo_surface_mark_dirty(surface.get());
    const double scale = std::min(w / image.width, h / image.height);
    const double dw = image.width * scale, dh = image.height * scale;
    const double dx = x + 0.5 * (w - dw), dy = y + 0.5 * (h - dh);
    cairo_save(cr);
    cairo_translate(cr, dx, dy);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BEST);
    cairo_paint(cr);
    cairo_restore(cr);
    return {float(dx), float(dy), float(dw), float(dh)};
}

void heading(cairo_t* cr, const std::string& text, double x, double& y) {
    font(cr, 13.0, true);
    cairo_set_source_rgb(cr, 0.10, 0.24, 0.40);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text.c_str());
    y += 17.0;
}

HandoutLayout drawPage(cairo_t* cr, const HandoutPage& page, PaperSize size) {
    HandoutLayout layout;
    const double x = kMargin, width = size.width - 2.0 * kMargin;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    double y = kMargin + 22.0;
    font(cr, 26.0, true);
    cairo_set_source_rgb(cr, 0.08, 0.10, 0.14);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, page.title.c_str());
    y += 18.0;
    font(cr, 12.0, false);
    cairo_set_source_rgb(cr, 0.35, 0.38, 0.42);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, page.subtitle.c_str());
    y += 14.0;

    // Two pictures side by side, 4:3, captions under them.
    const double gap = 14.0, pw = 0.5 * (width - gap), ph = pw * 0.75;
    layout.startPicture = picture(cr, page.startPicture, x, y, pw, ph);
    layout.endPicture = picture(cr, page.endPicture, x + pw + gap, y, pw, ph);
    y += ph + 14.0;
    font(cr, 10.0, false);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    const double c1 = paragraph(cr, "1  " + page.startCaption, x, y, pw, 13.0, 12.0);
    const double c2 = paragraph(cr, "2  " + page.endCaption, x + pw + gap, y, pw, 13.0, 12.0);
    y = std::max(c1, c2) + 14.0;

    heading(cr, "How much", x, y);
    font(cr, 11.5, false);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    y = paragraph(cr, page.dose, x, y, width, 15.0) + 8.0;

    heading(cr, "How to do it", x, y);
    font(cr, 11.5, false);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (std::size_t i = 0; i < page.cues.size(); ++i)
        y = paragraph(cr, std::to_string(i + 1) + ".  " + page.cues[i], x, y, width, 15.0, 16.0);
    y += 8.0;

    heading(cr, "Why it helps", x, y);
    font(cr, 11.5, false);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    std::string why;
    for (const auto& s : page.why) why += (why.empty() ? "" : " ") + s;
    y = paragraph(cr, why, x, y, width, 15.0) + 8.0;

    heading(cr, "Avoid", x, y);
    font(cr, 11.5, false);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (const auto& line : page.avoid) y = paragraph(cr, "\xE2\x80\xA2  " + line, x, y, width, 15.0, 12.0);

    // Sources: small print from the bottom margin up.
    font(cr, 6.5, false);
    double lines = 1.0;
    for (const auto& s : page.sources) lines += std::ceil(advance(cr, s) / width) + 0.2;
    double sy = std::max(y + 12.0, size.height - kMargin - lines * 8.5);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    cairo_move_to(cr, x, sy);
    font(cr, 6.5, true);
    cairo_show_text(cr, "Sources");
    sy += 8.5;
    font(cr, 6.5, false);
    for (const auto& s : page.sources) sy = paragraph(cr, s, x, sy, width, 8.5, 8.0) + 1.5;
    return layout;
}

void check(cairo_surface_t* surface, const std::filesystem::path& file) {
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        throw FileError(file, std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface)));
}

}  // namespace

PaperSize paperSize(Paper paper) {
    return paper == Paper::A4 ? PaperSize{595.28, 841.89} : PaperSize{612.0, 792.0};
}

HandoutLayout writeHandoutPdf(const std::filesystem::path& file, const HandoutPage& page, Paper paper) {
    const PaperSize size = paperSize(paper);
    HandoutLayout layout;
    writeFileAtomically(file, [&](const std::filesystem::path& temp) {
        Surface surface(cairo_pdf_surface_create(temp.c_str(), size.width, size.height));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return false;
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, page.title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Lumbar Lab");
        {
            Context cr(cairo_create(surface.get()));
            layout = drawPage(cr.get(), page, size);
            cairo_show_page(cr.get());
        }
        cairo_surface_finish(surface.get());
        return cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS;
    });
    return layout;
}

HandoutLayout writeHandoutPng(const std::filesystem::path& file, const HandoutPage& page, Paper paper, double dpi) {
    const PaperSize size = paperSize(paper);
    const double scale = dpi / 72.0;
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(std::lround(size.width * scale)),
                                               int(std::lround(size.height * scale))));
    check(surface.get(), file);
    HandoutLayout layout;
    {
        Context cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), scale, scale);
        layout = drawPage(cr.get(), page, size);
    }
    cairo_surface_flush(surface.get());
    writeFileAtomically(file, [&](const std::filesystem::path& temp) {
        return cairo_surface_write_to_png(surface.get(), temp.c_str()) == CAIRO_STATUS_SUCCESS;
    });
    return layout;
}

}  // namespace lumbarlab
