#include "lumbarlab/view/joint_map.h"

#include "lumbarlab/view/number_format.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

namespace lumbarlab {
namespace {

constexpr double kHipFrom = -30.0, kHipTo = 120.0, kKneeFrom = 0.0, kKneeTo = 150.0;

std::vector<double> axis(double from, double to, double step) {
    std::vector<double> v;
    const int n = int(std::floor((to - from) / step + 1e-9));
    for (int i = 0; i <= n; ++i) v.push_back(from + i * step);
    return v;
}

}  // namespace

JointMap hipKneeMap(const MuscleModel& muscles, const std::string& muscleId, BodySide side, double stepDeg) {
    if (!(stepDeg >= 1.0 && stepDeg <= 30.0)) throw std::invalid_argument("the map's step must be 1-30 deg");
    const MuscleSet& set = muscles.set();
    std::size_t index = set.muscles.size();
    for (std::size_t m = 0; m < set.muscles.size(); ++m)
        if (set.muscles[m].id == muscleId) index = m;
    if (index == set.muscles.size()) {
        std::string known;
        for (const auto& m : set.muscles) known += (known.empty() ? "" : ", ") + m.id;
        throw std::invalid_argument("no muscle '" + muscleId + "' (known: " + known + ")");
    }
    const Posture* standing = muscles.data().findPosture("neutral_standing");
    Coordinates values = standing ? standing->at(0.0) : Coordinates{};
    const std::string suffix = side == BodySide::Right ? "_r" : "_l";
    JointMap map{muscleId,
                 side == BodySide::Right ? "right" : "left",
                 axis(kHipFrom, kHipTo, stepDeg),
                 axis(kKneeFrom, kKneeTo, stepDeg),
                 {}};
    for (const double hip : map.hipDeg) {
        std::vector<double> row;
        for (const double knee : map.kneeDeg) {
            values["hip_flexion" + suffix] = hip;
            values["knee_angle" + suffix] = knee;
            row.push_back(muscles.wholeMuscle(muscles.lengthsAt(values), index, side).changePct);
        }
        map.changePct.push_back(std::move(row));
    }
    return map;
}

std::string jointMapCsv(const JointMap& map) {
    std::string out = "muscle,side,hip_flexion_deg,knee_angle_deg,change_pct\n";
    for (std::size_t h = 0; h < map.hipDeg.size(); ++h)
        for (std::size_t k = 0; k < map.kneeDeg.size(); ++k)
            out += map.muscle + "," + map.side + "," + formatNumber(map.hipDeg[h], 0) + "," +
                   formatNumber(map.kneeDeg[k], 0) + "," + formatNumber(map.changePct[h][k], 2) + "\n";
    return out;
}

std::string jointMapJson(const JointMap& map) {
    nlohmann::ordered_json j;
    j["muscle"] = map.muscle;
    j["side"] = map.side;
    j["hip_flexion_deg"] = map.hipDeg;
    j["knee_angle_deg"] = map.kneeDeg;
    j["change_pct"] = map.changePct;  // [hip][knee]
    return j.dump(2) + "\n";
}

}  // namespace lumbarlab
