#include "lumbarlab/io/figure_overlay.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace lumbarlab {
namespace {

constexpr const char* kFont = "DejaVu Sans";
constexpr double kPi = 3.14159265358979323846;

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

/// Straight RGBA bytes into cairo's premultiplied native-endian ARGB32, and back.
void toCairo(const Image& image, cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + std::ptrdiff_t(y) * stride);
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            const unsigned a = p[3];
            const auto pre = [a](unsigned c) { return (c * a + 127u) / 255u; };
            row[x] = (a << 24) | (pre(p[0]) << 16) | (pre(p[1]) << 8) | pre(p[2]);
        }
    }
    cairo_surface_mark_dirty(surface);
}

void fromCairo(cairo_surface_t* surface, Image& image) {
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::ptrdiff_t(y) * stride);
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t v = row[x];
            const unsigned a = v >> 24;
            std::uint8_t* p = &image.rgba[(std::size_t(y) * image.width + x) * 4];
            const auto straight = [a](unsigned c) { return a == 0 ? 0u : std::min(255u, (c * 255u + a / 2) / a); };
            p[0] = std::uint8_t(straight((v >> 16) & 0xff));
            p[1] = std::uint8_t(straight((v >> 8) & 0xff));
            p[2] = std::uint8_t(straight(v & 0xff));
            p[3] = std::uint8_t(a);
        }
    }
}

void font(cairo_t* cr, float size, bool bold) {
    cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

float textWidth(cairo_t* cr, const std::string& text) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return float(e.x_advance);
}

void roundedRect(cairo_t* cr, const PixelRect& r, float radius) {
    const double x = r.x, y = r.y, w = r.w, h = r.h, rad = std::min({double(radius), w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - rad, y + rad, rad, -kPi / 2, 0);
    cairo_arc(cr, x + w - rad, y + h - rad, rad, 0, kPi / 2);
    cairo_arc(cr, x + rad, y + h - rad, rad, kPi / 2, kPi);
    cairo_arc(cr, x + rad, y + rad, rad, kPi, 3 * kPi / 2);
    cairo_close_path(cr);
}

/// A dark translucent panel: reads on the slate background, on bone and on transparency alike.
void panel(cairo_t* cr, const PixelRect& r, float radius) {
    roundedRect(cr, r, radius);
    cairo_set_source_rgba(cr, 0.06, 0.07, 0.09, 0.78);
    cairo_fill(cr);
}

void text(cairo_t* cr, float x, float baseline, const std::string& s, double grey = 0.96) {
    cairo_move_to(cr, x, baseline);
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_show_text(cr, s.c_str());
}

// Legend panel layout, in units of the body font size f.
struct LegendGeometry {
    float f;
    [[nodiscard]] float pad() const { return 0.6f * f; }
    [[nodiscard]] float barW() const { return 12.0f * f; }
    [[nodiscard]] float barH() const { return 0.9f * f; }
    /// From the panel's edge to the bar's: room for half an end tick's label ("\u2264 -30 %").
    [[nodiscard]] float barInset() const { return pad() + 1.5f * f; }
    [[nodiscard]] float width() const { return barW() + 2.0f * barInset(); }
    [[nodiscard]] float height() const {
        return pad() + 1.2f * f + barH() + 0.4f * f + 1.1f * f + 1.0f * f + 1.0f * f + pad();
    }
};

void drawLegend(cairo_t* cr, const LegendSpec& legend, const PixelRect& r, float f) {
    const LegendGeometry g{f};
    panel(cr, r, 0.4f * f);
    font(cr, f, true);
    text(cr, r.x + g.pad(), r.y + g.pad() + f, legend.title);
    const float barX = r.x + g.barInset(), barY = r.y + g.pad() + 1.4f * f;
    cairo_pattern_t* gradient = cairo_pattern_create_linear(barX, 0, barX + g.barW(), 0);
    const std::size_t n = legend.colours.size();
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3& c = legend.colours[i];
        cairo_pattern_add_color_stop_rgb(gradient, n > 1 ? double(i) / double(n - 1) : 0.0, c.x, c.y, c.z);
    }
    cairo_rectangle(cr, barX, barY, g.barW(), g.barH());
    cairo_set_source(cr, gradient);
    cairo_fill(cr);
    cairo_pattern_destroy(gradient);
    font(cr, 0.85f * f, false);
    const std::size_t ticks = legend.ticks.size();
    for (std::size_t i = 0; i < ticks; ++i) {
        const float x = barX + (ticks > 1 ? g.barW() * float(i) / float(ticks - 1) : 0.0f);
        cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
        cairo_set_line_width(cr, std::max(1.0f, 0.08f * f));
        cairo_move_to(cr, x, barY + g.barH());
        cairo_line_to(cr, x, barY + g.barH() + 0.3f * f);
        cairo_stroke(cr);
        const float w = textWidth(cr, legend.ticks[i]);
        text(cr, x - 0.5f * w, barY + g.barH() + 1.2f * f, legend.ticks[i]);
    }
    font(cr, 0.8f * f, false);
    const float notes = barY + g.barH() + 2.3f * f;
    text(cr, barX, notes, legend.lowNote, 0.75);
    text(cr, barX + g.barW() - textWidth(cr, legend.highNote), notes, legend.highNote, 0.75);
    if (!legend.footnote.empty())
        text(cr, barX + 0.5f * (g.barW() - textWidth(cr, legend.footnote)), notes + 1.1f * f, legend.footnote, 0.75);
}

}  // namespace

OverlayLayout drawOverlay(Image& image, const OverlaySpec& spec) {
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot make a cairo surface of " + std::to_string(image.width) + "x" +
                                 std::to_string(image.height));
    toCairo(image, surface.get());
    Context cr(cairo_create(surface.get()));
    cairo_t* c = cr.get();

    const float f = overlayFontSize(image.height);
    OverlayMetrics m;
    m.margin = 0.8f * f;
    font(c, 1.5f * f, true);
    const float titleW = textWidth(c, spec.title);
    font(c, f, false);
    // The subtitle: its lines ('\n'), each wrapped at word breaks to fit the picture's width.
    std::vector<std::string> subtitle;
    const float maxW = float(image.width) - 2.0f * m.margin - 1.2f * f;
    float subtitleW = 0.0f;
    for (std::size_t start = 0; start < spec.subtitle.size();) {
        std::size_t end = spec.subtitle.find('\n', start);
        if (end == std::string::npos) end = spec.subtitle.size();
        std::string line;
        std::size_t word = start;
        while (word < end) {
            std::size_t next = spec.subtitle.find(' ', word);
            if (next == std::string::npos || next > end) next = end;
            const std::string piece = spec.subtitle.substr(word, next - word);
            const std::string longer = line.empty() ? piece : line + " " + piece;
            if (!line.empty() && textWidth(c, longer) > maxW) {
                subtitle.push_back(line);
                line = piece;
            } else {
                line = longer;
            }
            word = next + 1;
        }
        if (!line.empty()) subtitle.push_back(line);
        start = end + 1;
    }
    for (const auto& line : subtitle) subtitleW = std::max(subtitleW, textWidth(c, line));
    m.titleWidth = std::max(titleW, subtitleW) + 1.2f * f;
    m.titleHeight = (subtitle.empty() ? 1.9f : 1.9f + 1.3f * float(subtitle.size())) * f;
    const LegendGeometry lg{f};
    m.legendWidth = lg.width();
    m.legendHeight = lg.height();
    font(c, f, false);
    for (const auto& label : spec.labels) m.labelSizes.emplace_back(textWidth(c, label.text) + 1.0f * f, 1.6f * f);
    OverlayLayout layout = layoutOverlay(spec, m, image.width, image.height);

    if (!spec.title.empty()) {
        panel(c, layout.title, 0.4f * f);
        font(c, 1.5f * f, true);
        text(c, layout.title.x + 0.6f * f, layout.title.y + 1.55f * f, spec.title);
        font(c, f, false);
        for (std::size_t i = 0; i < subtitle.size(); ++i)
            text(c, layout.title.x + 0.6f * f, layout.title.y + (2.75f + 1.3f * float(i)) * f, subtitle[i], 0.8);
    }
    for (std::size_t i = 0; i < spec.legends.size(); ++i) {
        drawLegend(c, spec.legends[i], layout.legends[i], f);
        const PixelRect& r = layout.legends[i];
        layout.legendBars.push_back({r.x + lg.barInset(), r.y + lg.pad() + 1.4f * f, lg.barW(), lg.barH()});
    }

    // Leader lines first (a dark halo under a light line), then the labels over their ends.
    for (std::size_t i = 0; i < spec.labels.size(); ++i) {
        const glm::vec2 a = spec.labels[i].anchor, b = layout.leaderStarts[i];
        for (int pass = 0; pass < 2; ++pass) {
            cairo_set_line_width(c, (pass == 0 ? 0.25f : 0.1f) * f);
            if (pass == 0)
                cairo_set_source_rgba(c, 0.0, 0.0, 0.0, 0.6);
            else
                cairo_set_source_rgb(c, 1.0, 0.93, 0.55);
            cairo_move_to(c, b.x, b.y);
            cairo_line_to(c, a.x, a.y);
            if (spec.labels[i].behind) {
                // The drafting convention for what lies behind: dashes, and a ring where a dot would be.
                const double dash[] = {0.6 * f, 0.35 * f};
                cairo_set_dash(c, dash, 2, 0.0);
                cairo_stroke(c);
                cairo_set_dash(c, nullptr, 0, 0.0);
                cairo_set_line_width(c, (pass == 0 ? 0.22f : 0.09f) * f);
                cairo_arc(c, a.x, a.y, 0.35f * f, 0, 2 * kPi);
                cairo_stroke(c);
            } else {
                cairo_stroke(c);
                cairo_arc(c, a.x, a.y, (pass == 0 ? 0.32f : 0.2f) * f, 0, 2 * kPi);
                cairo_fill(c);
            }
        }
    }
    font(c, f, false);
    for (std::size_t i = 0; i < spec.labels.size(); ++i) {
        const PixelRect& r = layout.labels[i];
        panel(c, r, 0.3f * f);
        text(c, r.x + 0.5f * f, r.y + 1.15f * f, spec.labels[i].text);
    }
    cr.reset();
    fromCairo(surface.get(), image);
    return layout;
}

}  // namespace lumbarlab
