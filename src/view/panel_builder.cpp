#include "lumbarlab/view/panel_builder.h"

#include "lumbarlab/view/number_format.h"

#include <algorithm>
#include <cassert>
#include <cctype>

namespace lumbarlab {
namespace {

constexpr std::size_t kTraceSamples = 120;  // points in a plot over a motion
constexpr std::size_t kL4L5 = 4;            // the level the published measurements are from
constexpr std::size_t kRankedMuscles = 5;   // most lengthened / shortened rows
constexpr double kRankThresholdPct = 0.5;   // changes smaller than this are "unchanged"

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
    if (const MuscleModel* muscles = model_.muscles(); muscles && panel.tightHipFlexorsPct > 0.0) {
        const TightnessState& t = model_.tightness();
        double psoas = 0.0;
        if (const MuscleDefinition* m = muscles->set().find("psoas"))
            psoas = t.muscleForceN(*muscles, std::size_t(m - muscles->set().muscles.data()), BodySide::Right);
        panel.tightnessSummary = "Passive psoas pull " + formatWithUnit(psoas, 0, "N") + " each side";
        if (t.solved)
            panel.tightnessSummary +=
                "; pelvis tilts " + formatWithUnit(t.pelvicTiltChangeDeg, 1, "deg") + " forward to balance it";
    }
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

}  // namespace lumbarlab
