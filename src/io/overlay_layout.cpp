#include "lumbarlab/io/figure_overlay.h"

#include <algorithm>
#include <numeric>

namespace lumbarlab {
namespace {

/// Spreads boxes of `sizes` along one axis within [lo, hi], each near its `wanted` start, in the
/// order given, never overlapping (gap between). Returns the starts.
std::vector<float> spread(const std::vector<float>& wanted, const std::vector<float>& sizes, float lo, float hi,
                          float gap) {
    std::vector<float> at(wanted.size());
    float next = lo;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        at[i] = std::max(wanted[i], next);
        next = at[i] + sizes[i] + gap;
    }
    // Pushed past the end: shift back from the end, keeping the order and the gaps.
    float limit = hi;
    for (std::size_t i = wanted.size(); i-- > 0;) {
        at[i] = std::min(at[i], limit - sizes[i]);
        limit = at[i] - gap;
    }
    return at;
}

}  // namespace

float overlayFontSize(int height) {
    return std::max(11.0f, float(height) / 45.0f);
}

OverlayLayout layoutOverlay(const OverlaySpec& spec, const OverlayMetrics& m, int width, int height) {
    OverlayLayout out;
    const float fullW = float(width), fullH = float(height), g = m.margin;
    if (!spec.title.empty()) out.title = {g, g, m.titleWidth, m.titleHeight};

    // Legends: stacked upwards from the bottom right corner.
    float legendTop = fullH - g;
    for (std::size_t i = 0; i < spec.legends.size(); ++i) {
        legendTop -= m.legendHeight;
        out.legends.push_back({fullW - g - m.legendWidth, legendTop, m.legendWidth, m.legendHeight});
        legendTop -= g;
    }

    const std::size_t n = spec.labels.size();
    out.labels.assign(n, {});
    out.leaderStarts.assign(n, glm::vec2(0.0f));
    if (n == 0) return out;
    const PixelRect& s = spec.subject;
    const float widest = std::accumulate(m.labelSizes.begin(), m.labelSizes.end(), 0.0f,
                                         [](float a, glm::vec2 v) { return std::max(a, v.x); });
    const float leftRoom = s.x - 2.0f * g, rightRoom = fullW - s.right() - 2.0f * g;
    const float topBand = out.title.empty() ? g : out.title.bottom() + g;

    if (std::max(leftRoom, rightRoom) >= widest || s.empty()) {
        // Columns: each label on the side of its anchor when that side has room.
        const float centre = s.empty() ? 0.5f * fullW : s.x + 0.5f * s.w;
        for (int side = 0; side < 2; ++side) {
            std::vector<std::size_t> mine;
            for (std::size_t i = 0; i < n; ++i) {
                bool right = spec.labels[i].anchor.x >= centre;
                if (right && rightRoom < m.labelSizes[i].x) right = false;
                if (!right && leftRoom < m.labelSizes[i].x && rightRoom >= m.labelSizes[i].x) right = true;
                if (right == (side == 1)) mine.push_back(i);
            }
            if (mine.empty()) continue;
            std::sort(mine.begin(), mine.end(),
                      [&](std::size_t a, std::size_t b) { return spec.labels[a].anchor.y < spec.labels[b].anchor.y; });
            // The right column stops above the legends; the left one runs to the bottom margin.
            const float bottom = (side == 1 && !spec.legends.empty()) ? legendTop : fullH - g;
            std::vector<float> wanted, sizes;
            for (std::size_t i : mine) {
                wanted.push_back(spec.labels[i].anchor.y - 0.5f * m.labelSizes[i].y);
                sizes.push_back(m.labelSizes[i].y);
            }
            const std::vector<float> ys = spread(wanted, sizes, topBand, bottom, 0.5f * g);
            for (std::size_t k = 0; k < mine.size(); ++k) {
                const std::size_t i = mine[k];
                const glm::vec2 size = m.labelSizes[i];
                // Close to the subject: left labels end just left of it, right ones start just right.
                const float placedX =
                    side == 1 ? std::min(s.right() + g, fullW - g - size.x) : std::max(g, s.x - g - size.x);
                out.labels[i] = {placedX, ys[k], size.x, size.y};
                out.leaderStarts[i] = {side == 1 ? placedX : placedX + size.x, ys[k] + 0.5f * size.y};
            }
        }
        return out;
    }

    // Rows: above and below the subject, ordered left to right by anchor.
    const float aboveRoom = s.y - topBand - g, belowRoom = fullH - s.bottom() - 2.0f * g;
    std::vector<std::size_t> rows[2];
    for (std::size_t i = 0; i < n; ++i) {
        bool below = spec.labels[i].anchor.y >= s.y + 0.5f * s.h;
        if (below && belowRoom < m.labelSizes[i].y) below = false;
        if (!below && aboveRoom < m.labelSizes[i].y && belowRoom >= m.labelSizes[i].y) below = true;
        rows[below ? 1 : 0].push_back(i);
    }
    for (int row = 0; row < 2; ++row) {
        auto& mine = rows[row];
        if (mine.empty()) continue;
        std::sort(mine.begin(), mine.end(),
                  [&](std::size_t a, std::size_t b) { return spec.labels[a].anchor.x < spec.labels[b].anchor.x; });
        float rowH = 0.0f;
        std::vector<float> wanted, sizes;
        for (std::size_t i : mine) {
            wanted.push_back(spec.labels[i].anchor.x - 0.5f * m.labelSizes[i].x);
            sizes.push_back(m.labelSizes[i].x);
            rowH = std::max(rowH, m.labelSizes[i].y);
        }
        // The row above sits between the title and the subject; the one below stops left of the legends.
        const float y = row == 0 ? std::max(topBand, s.y - g - rowH) : std::min(s.bottom() + g, fullH - g - rowH);
        const float right =
            (row == 1 && !out.legends.empty() && y + rowH > legendTop) ? out.legends.back().x - g : fullW - g;
        const float left = (row == 0 && !out.title.empty() && y < out.title.bottom()) ? out.title.right() + g : g;
        const std::vector<float> xs = spread(wanted, sizes, left, right, g);
        for (std::size_t k = 0; k < mine.size(); ++k) {
            const std::size_t i = mine[k];
            out.labels[i] = {xs[k], y, m.labelSizes[i].x, m.labelSizes[i].y};
            out.leaderStarts[i] = {xs[k] + 0.5f * m.labelSizes[i].x, row == 0 ? y + m.labelSizes[i].y : y};
        }
    }
    return out;
}

}  // namespace lumbarlab
