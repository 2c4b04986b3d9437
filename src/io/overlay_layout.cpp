#include "lumbarlab/io/figure_overlay.h"

#include <algorithm>
#include <numeric>
#include <utility>

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

    // Rows: above and below the subject, ordered left to right by anchor. A row that does not fit
    // the width wraps into more rows, stacked away from the subject while there is room (above:
    // up to the title; below: down to the bottom margin), the rest going to the other side.
    const float aboveRoom = s.y - topBand - g, belowRoom = fullH - s.bottom() - 2.0f * g;
    std::vector<std::size_t> sides[2];
    for (std::size_t i = 0; i < n; ++i) {
        bool below = spec.labels[i].anchor.y >= s.y + 0.5f * s.h;
        if (below && belowRoom < m.labelSizes[i].y) below = false;
        if (!below && aboveRoom < m.labelSizes[i].y && belowRoom >= m.labelSizes[i].y) below = true;
        sides[below ? 1 : 0].push_back(i);
    }
    float rowH = 0.0f;
    for (const glm::vec2& size : m.labelSizes) rowH = std::max(rowH, size.y);
    const float step = rowH + 0.5f * g;
    // Rows in order away from the subject: above first (nearest first), then below.
    const int aboveRows = std::max(1, int((aboveRoom + 0.5f * g) / step));
    const int belowRows = std::max(1, int((belowRoom + 0.5f * g) / step));
    auto rowY = [&](bool below, int k) {
        return below ? std::min(s.bottom() + g, fullH - g - rowH) + float(k) * step
                     : std::max(topBand, s.y - g - rowH) - float(k) * step;
    };
    auto rowBounds = [&](float y) {
        const float right = (!out.legends.empty() && y + rowH > legendTop) ? out.legends.back().x - g : fullW - g;
        const float left = (!out.title.empty() && y < out.title.bottom()) ? out.title.right() + g : g;
        return std::pair{left, right};
    };
    int used[2] = {0, 0};
    for (int side = 0; side < 2; ++side) {
        auto& mine = sides[side];
        std::sort(mine.begin(), mine.end(),
                  [&](std::size_t a, std::size_t b) { return spec.labels[a].anchor.x < spec.labels[b].anchor.x; });
        std::size_t next = 0;
        while (next < mine.size()) {
            // This side while it has rows left; then the other side; past both, keep stacking here.
            bool below = side == 1;
            if (used[side] >= (below ? belowRows : aboveRows) && used[1 - side] < (below ? aboveRows : belowRows))
                below = !below;
            const int k = used[below ? 1 : 0]++;
            const float y = std::clamp(rowY(below, k), g, fullH - g - rowH);
            const auto [left, right] = rowBounds(y);
            // As many as fit the width, in anchor order.
            std::vector<std::size_t> row;
            float filled = 0.0f;
            while (next < mine.size()) {
                const float w = m.labelSizes[mine[next]].x + (row.empty() ? 0.0f : g);
                if (!row.empty() && filled + w > right - left) break;
                filled += w;
                row.push_back(mine[next++]);
            }
            std::vector<float> wanted, sizes;
            for (std::size_t i : row) {
                wanted.push_back(spec.labels[i].anchor.x - 0.5f * m.labelSizes[i].x);
                sizes.push_back(m.labelSizes[i].x);
            }
            const std::vector<float> xs = spread(wanted, sizes, left, right, g);
            for (std::size_t j = 0; j < row.size(); ++j) {
                const std::size_t i = row[j];
                out.labels[i] = {xs[j], y, m.labelSizes[i].x, m.labelSizes[i].y};
                out.leaderStarts[i] = {xs[j] + 0.5f * m.labelSizes[i].x, below ? y : y + m.labelSizes[i].y};
            }
        }
    }
    return out;
}

}  // namespace lumbarlab
