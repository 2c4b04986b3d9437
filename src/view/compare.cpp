#include "lumbarlab/view/compare.h"

#include "lumbarlab/anatomy/skeleton_pose.h"
#include "lumbarlab/view/number_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace lumbarlab {

PostureComparison comparePostureFigures(const PostureFigures& a, const PostureFigures& b,
                                        const std::string& reference) {
    PostureComparison c;
    c.a = a.posture, c.b = b.posture, c.nameA = a.name, c.nameB = b.name, c.reference = reference;
    std::map<std::pair<std::string, std::string>, const MuscleFigure*> inB;
    for (const MuscleFigure& m : b.muscles) inB[{m.muscle, m.side}] = &m;
    for (const MuscleFigure& m : a.muscles) {
        const auto it = inB.find({m.muscle, m.side});
        if (it == inB.end()) continue;
        c.muscles.push_back(
            {m.muscle, m.side, m.name, m.changePct, it->second->changePct, m.changePct - it->second->changePct});
    }
    std::sort(c.muscles.begin(), c.muscles.end(), [](const MuscleDifference& x, const MuscleDifference& y) {
        const double dx = std::abs(x.differencePct), dy = std::abs(y.differencePct);
        if (dx != dy) return dx > dy;
        if (x.muscle != y.muscle) return x.muscle < y.muscle;
        return x.side > y.side;  // right before left
    });
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level)
        c.discs.push_back({kDiscLevels[level], a.pressureMpa[level], b.pressureMpa[level],
                           a.pressureMpa[level] - b.pressureMpa[level]});
    return c;
}

PostureFigures postureFigures(const ModelData& data, const MuscleModel& muscles, const DiscModel& discs,
                              const std::string& postureId) {
    const Posture* posture = data.findPosture(postureId);
    if (!posture) throw std::invalid_argument("no posture '" + postureId + "' (known: " + data.postureIds() + ")");
    PostureFigures f;
    f.posture = posture->id;
    f.name = posture->name;
    const auto [values, frames] = data.solveGrounded(posture->at(0.0), posture);
    std::vector<float> lengths;
    muscles.lengths(frames, values, lengths);
    const MuscleSet& set = muscles.set();
    for (std::size_t m = 0; m < set.muscles.size(); ++m)
        for (const BodySide side : {BodySide::Right, BodySide::Left}) {
            const WholeMuscle whole = muscles.wholeMuscle(lengths, m, side);
            if (whole.fascicles == 0) continue;
            f.muscles.push_back({set.muscles[m].id, side == BodySide::Right ? "right" : "left", set.muscles[m].name,
                                 whole.lengthM, whole.changePct});
        }
    const auto states = discs.evaluate(frames, data.poseFor(values), {}, posture->supported);
    for (std::size_t level = 0; level < states.size(); ++level) f.pressureMpa[level] = states[level].pressureMpa;
    return f;
}

std::string comparisonCsv(const PostureComparison& c) {
    std::string out = "rank,muscle,side,change_a_pct,change_b_pct,difference_pct\n";
    char line[256];
    for (std::size_t i = 0; i < c.muscles.size(); ++i) {
        const MuscleDifference& m = c.muscles[i];
        std::snprintf(line, sizeof line, "%zu,%s,%s,%s,%s,%s\n", i + 1, m.muscle.c_str(), m.side.c_str(),
                      formatNumber(m.changeA, 2).c_str(), formatNumber(m.changeB, 2).c_str(),
                      formatNumber(m.differencePct, 2).c_str());
        out += line;
    }
    out += "\nlevel,pressure_a_mpa,pressure_b_mpa,difference_mpa\n";
    for (const DiscDifference& d : c.discs) {
        std::snprintf(line, sizeof line, "%s,%s,%s,%s\n", d.level.c_str(), formatNumber(d.pressureA, 3).c_str(),
                      formatNumber(d.pressureB, 3).c_str(), formatNumber(d.differenceMpa, 3).c_str());
        out += line;
    }
    return out;
}

std::string comparisonJson(const PostureComparison& c) {
    nlohmann::ordered_json j;
    j["a"] = {{"posture", c.a}, {"name", c.nameA}};
    j["b"] = {{"posture", c.b}, {"name", c.nameB}};
    j["reference_posture"] = c.reference;
    j["muscles"] = nlohmann::ordered_json::array();
    for (const MuscleDifference& m : c.muscles)
        j["muscles"].push_back({{"muscle", m.muscle},
                                {"side", m.side},
                                {"name", m.name},
                                {"change_a_pct", m.changeA},
                                {"change_b_pct", m.changeB},
                                {"difference_pct", m.differencePct}});
    j["discs"] = nlohmann::ordered_json::array();
    for (const DiscDifference& d : c.discs)
        j["discs"].push_back({{"level", d.level},
                              {"pressure_a_mpa", d.pressureA},
                              {"pressure_b_mpa", d.pressureB},
                              {"difference_mpa", d.differenceMpa}});
    return j.dump(2) + "\n";
}

}  // namespace lumbarlab
