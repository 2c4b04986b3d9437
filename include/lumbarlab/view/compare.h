#pragma once
// Two postures side by side: every muscle ranked by how differently the two change its length
// (against the reference posture, standing), and the disc pressure per level in each. The same
// figures feed `lumbarlab compare` and the window's diff panel.

#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/muscle_model.h"

#include <array>
#include <string>
#include <vector>

namespace lumbarlab {

/// One muscle and side in one posture.
struct MuscleFigure {
    std::string muscle;  ///< id, e.g. "psoas"
    std::string side;    ///< "right" or "left"
    std::string name;    ///< e.g. "Psoas major"
    double lengthM = 0.0, changePct = 0.0;
};

/// What one posture does: its muscles (any order) and its disc pressures (kDiscLevels order).
struct PostureFigures {
    std::string posture;  ///< id
    std::string name;     ///< e.g. "Sitting relaxed"
    std::vector<MuscleFigure> muscles;
    std::array<double, 6> pressureMpa{};
};

struct MuscleDifference {
    std::string muscle, side, name;
    double changeA = 0.0, changeB = 0.0;  ///< % against the reference posture
    double differencePct = 0.0;           ///< changeA - changeB (percentage points)
};

struct DiscDifference {
    std::string level;  ///< "l4_l5"
    double pressureA = 0.0, pressureB = 0.0, differenceMpa = 0.0;
};

struct PostureComparison {
    std::string a, b, nameA, nameB, reference;
    std::vector<MuscleDifference> muscles;  ///< largest |difference| first; ties by muscle, then side
    std::vector<DiscDifference> discs;      ///< T12/L1 ... L5/S1
};

/// Pairs the two postures' figures by muscle and side (a muscle missing from either is left out)
/// and ranks them. Pure arithmetic.
[[nodiscard]] PostureComparison comparePostureFigures(const PostureFigures& a, const PostureFigures& b,
                                                      const std::string& reference);

/// A posture's figures at its first frame (grounded, no hand load). Throws std::invalid_argument
/// for an unknown posture id.
[[nodiscard]] PostureFigures postureFigures(const ModelData& data, const MuscleModel& muscles, const DiscModel& discs,
                                            const std::string& postureId);

/// comparison as CSV: a muscle block then a disc block, each with its own header line.
[[nodiscard]] std::string comparisonCsv(const PostureComparison& comparison);
/// comparison as a JSON document (pretty-printed).
[[nodiscard]] std::string comparisonJson(const PostureComparison& comparison);

}  // namespace lumbarlab
