#include "lumbarlab/view/muscle_report.h"

namespace lumbarlab {

std::vector<MuscleReportRow> muscleReport(const MuscleModel& model, const Coordinates& values, const Posture* posture,
                                          double time, const Coordinates& overrides) {
    const std::vector<float> lengths = model.lengthsAt(values);
    const std::vector<float> speeds =
        posture ? model.lengtheningSpeeds(*posture, time, overrides) : std::vector<float>(lengths.size(), 0.0f);
    const auto arms = model.momentArms(values);
    const auto columns = momentArmColumns();
    const MuscleSet& set = model.set();
    std::vector<MuscleReportRow> rows;
    for (std::size_t i = 0; i < set.paths.size(); ++i) {
        const MusclePathDefinition& p = set.paths[i];
        MuscleReportRow r{
            set.muscles[p.muscle].id,    p.side == BodySide::Right ? "right" : "left", p.fascicle, lengths[i],
            model.referenceLengths()[i], model.changePercent(i, lengths[i]),           speeds[i],  {}};
        r.momentArms.resize(columns.size());
        const auto names = momentArmCoordinates(p.side);
        for (const MomentArm& a : arms[i])
            for (std::size_t c = 0; c < names.size(); ++c)
                if (names[c] == a.coordinate) r.momentArms[c] = a.metres;
        rows.push_back(std::move(r));
    }
    // Whole muscles: the mean over fascicles of each column.
    for (std::size_t m = 0; m < set.muscles.size(); ++m)
        for (BodySide side : {BodySide::Right, BodySide::Left}) {
            MuscleReportRow mean{set.muscles[m].id, side == BodySide::Right ? "right" : "left", "all", 0, 0, 0, 0, {}};
            mean.momentArms.resize(columns.size());
            std::vector<int> armCount(columns.size(), 0);
            int n = 0;
            for (std::size_t i = 0; i < set.paths.size(); ++i) {
                if (set.paths[i].muscle != m || set.paths[i].side != side) continue;
                const MuscleReportRow& r = rows[i];
                mean.length += r.length, mean.reference += r.reference, mean.speed += r.speed, ++n;
                for (std::size_t c = 0; c < columns.size(); ++c)
                    if (r.momentArms[c])
                        mean.momentArms[c] = mean.momentArms[c].value_or(0.0) + *r.momentArms[c], ++armCount[c];
            }
            if (n == 0) continue;
            mean.length /= n, mean.reference /= n, mean.speed /= n;
            mean.change = 100.0 * (mean.length - mean.reference) / mean.reference;
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (mean.momentArms[c]) *mean.momentArms[c] /= armCount[c];
            rows.push_back(std::move(mean));
        }
    return rows;
}

}  // namespace lumbarlab
