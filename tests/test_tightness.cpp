// Tight hip flexors: passive force from the Thelen 2003 curve, the standing posture solved against
// the passive hip-extension stiffness, the psoas pull on the lumbar discs.

#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/tightness.h"

#include "builtin_model.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

using namespace lumbarlab;

namespace {

const MuscleModel& muscles() {
    static const MuscleModel m(builtinModel(), loadMuscleSetFor(builtinModel(), LUMBARLAB_SOURCE_ASSET_DIR));
    return m;
}

const HipFlexorTightness& tightness() {
    static const HipFlexorTightness t = loadHipFlexorTightness(muscles(), LUMBARLAB_SOURCE_ASSET_DIR);
    return t;
}

std::size_t muscleIndex(const char* id) {
    return std::size_t(muscles().set().find(id) - muscles().set().muscles.data());
}

struct Outcome {
    TightnessState state;
    ClinicalAngles angles;
    std::array<DiscState, 6> discs;
};

Outcome standingWith(double percent) {
    const ModelData& d = builtinModel();
    const Posture& standing = *d.findPosture("neutral_standing");
    Outcome o;
    o.state = tightness().evaluate(standing.at(0.0), percent, isStandingPosture(standing));
    const auto [values, frames] = d.solveGrounded(o.state.values, &standing);
    const SkeletonPose pose = d.poseFor(values);
    o.angles = d.gauge->measure(pose, frames);
    const DiscModel discs(
        loadDiscModelParameters(std::filesystem::path(LUMBARLAB_SOURCE_ASSET_DIR) / "biomech" / "disc_model.json"),
        *d.body, d.baseline.lordosis);
    o.discs = discs.evaluate(frames, pose, {}, false, tightness().lumbarPulls(frames, o.state));
    return o;
}

}  // namespace

TEST_CASE("tightness: the Thelen 2003 passive curve", "[model][tightness]") {
    const PassiveMuscleParameters& p = tightness().parameters();
    CHECK(thelenPassiveForce(1.0, p) == 0.0);
    CHECK(thelenPassiveForce(0.8, p) == 0.0);
    // At 1 + e0 the fibre carries one maximal isometric force, by construction of the curve.
    CHECK(thelenPassiveForce(1.0 + p.strainAtFmax, p) == Approx(1.0));
    CHECK(thelenPassiveForce(1.1, p) == Approx((std::exp(4.0 * 0.1 / 0.6) - 1.0) / (std::exp(4.0) - 1.0)));
    CHECK(thelenPassiveForce(1.2, p) > thelenPassiveForce(1.1, p));
}

TEST_CASE("tightness: 0 % changes nothing", "[model][tightness]") {
    const Posture& standing = *builtinModel().findPosture("neutral_standing");
    const TightnessState s = tightness().evaluate(standing.at(0.0), 0.0, true);
    CHECK(s.values == standing.at(0.0));
    CHECK(s.pelvicTiltChangeDeg == 0.0);
    for (float f : s.pathForcesN) CHECK(f == 0.0f);
    // The disc model with no pulls gives exactly today's loads.
    const Outcome zero = standingWith(0.0);
    const auto [values, frames] = builtinModel().solveGrounded(standing.at(0.0), &standing);
    const SkeletonPose pose = builtinModel().poseFor(values);
    const DiscModel discs(
        loadDiscModelParameters(std::filesystem::path(LUMBARLAB_SOURCE_ASSET_DIR) / "biomech" / "disc_model.json"),
        *builtinModel().body, builtinModel().baseline.lordosis);
    const auto today = discs.evaluate(frames, pose);
    for (std::size_t i = 0; i < today.size(); ++i) {
        CHECK(zero.discs[i].compressionN == today[i].compressionN);
        CHECK(zero.discs[i].shearN == today[i].shearN);
        CHECK(zero.discs[i].muscleCompressionN == 0.0);
    }
}

TEST_CASE("tightness: tighter hip flexors pull harder, tilt the pelvis forward and load L4/L5", "[model][tightness]") {
    const std::size_t psoas = muscleIndex("psoas"), iliacus = muscleIndex("iliacus"),
                      rectus = muscleIndex("rectus_femoris");
    const Outcome base = standingWith(0.0);
    const double l45base = base.discs[4].compressionN;
    const bool print = std::getenv("LUMBARLAB_PRINT_TIGHTNESS") != nullptr;
    if (print)
        std::printf(
            "pct,psoas_r_n,iliacus_r_n,rectus_femoris_r_n,hip_flexion_moment_nm,tilt_change_deg,"
            "pelvic_tilt_deg,lordosis_deg,l4l5_psoas_compression_n,l4l5_added_compression_n,l4l5_shear_n\n");
    double lastPsoas = -1.0, lastTilt = -1.0, lastAdded = -1.0;
    for (const double pct : {0.0, 5.0, 10.0, 15.0}) {
        const Outcome o = standingWith(pct);
        const double psoasN = o.state.muscleForceN(muscles(), psoas, BodySide::Right);
        const double added = o.discs[4].compressionN - l45base;
        if (print)
            std::printf("%.0f,%.1f,%.1f,%.1f,%.2f,%.2f,%.2f,%.2f,%.1f,%.1f,%.1f\n", pct, psoasN,
                        o.state.muscleForceN(muscles(), iliacus, BodySide::Right),
                        o.state.muscleForceN(muscles(), rectus, BodySide::Right), o.state.hipFlexionMomentNm,
                        o.state.pelvicTiltChangeDeg, o.angles.pelvicTilt, o.angles.lumbarLordosis,
                        o.discs[4].muscleCompressionN, added, o.discs[4].shearN);
        INFO(pct << " %: psoas " << psoasN << " N, tilt +" << o.state.pelvicTiltChangeDeg << " deg, L4/L5 +" << added
                 << " N");
        if (pct == 0.0) {
            CHECK(psoasN == 0.0);
            CHECK(added == 0.0);
        } else {
            CHECK(o.state.solved);
            CHECK(psoasN > lastPsoas);
            CHECK(o.state.pelvicTiltChangeDeg > lastTilt);
            CHECK(added > lastAdded);
            // The radiographic pelvic tilt falls as the pelvis tilts forward; the lordosis grows.
            CHECK(o.angles.pelvicTilt < base.angles.pelvicTilt);
            CHECK(o.angles.lumbarLordosis > base.angles.lumbarLordosis);
            // Equilibrium: the flexors' passive moment equals the extension side's.
            CHECK(o.state.hipFlexionMomentNm == Approx(o.state.hipExtensionMomentNm).margin(0.05));
            // Physically plausible: passive, so a small part of the maximal forces (psoas 1427 N), the
            // tilt within the 0-20 deg that separates people's standing pelvic tilt, and the psoas
            // pull a few tens of newtons on a disc that carries about 600 N standing.
            CHECK(psoasN < 0.1 * 1426.8);
            CHECK(o.state.pelvicTiltChangeDeg < 20.0);
            CHECK(o.discs[4].muscleCompressionN > 0.0);
            CHECK(added < 0.5 * l45base);
        }
        lastPsoas = psoasN, lastTilt = o.state.pelvicTiltChangeDeg, lastAdded = added;
    }
}

TEST_CASE("tightness: sitting shortens the hip flexors, so they carry no passive force", "[model][tightness]") {
    const Posture& sitting = *builtinModel().findPosture("sitting_upright");
    CHECK_FALSE(isStandingPosture(sitting));
    const TightnessState s = tightness().evaluate(sitting.at(0.0), 15.0, false);
    CHECK_FALSE(s.solved);
    CHECK(s.muscleForceN(muscles(), muscleIndex("psoas"), BodySide::Right) == 0.0);
    CHECK(s.muscleForceN(muscles(), muscleIndex("iliacus"), BodySide::Right) == 0.0);
}
