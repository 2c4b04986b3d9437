#include "lumbarlab/view/panel_builder.h"

#include "lumbarlab/view/number_format.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr std::size_t kTraceSamples = 120;  // points in a plot over a motion
constexpr std::size_t kL4L5 = 4;            // the level the published measurements are from
constexpr std::size_t kRankedMuscles = 5;   // most lengthened / shortened rows
constexpr double kRankThresholdPct = 0.5;   // changes smaller than this are "unchanged"
constexpr std::size_t kPatientMuscles = 4;  // bars per list in patient mode
constexpr std::array<const char*, 4> kTwoJointMuscles{"rectus_femoris", "semimembranosus", "semitendinosus",
                                                      "biceps_femoris_long"};

std::string sentenceCase(const std::string& id) {
    std::string label = id;
    std::replace(label.begin(), label.end(), '_', ' ');
    if (!label.empty()) label[0] = char(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

float timeFraction(const PosePlayer& player) {
    const Posture* p = player.posture();
    return p && p->isMotion() && p->duration > 0.0 ? float(player.time() / p->duration) : -1.0f;
}

}  // namespace

std::string discLevelLabel(std::size_t level) {
    assert(level < kDiscLevels.size() && "discLevelLabel: level is an index into kDiscLevels (0..5)");
    std::string label = kDiscLevels[level];
    for (auto& c : label) c = c == '_' ? '/' : char(std::toupper(static_cast<unsigned char>(c)));
    return label;
}

PanelBuilder::PanelBuilder(const ModelPresenter& model, PostureKeys keys, EvidenceTable evidence)
    : model_(model), keys_(std::move(keys)), evidence_(std::move(evidence)) {}

PosturePanelData PanelBuilder::posture(const PosePlayer& player) const {
    PosturePanelData panel;
    for (const auto& p : model_.data().postures)
        panel.postures.push_back({p.id, p.name, keys_.keyOf(p.id), p.isMotion()});
    // Teaching order: the function keys' order first, then the postures without a key.
    auto rank = [&](const PostureItem& item) {
        const auto& ids = keys_.postureIds;
        const auto at = std::find(ids.begin(), ids.end(), item.id);
        return at == ids.end() ? ids.size() : std::size_t(at - ids.begin());
    };
    std::stable_sort(panel.postures.begin(), panel.postures.end(),
                     [&](const PostureItem& a, const PostureItem& b) { return rank(a) < rank(b); });
    if (const Posture* p = player.posture()) {
        panel.current = p->id;
        panel.name = p->name;
        panel.description = p->description;
        panel.dose = p->dose;
        panel.cues = p->cues;
        panel.motion = p->isMotion();
        panel.duration = p->duration;
    }
    panel.playing = player.playing();
    panel.loop = player.loop();
    panel.time = player.time();
    panel.speed = player.speed();
    panel.elapsed = player.elapsed();
    panel.repetitions = player.repetitions();
    for (const auto& spec : model_.data().coordinates.specs()) {
        if (spec.perLevel) continue;
        const auto it = model_.values().find(spec.name);
        panel.sliders.push_back({spec.name, spec.unit, spec.min, spec.max,
                                 it == model_.values().end() ? 0.0 : it->second,
                                 player.overrides().contains(spec.name)});
    }
    const ClinicalAngles a = model_.data().gauge->measure(model_.pose(), model_.frames());
    panel.angles = {{"Hip flexion, right", a.hipFlexionRight},
                    {"Hip flexion, left", a.hipFlexionLeft},
                    {"Knee flexion, right", a.kneeFlexionRight},
                    {"Knee flexion, left", a.kneeFlexionLeft},
                    {"Lumbar lordosis L1-S1", a.lumbarLordosis},
                    {"Pelvic tilt", a.pelvicTilt},
                    {"Sacral slope", a.sacralSlope}};
    panel.tightHipFlexorsPct = model_.tightHipFlexors();
    panel.tightnessSummary = tightnessSummary(model_);
    panel.showBalance = model_.showBalance();
    panel.balanceSummary = balanceSummary(model_);
    return panel;
}

DiscPanelData PanelBuilder::discs(const PosePlayer& player) {
    DiscPanelData panel;
    panel.handLoadKg = model_.handLoadKg();
    panel.pressureColours = model_.pressureColours();
    panel.evidence = evidence_;
    if (const Posture* p = player.posture(); p && p->isMotion()) {
        const TraceKey key{p->id, std::nullopt, model_.handLoadKg()};
        if (discTraceKey_ != key) {
            discTrace_ = model_.pressureTrace(*p, kL4L5, kTraceSamples);
            discTraceKey_ = key;
        }
        panel.trace = discTrace_;
        panel.traceTime = std::max(0.0f, timeFraction(player));
    }
    const double threshold = model_.discModel() ? model_.discModel()->parameters().rootWarningThreshold : 1e9;
    for (std::size_t i = 0; i < model_.discs().size(); ++i) {
        const DiscState& d = model_.discs()[i];
        panel.rows.push_back({discLevelLabel(i), d.pressureMpa, d.compressionN, d.compressionN / kNewtonsPerPoundForce,
                              d.posteriorMpa > 0.0 ? d.anteriorMpa / d.posteriorMpa : 0.0, d.nucleusShiftMm,
                              d.rootProximity, d.rootProximity >= threshold});
    }
    return panel;
}

MusclePanelData PanelBuilder::muscles(const PosePlayer& player) {
    MusclePanelData data;
    const MuscleModel* model = model_.muscles();
    if (!model) return data;
    const Scene& scene = model_.scene();
    const Posture* reference = model_.data().findPosture(model->referencePosture());
    data.reference = reference ? reference->name : model->referencePosture();
    for (const std::string& group : model->set().groups) {
        const bool visible = std::any_of(scene.objects.begin(), scene.objects.end(),
                                         [&](const SceneObject& o) { return o.group == group && o.visible; });
        data.groups.push_back({group, sentenceCase(group), visible});
    }
    // Whole muscles per side, in scene-object order.
    std::vector<MuscleRankRow> rows;
    for (std::size_t object = 0; object < scene.objects.size(); ++object) {
        const auto muscle = model_.muscleOf(object);
        if (!muscle) continue;
        const WholeMuscle whole = model->wholeMuscle(model_.muscleLengths(), muscle->first, muscle->second);
        if (whole.fascicles == 0) continue;
        rows.push_back({scene.objects[object].name, whole.changePct, object});
        if (scene.selected == object) {
            data.selected = rows.back();
            data.selectedLengthM = whole.lengthM;
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const MuscleRankRow& a, const MuscleRankRow& b) { return a.changePct > b.changePct; });
    for (std::size_t i = 0; i < rows.size() && i < kRankedMuscles; ++i)
        if (rows[i].changePct > kRankThresholdPct) data.lengthened.push_back(rows[i]);
    for (std::size_t i = 0; i < rows.size() && i < kRankedMuscles; ++i)
        if (rows[rows.size() - 1 - i].changePct < -kRankThresholdPct)
            data.shortened.push_back(rows[rows.size() - 1 - i]);
    const Posture* p = player.posture();
    if (p && p->isMotion() && data.selected) {
        const TraceKey key{p->id, data.selected->object, 0.0};
        if (muscleTraceKey_ != key) {
            const auto muscle = model_.muscleOf(data.selected->object);
            muscleTrace_ = model_.muscleTrace(*p, muscle->first, muscle->second, kTraceSamples);
            muscleTraceKey_ = key;
        }
        data.trace = muscleTrace_;
        data.traceTime = timeFraction(player);
    }
    return data;
}

std::string PanelBuilder::plainNameOf(std::size_t object) const {
    const Scene& scene = model_.scene();
    if (object >= scene.objects.size()) return {};
    if (names_)
        if (auto name = names_->of(scene.objects[object].id)) return *name;
    return scene.objects[object].name;
}

std::string lengthChangeWords(double pct) {
    const double size = std::abs(pct);
    const char* way = pct > 0.0 ? "longer" : "shorter";
    if (size < kSameLengthPct) return "about the same";
    if (size < kLittleChangePct) return std::string("a little ") + way;
    if (size >= kBigChangePct) return std::string("much ") + way;
    return way;
}

std::string pressureWords(double mpa, double standingMpa) {
    if (standingMpa <= 0.0) return {};
    const double ratio = mpa / standingMpa;
    if (ratio < 0.8) return "less than standing";
    if (ratio <= 1.2) return "about as much as standing";
    if (ratio < 1.8) return "more than standing";
    return "much more than standing";
}

PatientPanelData PanelBuilder::patient(const PosePlayer& player) {
    PatientPanelData data;
    if (const Posture* p = player.posture()) data.posture = p->name;
    const MusclePanelData muscles = this->muscles(player);
    data.lengthRangePct = muscles.legendRangePct;
    auto bar = [&](const MuscleRankRow& r) {
        return PatientBar{plainNameOf(r.object),
                          float(std::min(std::abs(r.changePct) / double(muscles.legendRangePct), 1.0)),
                          float(r.changePct), lengthChangeWords(r.changePct), r.object};
    };
    for (std::size_t i = 0; i < muscles.lengthened.size() && i < kPatientMuscles; ++i)
        data.longer.push_back(bar(muscles.lengthened[i]));
    for (std::size_t i = 0; i < muscles.shortened.size() && i < kPatientMuscles; ++i)
        data.shorter.push_back(bar(muscles.shortened[i]));
    data.pressureMaximumMpa = kPressureLegendMaxMpa;
    if (standingMpa_.size() != model_.discs().size()) {  // the reference is one still posture: solved once
        standingMpa_.clear();
        for (std::size_t level = 0; level < model_.discs().size(); ++level)
            standingMpa_.push_back(model_.pressureIn(kPlainReferencePosture, level));
    }
    for (std::size_t level = 0; level < model_.discs().size(); ++level) {
        const double mpa = model_.discs()[level].pressureMpa;
        std::optional<std::string> name = names_ ? names_->ofDisc(level) : std::nullopt;
        data.discs.push_back({name ? *name : discLevelLabel(level) + " disc",
                              float(std::clamp(mpa / data.pressureMaximumMpa, 0.0, 1.0)), float(mpa),
                              pressureWords(mpa, standingMpa_[level]), std::nullopt});
    }
    if (const auto selected = model_.scene().selected) data.selected = plainNameOf(*selected);
    return data;
}

PlainComparison PanelBuilder::plainComparison(const PostureComparison& comparison) const {
    PlainComparison plain;
    // Rows come ranked by |A - B|. A patient needs a few: the two muscles A stretches most against B
    // and the two it shortens most, each once (both sides in one row when they read the same).
    constexpr std::size_t kEachWay = kPatientMuscles / 2;
    std::size_t longer = 0, shorter = 0;
    std::vector<std::string> shown;
    for (const MuscleDifference& m : comparison.muscles) {
        if (std::abs(m.differencePct) < kSameLengthPct || (longer >= kEachWay && shorter >= kEachWay)) break;
        std::size_t& count = m.differencePct > 0.0 ? longer : shorter;
        if (count >= kEachWay || std::find(shown.begin(), shown.end(), m.muscle) != shown.end()) continue;
        const std::string a = lengthChangeWords(m.changeA), b = lengthChangeWords(m.changeB);
        const auto other =
            std::find_if(comparison.muscles.begin(), comparison.muscles.end(),
                         [&](const MuscleDifference& o) { return o.muscle == m.muscle && o.side != m.side; });
        const bool bothSides = other != comparison.muscles.end() && lengthChangeWords(other->changeA) == a &&
                               lengthChangeWords(other->changeB) == b;
        const std::optional<std::string> name = names_ ? names_->of("muscle_" + m.muscle) : std::nullopt;
        plain.muscles.push_back({(name ? *name : m.name) + (bothSides ? " (both sides)" : ", " + m.side), a, b});
        shown.push_back(m.muscle);
        ++count;
    }
    for (const DiscDifference& d : comparison.discs) {
        const auto* at = std::find(kDiscLevels.begin(), kDiscLevels.end(), d.level);
        if (at == kDiscLevels.end()) continue;
        const auto level = std::size_t(at - kDiscLevels.begin());
        const double standing = model_.pressureIn(kPlainReferencePosture, level);
        const std::optional<std::string> name = names_ ? names_->ofDisc(level) : std::nullopt;
        plain.discs.push_back({name ? *name : discLevelLabel(level) + " disc", pressureWords(d.pressureA, standing),
                               pressureWords(d.pressureB, standing)});
    }
    return plain;
}

JointMapPanelData PanelBuilder::jointMap(std::size_t chosen) {
    JointMapPanelData data;
    const MuscleModel* model = model_.muscles();
    if (!model) return data;
    std::vector<std::size_t> indices;  // the two-joint muscles this muscle set has
    for (const char* id : kTwoJointMuscles)
        for (std::size_t m = 0; m < model->set().muscles.size(); ++m)
            if (model->set().muscles[m].id == id) {
                indices.push_back(m);
                data.muscles.push_back(model->set().muscles[m].name);
            }
    if (indices.empty()) return data;
    data.chosen = std::min(chosen, indices.size() - 1);
    const std::size_t muscle = indices[data.chosen];
    auto it = jointMaps_.find(muscle);
    if (it == jointMaps_.end())
        it = jointMaps_.emplace(muscle, hipKneeMap(*model, model->set().muscles[muscle].id, BodySide::Right)).first;
    data.hipDeg = it->second.hipDeg;
    data.kneeDeg = it->second.kneeDeg;
    data.changePct = it->second.changePct;
    double extreme = 1.0;
    for (const auto& row : data.changePct)
        for (const double v : row) extreme = std::max(extreme, std::abs(v));
    data.rangePct = float(extreme);
    const auto value = [&](const char* name) {
        const auto v = model_.values().find(name);
        return v == model_.values().end() ? 0.0 : v->second;
    };
    data.hipNowDeg = value("hip_flexion_r");
    data.kneeNowDeg = value("knee_angle_r");
    data.changeNowPct = model->wholeMuscle(model_.muscleLengths(), muscle, BodySide::Right).changePct;
    return data;
}

std::string balanceSummary(const ModelPresenter& model) {
    const std::optional<Balance> b = model.balance();
    if (!b || b->lying) return {};
    if (b->support.empty()) return "Nothing touches the ground: no base of support";
    const auto has = [&](const char* c) {
        return std::find(b->contacts.begin(), b->contacts.end(), c) != b->contacts.end();
    };
    std::string carriers;
    const auto add = [&](const std::string& what) { carriers += (carriers.empty() ? "" : ", ") + what; };
    if (has("sole_r") && has("sole_l"))
        add("both feet");
    else if (has("sole_r") || has("sole_l"))
        add(has("sole_r") ? "right foot" : "left foot");
    if (has("ischium_r") || has("ischium_l")) add("seat");
    if (has("knee_r") || has("knee_l")) add(has("knee_r") ? "right knee" : "left knee");
    const double mm = std::abs(b->marginM) * 1000.0;
    return "Centre of mass " + formatWithUnit(mm, 0, "mm") + (b->marginM >= 0.0 ? " inside" : " outside") +
           " the base of support (" + carriers + ")";
}

std::string tightnessSummary(const ModelPresenter& model) {
    const MuscleModel* muscles = model.muscles();
    if (!muscles || model.tightHipFlexors() <= 0.0) return {};
    const TightnessState& t = model.tightness();
    double psoas = 0.0;
    if (const MuscleDefinition* m = muscles->set().find("psoas"))
        psoas = t.muscleForceN(*muscles, std::size_t(m - muscles->set().muscles.data()), BodySide::Right);
    std::string summary = "Passive psoas pull " + formatWithUnit(psoas, 0, "N") + " each side";
    if (t.solved)
        summary += "; pelvis tilts " + formatWithUnit(t.pelvicTiltChangeDeg, 1, "deg") + " forward to balance it";
    return summary;
}

}  // namespace lumbarlab
