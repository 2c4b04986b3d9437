#pragma once
// The 2D layer of a figure, drawn with cairo onto a rendered picture so text stays crisp at any size:
// a title, legends with units, and labels joined to their structures by leader lines. The layout is
// pure (sizes in, rectangles out) and tested on its own; drawing measures the text and then lays out.

#include "lumbarlab/io/png_writer.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <string>
#include <vector>

namespace lumbarlab {

/// A rectangle in pixels, y down from the top left.
struct PixelRect {
    float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;
    [[nodiscard]] float right() const { return x + w; }
    [[nodiscard]] float bottom() const { return y + h; }
    [[nodiscard]] bool empty() const { return w <= 0.0f || h <= 0.0f; }
    [[nodiscard]] bool overlaps(const PixelRect& o) const {
        return !empty() && !o.empty() && x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
};

/// A colour bar with its scale: colours sampled low to high (sRGB), tick values with units.
struct LegendSpec {
    std::string title;               ///< e.g. "Muscle length change"
    std::vector<glm::vec3> colours;  ///< evenly spaced along the bar, low to high
    std::vector<std::string> ticks;  ///< evenly spaced labels, low to high, e.g. "-30 %", "0", "+30 %"
    std::string lowNote, highNote;   ///< under the ends, e.g. "shortened", "lengthened"
    std::string footnote;            ///< a line under the notes: what the scale is measured against
};

/// A label for a structure: its text and the pixel its leader line points at.
struct LabelSpec {
    std::string text;
    glm::vec2 anchor{0.0f};
    bool behind = false;  ///< the structure is hidden there: a dashed leader ending in a ring
};

/// Everything the 2D layer shows on one picture.
struct OverlaySpec {
    std::string title;     ///< e.g. "Couch stretch (right), 10.0 s"
    std::string subtitle;  ///< e.g. "lateral view"; lines split at '\n' and wrapped to the width
    std::vector<LegendSpec> legends;
    std::vector<LabelSpec> labels;
    PixelRect subject;  ///< the subject's projected bounds: labels keep out of it where they can
};

/// Text sizes in pixels for one picture: the layout works from these.
struct OverlayMetrics {
    float margin = 0.0f;  ///< from the picture's edges and between items
    float titleHeight = 0.0f, titleWidth = 0.0f;
    float legendWidth = 0.0f, legendHeight = 0.0f;  ///< one legend panel
    std::vector<glm::vec2> labelSizes;              ///< one per label, padding included
};

/// Where each item went.
struct OverlayLayout {
    PixelRect title;
    std::vector<PixelRect> legends;
    std::vector<PixelRect> legendBars;    ///< the colour bar inside each legend (filled by drawOverlay)
    std::vector<PixelRect> labels;        ///< one per label, same order as the spec
    std::vector<glm::vec2> leaderStarts;  ///< where each leader line leaves its label
};

/// Title top left, legends stacked in the bottom right corner, labels in columns beside the subject
/// (or rows above and below it when the sides are too narrow), each column ordered by its anchors so
/// leader lines do not cross, spaced so no two labels overlap and none covers the title or a legend.
[[nodiscard]] OverlayLayout layoutOverlay(const OverlaySpec& spec, const OverlayMetrics& metrics, int width,
                                          int height);

/// The font size (pixels) the overlay uses for body text on a picture of this height.
[[nodiscard]] float overlayFontSize(int height);

/// Measures the text with cairo (DejaVu Sans), lays out and draws onto `image` (straight RGBA).
/// Returns the layout used, so tests can look at the pixels where things went.
OverlayLayout drawOverlay(Image& image, const OverlaySpec& spec);

}  // namespace lumbarlab
