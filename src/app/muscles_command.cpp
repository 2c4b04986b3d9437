// `lumbarlab muscles`: musculotendon lengths of every fascicle and muscle for a pose, against a
// reference posture, with lengthening speed and moment arms; optionally swept over one coordinate.

#include "command_support.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/biomech/tightness.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/joint_map.h"
#include "lumbarlab/view/muscle_report.h"
#include "pose_command.h"
#include "pose_selection.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>

namespace lumbarlab {
namespace {

struct Sweep {
    std::string coordinate;
    double from = 0.0, to = 0.0, step = 1.0;
};

/// "hip_flexion_r=0:90:10" -> a sweep; throws PoseSelectionError with a one-line reason.
Sweep parseSweep(const std::string& text, const ModelData& data) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw PoseSelectionError("--sweep '" + text +
                                 "' must look like COORD=FROM:TO:STEP, e.g. hip_flexion_r=0:90:10");
    Sweep s;
    s.coordinate = text.substr(0, eq);
    if (!data.coordinates.find(s.coordinate)) {
        const std::string problem = data.coordinates.check({{s.coordinate, 0.0}});
        throw PoseSelectionError("--sweep: " +
                                 (problem.empty() ? "unknown coordinate '" + s.coordinate + "'" : problem));
    }
    double parts[3]{};
    std::size_t at = eq + 1;
    for (int i = 0; i < 3; ++i) {
        const std::size_t end = i < 2 ? text.find(':', at) : text.size();
        if (end == std::string::npos) throw PoseSelectionError("--sweep '" + text + "' needs FROM:TO:STEP");
        const auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + end, parts[i]);
        if (ec != std::errc{} || ptr != text.data() + end)
            throw PoseSelectionError("--sweep: '" + text.substr(at, end - at) + "' is not a number");
        at = end + 1;
    }
    s.from = parts[0], s.to = parts[1], s.step = parts[2];
    if (!std::isfinite(s.from) || !std::isfinite(s.to) || !std::isfinite(s.step))
        throw PoseSelectionError("--sweep '" + text + "': FROM, TO and STEP must be finite numbers");
    if (!(s.step > 0.0)) throw PoseSelectionError("--sweep: STEP must be positive");
    if (!(s.to >= s.from))
        throw PoseSelectionError("--sweep: TO (" +
                                 text.substr(text.find(':', eq) + 1, text.rfind(':') - text.find(':', eq) - 1) +
                                 ") is less than FROM (" + text.substr(eq + 1, text.find(':', eq) - eq - 1) + ")");
    if ((s.to - s.from) / s.step > 10000.0) throw PoseSelectionError("--sweep: more than 10000 steps");
    for (double v : {s.from, s.to})
        if (const std::string problem = data.coordinates.check({{s.coordinate, v}}); !problem.empty())
            throw PoseSelectionError("--sweep: " + problem);
    return s;
}

using Blocks = std::vector<std::pair<double, std::vector<MuscleReportRow>>>;  // (swept value, rows)

void printJson(const Blocks& blocks, const std::optional<Sweep>& sweep, const MusclesOptions& options,
               const std::string& referencePosture, bool tight) {
    const auto columns = momentArmColumns();
    nlohmann::json out;
    out["pose"] = options.pose.pose;
    out["time_s"] = options.pose.time;
    out["reference_posture"] = referencePosture;
    if (tight) out["tight_hip_flexors_pct"] = options.pose.tightHipFlexorsPct;
    out["moment_arm_units"] = "m (-dL/dq per radian; positive: shortening drives the coordinate up)";
    for (const auto& [value, rows] : blocks) {
        nlohmann::json block;
        if (sweep) block["coordinate"] = sweep->coordinate, block["value_deg"] = value;
        for (const MuscleReportRow& r : rows) {
            nlohmann::json j{{"muscle", r.muscle},
                             {"side", r.side},
                             {"fascicle", r.fascicle},
                             {"length_m", r.length},
                             {"reference_length_m", r.reference},
                             {"change_pct", r.change},
                             {"lengthening_speed_m_s", r.speed}};
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (r.momentArms[c]) j["moment_arm_m"][columns[c]] = *r.momentArms[c];
            if (tight) j["passive_force_n"] = r.passiveForceN;
            block["rows"].push_back(std::move(j));
        }
        if (sweep)
            out["sweep"].push_back(std::move(block));
        else
            out["rows"] = std::move(block["rows"]);
    }
    std::cout << out.dump(2) << "\n";
}

void printCsv(const Blocks& blocks, const std::optional<Sweep>& sweep, bool tight) {
    const auto columns = momentArmColumns();
    if (sweep) std::printf("%s_deg,", sweep->coordinate.c_str());
    std::printf("muscle,side,fascicle,length_m,reference_length_m,change_pct,lengthening_speed_m_s");
    for (const auto& c : columns) std::printf(",moment_arm_%s_m", c.c_str());
    if (tight) std::printf(",passive_force_n");
    std::printf("\n");
    for (const auto& [value, rows] : blocks)
        for (const MuscleReportRow& r : rows) {
            if (sweep) std::printf("%g,", value);
            std::printf("%s,%s,%s,%.5f,%.5f,%.2f,%.4f", r.muscle.c_str(), r.side.c_str(), r.fascicle.c_str(), r.length,
                        r.reference, r.change, r.speed);
            for (const auto& a : r.momentArms) a ? std::printf(",%.4f", *a) : std::printf(",");
            if (tight) std::printf(",%.2f", r.passiveForceN);
            std::printf("\n");
        }
}

}  // namespace

int runMusclesCommand(const MusclesOptions& options) {
    auto data = loadModelDataOrReport("muscles");
    if (!data) return kExitFailed;
    std::unique_ptr<MuscleModel> model;
    try {
        model = std::make_unique<MuscleModel>(*data, loadMuscleSetFor(*data, findAssetDir()));
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab muscles: %s\n", e.what());
        return kExitFailed;
    }
    if (!options.map.empty()) {  // the two-joint map: hip x knee from standing
        try {
            const JointMap map =
                hipKneeMap(*model, options.map, options.side == "left" ? BodySide::Left : BodySide::Right);
            std::fputs((options.format == "json" ? jointMapJson(map) : jointMapCsv(map)).c_str(), stdout);
            return kExitOk;
        } catch (const std::invalid_argument& e) {
            std::fprintf(stderr, "lumbarlab muscles: --map: %s\n", e.what());
            return kExitUsage;
        }
    }
    Coordinates values, overrides;
    std::optional<Sweep> sweep;
    try {
        values = resolvePose(*data, options.pose);
        for (const auto& set : options.pose.sets)
            overrides[set.substr(0, set.find('='))] = values[set.substr(0, set.find('='))];
        if (!options.reference.empty()) model->setReferencePosture(options.reference);
        if (!options.sweep.empty()) sweep = parseSweep(options.sweep, *data);
    } catch (const PoseSelectionError& e) {
        std::fprintf(stderr, "lumbarlab muscles: %s\n", e.what());
        return kExitUsage;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "lumbarlab muscles: --reference: %s\n", e.what());
        return kExitUsage;
    }
    const Posture* posture = data->findPosture(options.pose.pose);
    const Posture* motion = posture && posture->isMotion() ? posture : nullptr;
    std::unique_ptr<HipFlexorTightness> tightness;
    const double percent = options.pose.tightHipFlexorsPct;
    if (percent > 0.0) {
        try {
            tightness = std::make_unique<HipFlexorTightness>(loadHipFlexorTightness(*model, findAssetDir()));
        } catch (const FileError& e) {
            std::fprintf(stderr, "lumbarlab muscles: %s\n", e.what());
            return kExitFailed;
        }
    }
    // Tight hip flexors: a standing posture is re-solved, and every row gets its passive force.
    auto report = [&](const Coordinates& raw, const Coordinates& held) {
        if (!tightness) return muscleReport(*model, raw, motion, options.pose.time, held);
        const TightnessState state =
            tightness->evaluate(raw, percent, !sweep && posture && isStandingPosture(*posture));
        std::vector<MuscleReportRow> rows = muscleReport(*model, state.values, motion, options.pose.time, held);
        const MuscleSet& set = model->set();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i < set.paths.size()) {
                rows[i].passiveForceN = state.pathForcesN[i];
            } else if (const MuscleDefinition* m = set.find(rows[i].muscle)) {
                rows[i].passiveForceN = state.muscleForceN(*model, std::size_t(m - set.muscles.data()),
                                                           rows[i].side == "left" ? BodySide::Left : BodySide::Right);
            }
        }
        return rows;
    };

    Blocks blocks;
    if (sweep) {
        const int steps = int(std::floor((sweep->to - sweep->from) / sweep->step + 1e-9));
        for (int k = 0; k <= steps; ++k) {
            const double v = sweep->from + k * sweep->step;
            Coordinates swept = values, sweptOverrides = overrides;
            swept[sweep->coordinate] = v;
            sweptOverrides[sweep->coordinate] = v;
            blocks.emplace_back(v, report(swept, sweptOverrides));
        }
    } else {
        blocks.emplace_back(0.0, report(values, overrides));
    }

    if (options.format == "json")
        printJson(blocks, sweep, options, model->referencePosture(), tightness != nullptr);
    else
        printCsv(blocks, sweep, tightness != nullptr);
    return kExitOk;
}

}  // namespace lumbarlab
