// `lumbarlab muscles`: musculotendon lengths of every fascicle and muscle for a pose, against a
// reference posture, with lengthening speed and moment arms; optionally swept over one coordinate.

#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/data_folders.h"
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
    if (!(s.step > 0.0)) throw PoseSelectionError("--sweep: STEP must be positive");
    if ((s.to - s.from) / s.step > 10000.0) throw PoseSelectionError("--sweep: more than 10000 steps");
    for (double v : {s.from, s.to})
        if (const std::string problem = data.coordinates.check({{s.coordinate, v}}); !problem.empty())
            throw PoseSelectionError("--sweep: " + problem);
    return s;
}

struct Row {
    std::string muscle, side, fascicle;
    double length = 0.0, reference = 0.0, change = 0.0, speed = 0.0;
    std::vector<std::optional<double>> momentArms;  ///< per momentArmColumns(), empty where it does not cross
};

/// One pose: a row per fascicle and side, then a row per muscle and side (mean of its fascicles).
std::vector<Row> rowsFor(const MuscleModel& model, const Coordinates& values, const Posture* posture, double time,
                         const Coordinates& overrides) {
    const std::vector<float> lengths = model.lengthsAt(values);
    const std::vector<float> speeds =
        posture ? model.lengtheningSpeeds(*posture, time, overrides) : std::vector<float>(lengths.size(), 0.0f);
    const auto arms = model.momentArms(values);
    const auto columns = momentArmColumns();
    const MuscleSet& set = model.set();
    std::vector<Row> rows;
    for (std::size_t i = 0; i < set.paths.size(); ++i) {
        const MusclePathDefinition& p = set.paths[i];
        Row r{set.muscles[p.muscle].id,    p.side == BodySide::Right ? "right" : "left", p.fascicle, lengths[i],
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
            Row mean{set.muscles[m].id, side == BodySide::Right ? "right" : "left", "all", 0, 0, 0, 0, {}};
            mean.momentArms.resize(columns.size());
            std::vector<int> armCount(columns.size(), 0);
            int n = 0;
            for (std::size_t i = 0; i < set.paths.size(); ++i) {
                if (set.paths[i].muscle != m || set.paths[i].side != side) continue;
                const Row& r = rows[i];
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

}  // namespace

int runMusclesCommand(const MusclesOptions& options) {
    const std::filesystem::path modelDir = findModelDir(), assetDir = findAssetDir();
    if (modelDir.empty() || assetDir.empty()) {
        std::fprintf(stderr, "lumbarlab muscles: %s\n",
                     modelDir.empty()
                         ? "built-in model not found (build the 'lumbarlab_models' target or set LUMBARLAB_MODEL_DIR)"
                         : "data folder not found (set LUMBARLAB_ASSET_DIR)");
        return kExitFailed;
    }
    std::optional<ModelData> data;
    std::unique_ptr<MuscleModel> model;
    try {
        data.emplace(loadModelData(modelDir, assetDir));
        model = std::make_unique<MuscleModel>(*data, loadMuscleSetFor(*data, assetDir));
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab muscles: %s\n", e.what());
        return kExitFailed;
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

    std::vector<std::pair<double, std::vector<Row>>> blocks;
    if (sweep) {
        const int steps = int(std::floor((sweep->to - sweep->from) / sweep->step + 1e-9));
        for (int k = 0; k <= steps; ++k) {
            const double v = sweep->from + k * sweep->step;
            Coordinates swept = values, sweptOverrides = overrides;
            swept[sweep->coordinate] = v;
            sweptOverrides[sweep->coordinate] = v;
            blocks.emplace_back(v, rowsFor(*model, swept, motion, options.pose.time, sweptOverrides));
        }
    } else {
        blocks.emplace_back(0.0, rowsFor(*model, values, motion, options.pose.time, overrides));
    }

    const auto columns = momentArmColumns();
    if (options.format == "json") {
        nlohmann::json out;
        out["pose"] = options.pose.pose;
        out["time_s"] = options.pose.time;
        out["reference_posture"] = model->referencePosture();
        out["moment_arm_units"] = "m (-dL/dq per radian; positive: shortening drives the coordinate up)";
        for (const auto& [value, rows] : blocks) {
            nlohmann::json block;
            if (sweep) block["coordinate"] = sweep->coordinate, block["value_deg"] = value;
            for (const Row& r : rows) {
                nlohmann::json j{{"muscle", r.muscle},
                                 {"side", r.side},
                                 {"fascicle", r.fascicle},
                                 {"length_m", r.length},
                                 {"reference_length_m", r.reference},
                                 {"change_pct", r.change},
                                 {"lengthening_speed_m_s", r.speed}};
                for (std::size_t c = 0; c < columns.size(); ++c)
                    if (r.momentArms[c]) j["moment_arm_m"][columns[c]] = *r.momentArms[c];
                block["rows"].push_back(std::move(j));
            }
            if (sweep)
                out["sweep"].push_back(std::move(block));
            else
                out["rows"] = std::move(block["rows"]);
        }
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    if (sweep) std::printf("%s_deg,", sweep->coordinate.c_str());
    std::printf("muscle,side,fascicle,length_m,reference_length_m,change_pct,lengthening_speed_m_s");
    for (const auto& c : columns) std::printf(",moment_arm_%s_m", c.c_str());
    std::printf("\n");
    for (const auto& [value, rows] : blocks)
        for (const Row& r : rows) {
            if (sweep) std::printf("%g,", value);
            std::printf("%s,%s,%s,%.5f,%.5f,%.2f,%.4f", r.muscle.c_str(), r.side.c_str(), r.fascicle.c_str(), r.length,
                        r.reference, r.change, r.speed);
            for (const auto& a : r.momentArms) a ? std::printf(",%.4f", *a) : std::printf(",");
            std::printf("\n");
        }
    return kExitOk;
}

}  // namespace lumbarlab
