#include "pose_command.h"

#include "command_support.h"
#include "lumbarlab/anatomy/balance.h"
#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/data_folders.h"
#include "pose_selection.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <optional>

namespace lumbarlab {
namespace {

/// What `pose` says instead of a margin when no sole, sitting bone or knee touches its support.
constexpr const char* kNothingCarries = "nothing touches the ground or a seat: no base of support, no margin";

/// What --tight did: the setting, the solved tilt, the passive forces (N) and moments (Nm).
nlohmann::json tightnessJson(const TightPose& tight) {
    const TightnessState& s = tight.state;
    nlohmann::json out;
    out["hip_flexors_pct"] = s.percent;
    out["posture_solved"] = s.solved;
    out["pelvic_tilt_change_deg"] = s.pelvicTiltChangeDeg;
    for (const std::string& id : tight.model->parameters().muscles) {
        const MuscleDefinition* m = tight.muscles->set().find(id);
        const auto index = std::size_t(m - tight.muscles->set().muscles.data());
        for (const BodySide side : {BodySide::Right, BodySide::Left})
            out["passive_force_" + id + "_" + sideSuffix(side) + "_n"] = s.muscleForceN(*tight.muscles, index, side);
    }
    out["passive_hip_flexion_moment_nm"] = s.hipFlexionMomentNm;
    out["passive_hip_extension_moment_nm"] = s.hipExtensionMomentNm;
    return out;
}

}  // namespace

int runDiscsCommand(const DiscsOptions& options) {
    const auto data = loadModelDataOrReport("discs");
    if (!data) return kExitFailed;
    Coordinates values;
    DiscModelParameters parameters;
    TightPose tight;
    try {
        parameters = loadDiscModelParameters(findAssetDir() / "biomech" / "disc_model.json");
        const Posture* chosen = data->findPosture(options.pose.pose);
        tight = tightPose(*data, resolvePose(*data, options.pose), chosen, options.pose.tightHipFlexorsPct);
        values = data->grounded(tight.state.values, chosen);
    } catch (const PoseSelectionError& e) {
        std::fprintf(stderr, "lumbarlab discs: %s\n", e.what());
        return kExitUsage;
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab discs: %s\n", e.what());
        return kExitFailed;
    }
    const Posture* posture = data->findPosture(options.pose.pose);
    const DiscModel model(parameters, *data->body, data->baseline.lordosis);
    const SkeletonPose pose = data->poseFor(values);
    const SkeletonFrames frames = data->kinematics->solve(pose);
    const std::vector<MusclePull> pulls =
        tight.active() ? tight.model->lumbarPulls(frames, tight.state) : std::vector<MusclePull>{};
    const auto states =
        model.evaluate(frames, pose, {options.loadKg, options.far}, posture && posture->supported, pulls);
    if (options.format == "json") {
        nlohmann::json out;
        out["pose"] = options.pose.pose;
        out["time_s"] = options.pose.time;
        out["load_kg"] = options.loadKg;
        if (tight.active()) out["tightness"] = tightnessJson(tight);
        for (std::size_t i = 0; i < states.size(); ++i) {
            const DiscState& d = states[i];
            if (tight.active()) out["muscle_compression_n"][kDiscLevels[i]] = d.muscleCompressionN;
            out["levels"].push_back({{"level", kDiscLevels[i]},
                                     {"compression_n", d.compressionN},
                                     {"compression_lbf", d.compressionN / kNewtonsPerPoundForce},
                                     {"shear_n", d.shearN},
                                     {"pressure_mpa", d.pressureMpa},
                                     {"anterior_mpa", d.anteriorMpa},
                                     {"posterior_mpa", d.posteriorMpa},
                                     {"nucleus_shift_mm", d.nucleusShiftMm},
                                     {"bulge_mm", d.bulgeMm},
                                     {"root_proximity", d.rootProximity}});
        }
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf(
            "level,compression_n,shear_n,pressure_mpa,anterior_mpa,posterior_mpa,nucleus_shift_mm,bulge_mm,root_"
            "proximity%s\n",
            tight.active() ? ",psoas_compression_n" : "");
        for (std::size_t i = 0; i < states.size(); ++i) {
            const DiscState& d = states[i];
            std::printf("%s,%.1f,%.1f,%.3f,%.3f,%.3f,%.2f,%.2f,%.2f", kDiscLevels[i], d.compressionN, d.shearN,
                        d.pressureMpa, d.anteriorMpa, d.posteriorMpa, d.nucleusShiftMm, d.bulgeMm, d.rootProximity);
            if (tight.active()) std::printf(",%.1f", d.muscleCompressionN);
            std::printf("\n");
        }
    }
    return kExitOk;
}

int runPosesCommand() {
    const auto data = loadModelDataOrReport("poses");
    if (!data) return kExitFailed;
    std::printf("%-24s %-8s %9s  %s\n", "id", "kind", "duration", "name");
    for (const auto& p : data->postures)
        std::printf("%-24s %-8s %8.1fs  %s%s\n", p.id.c_str(), p.isMotion() ? "motion" : "posture", p.duration,
                    p.name.c_str(), p.loop ? " (loops)" : "");
    return kExitOk;
}

int runPoseCommand(const PoseOptions& options) {
    const auto data = loadModelDataOrReport("pose");
    if (!data) return kExitFailed;
    Coordinates values;
    TightPose tight;
    try {
        const Posture* chosen = data->findPosture(options.pose.pose);
        tight = tightPose(*data, resolvePose(*data, options.pose), chosen, options.pose.tightHipFlexorsPct);
        values = data->grounded(tight.state.values, chosen);
    } catch (const PoseSelectionError& e) {
        std::fprintf(stderr, "lumbarlab pose: %s\n", e.what());
        return kExitUsage;
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab pose: %s\n", e.what());
        return kExitFailed;
    }
    const SkeletonPose pose = data->poseFor(values);
    const SkeletonFrames frames = data->kinematics->solve(pose);
    const Posture* posture = data->findPosture(options.pose.pose);
    const Balance balance = balanceOf(*data, posture ? *posture : Posture{}, frames);
    const ClinicalAngles a = data->gauge->measure(pose, frames);
    const std::pair<const char*, double> angles[] = {{"hip_flexion_r_deg", a.hipFlexionRight},
                                                     {"hip_flexion_l_deg", a.hipFlexionLeft},
                                                     {"knee_flexion_r_deg", a.kneeFlexionRight},
                                                     {"knee_flexion_l_deg", a.kneeFlexionLeft},
                                                     {"lumbar_lordosis_l1_s1_deg", a.lumbarLordosis},
                                                     {"pelvic_tilt_deg", a.pelvicTilt},
                                                     {"sacral_slope_deg", a.sacralSlope},
                                                     {"pelvic_incidence_deg", a.pelvicIncidence}};

    if (options.format == "json") {
        nlohmann::json out;
        out["pose"] = options.pose.pose;
        out["time_s"] = options.pose.time;
        for (const auto& spec : data->coordinates.specs()) {
            if (spec.perLevel) continue;
            auto it = values.find(spec.name);
            out["coordinates"][spec.name] = it == values.end() ? 0.0 : it->second;
        }
        for (const auto& [name, v] : angles) out["clinical_angles"][name] = v;
        if (tight.active()) out["tightness"] = tightnessJson(tight);
        for (std::size_t i = 0; i < kDiscLevels.size(); ++i)
            out["segment_lordosis_deg"][kDiscLevels[i]] = a.segmentLordosis[i];
        const glm::vec3& com = balance.centreOfMass;
        out["balance"]["centre_of_mass_m"] = {com.x, com.y, com.z};
        out["balance"]["contacts"] = balance.contacts;
        out["balance"]["support_polygon_xz_m"] = nlohmann::json::array();
        for (const glm::vec2& q : balance.support) out["balance"]["support_polygon_xz_m"].push_back({q.x, q.y});
        if (balance.lying || balance.support.empty())
            out["balance"]["margin_m"] = nullptr;
        else
            out["balance"]["margin_m"] = balance.marginM;
        if (!balance.lying && balance.support.empty()) out["balance"]["note"] = kNothingCarries;
        for (const auto& bone : data->skeleton.bones)
            for (const auto& l : bone.landmarks) {
                const glm::vec3 p = frames.toWorld(bone.parentFrame, l.position);
                out["landmarks"].push_back({{"bone", bone.id}, {"landmark", l.name}, {"position_m", {p.x, p.y, p.z}}});
            }
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf("section,name,value\n");
        for (const auto& spec : data->coordinates.specs()) {
            if (spec.perLevel) continue;
            auto it = values.find(spec.name);
            std::printf("coordinate,%s,%.4f\n", spec.name.c_str(), it == values.end() ? 0.0 : it->second);
        }
        for (const auto& [name, v] : angles) std::printf("clinical_angle,%s,%.2f\n", name, v);
        if (tight.active()) {
            const nlohmann::json report = tightnessJson(tight);
            for (auto it = report.begin(); it != report.end(); ++it)
                if (it->is_number()) std::printf("tightness,%s,%.3f\n", it.key().c_str(), it->get<double>());
        }
        for (std::size_t i = 0; i < kDiscLevels.size(); ++i)
            std::printf("segment_lordosis_deg,%s,%.2f\n", kDiscLevels[i], a.segmentLordosis[i]);
        const glm::vec3& com = balance.centreOfMass;
        std::printf(
            "balance,centre_of_mass_x_m,%.4f\nbalance,centre_of_mass_y_m,%.4f\nbalance,centre_of_mass_z_m,%.4f\n",
            com.x, com.y, com.z);
        for (const std::string& c : balance.contacts) std::printf("balance,contact,%s\n", c.c_str());
        for (const glm::vec2& q : balance.support) std::printf("balance,support_xz_m,%.4f %.4f\n", q.x, q.y);
        if (!balance.lying && balance.support.empty())
            std::printf("balance,note,%s\n", kNothingCarries);
        else if (!balance.lying)
            std::printf("balance,margin_m,%.4f\n", balance.marginM);
        for (const auto& bone : data->skeleton.bones)
            for (const auto& l : bone.landmarks) {
                const glm::vec3 p = frames.toWorld(bone.parentFrame, l.position);
                std::printf("landmark_x_m,%s.%s,%.5f\nlandmark_y_m,%s.%s,%.5f\nlandmark_z_m,%s.%s,%.5f\n",
                            bone.id.c_str(), l.name.c_str(), p.x, bone.id.c_str(), l.name.c_str(), p.y, bone.id.c_str(),
                            l.name.c_str(), p.z);
            }
    }
    return kExitOk;
}

}  // namespace lumbarlab
