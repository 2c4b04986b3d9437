#include "lumbarlab/view/lesson_stage.h"

#include "lumbarlab/anatomy/skeleton_pose.h"
#include "lumbarlab/view/number_format.h"
#include "lumbarlab/view/panel_builder.h"

#include <algorithm>
#include <cctype>

namespace lumbarlab {
namespace {

constexpr float kFadedAlpha = 0.18f;

std::string upper(std::string s) {
    for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lowerFirst(std::string s) {
    // "Psoas major" -> "psoas major"; leaves acronyms ("L4") alone.
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
        !std::isupper(static_cast<unsigned char>(s[1])) && !std::isdigit(static_cast<unsigned char>(s[1])))
        s[0] = char(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

/// "l4_l5" -> "L4 and L5".
std::string levelWords(const std::string& level) {
    const auto cut = level.find('_');
    if (cut == std::string::npos) return upper(level);
    return upper(level.substr(0, cut)) + " and " + upper(level.substr(cut + 1));
}

/// The muscle and side of a sided name ("psoas_r"), if it is one.
std::optional<std::pair<std::size_t, BodySide>> sidedMuscle(const std::string& name, const MuscleSet& set) {
    if (name.size() < 3 || name[name.size() - 2] != '_') return std::nullopt;
    const char s = name.back();
    if (s != 'r' && s != 'l') return std::nullopt;
    const std::string id = name.substr(0, name.size() - 2);
    for (std::size_t m = 0; m < set.muscles.size(); ++m)
        if (set.muscles[m].id == id) return std::pair{m, s == 'r' ? BodySide::Right : BodySide::Left};
    return std::nullopt;
}

bool isMuscleObject(const ModelPresenter& model, std::size_t i) {
    return model.muscleOf(i).has_value();
}

}  // namespace

LessonVocabulary lessonVocabulary(const ModelData& data, const MuscleSet* muscles) {
    LessonVocabulary v;
    for (const Posture& p : data.postures) {
        v.postures.insert(p.id);
        if (p.isMotion()) v.motionDurations[p.id] = p.duration;
    }
    for (const BoneDefinition& b : data.skeleton.bones) {
        v.structures.insert(b.id);
        v.groups.insert(b.group);
    }
    for (const char* level : kDiscLevels) {
        v.discLevels.insert(level);
        v.structures.insert(std::string("disc_") + level);
        for (const char* side : {"r", "l"}) v.structures.insert(std::string("nerve_root_") + level + "_" + side);
    }
    for (const char* side : {"r", "l"}) v.structures.insert(std::string("nerve_root_s1_") + side);
    for (const char* g : {"nerves", "body", "props"}) v.groups.insert(g);
    if (muscles) {
        v.groups.insert("muscles");
        for (const MuscleDefinition& m : muscles->muscles) {
            v.groups.insert(m.group);
            for (const char* side : {"_r", "_l"}) {
                v.structures.insert(m.id + side);
                v.sidedMuscles.insert(m.id + side);
            }
        }
    }
    return v;
}

bool objectIs(const SceneObject& object, const std::string& name, bool isMuscle) {
    if (object.id == name || object.group == name) return true;
    if (name == "muscles") return isMuscle;
    if (isMuscle) return object.id == "muscle_" + name;
    // Disc parts: "disc_l4_l5_annulus" and "disc_l4_l5_nucleus" are the disc "disc_l4_l5".
    return name.rfind("disc_", 0) == 0 && object.id.rfind(name + "_", 0) == 0;
}

StagedStep stageStep(const LessonStep& step, const ModelPresenter& model) {
    const Scene& scene = model.scene();
    StagedStep staged;
    staged.visible.assign(scene.objects.size(), true);
    staged.emphasis.assign(scene.objects.size(), Emphasis::Normal);
    for (std::size_t i = 0; i < scene.objects.size(); ++i) {
        const bool muscle = isMuscleObject(model, i);
        for (const auto& name : step.hide)
            if (objectIs(scene.objects[i], name, muscle)) staged.visible[i] = false;
        for (const auto& name : step.show)  // after hide: "hide muscles, show psoas_r" shows the psoas
            if (objectIs(scene.objects[i], name, muscle)) staged.visible[i] = true;
    }
    if (step.emphasise.empty()) return staged;
    for (std::size_t i = 0; i < scene.objects.size(); ++i) {
        const bool muscle = isMuscleObject(model, i);
        bool emphasised = false;
        for (const auto& name : step.emphasise) emphasised = emphasised || objectIs(scene.objects[i], name, muscle);
        if (emphasised) {
            staged.emphasis[i] = Emphasis::Emphasised;
            staged.visible[i] = true;  // an emphasised structure is always shown
        } else if (muscle || scene.objects[i].group == "body") {
            staged.emphasis[i] = Emphasis::Faded;
        }
    }
    return staged;
}

void applyEmphasis(DrawList& records, const std::vector<Emphasis>& emphasis) {
    for (DrawRecord& r : records) {
        if (r.pickId == kNoPick || r.pickId > emphasis.size()) continue;
        switch (emphasis[r.pickId - 1]) {
            case Emphasis::Normal:
                break;
            case Emphasis::Emphasised:
                r.flags |= kDrawHovered;
                break;
            case Emphasis::Faded:
                r.colour = glm::vec4(glm::mix(glm::vec3(r.colour), glm::vec3(0.8f), 0.5f), kFadedAlpha);
                r.flags |= kDrawTranslucent;
                break;
        }
    }
}

std::vector<ScreenLabel> lessonLabels(const LessonStep& step, const ModelPresenter& model, const OrbitCamera& camera,
                                      float width, float height) {
    std::vector<ScreenLabel> labels;
    const Scene& scene = model.scene();
    const glm::mat4 viewProjection = camera.projection(width / std::max(height, 1.0f)) * camera.view();
    for (const LessonLabel& label : step.labels) {
        Bounds b;
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (scene.objects[i].visible && objectIs(scene.objects[i], label.structure, isMuscleObject(model, i)))
                b.include(scene.bounds(i));
        if (b.empty()) continue;
        const glm::vec4 clip = viewProjection * glm::vec4(b.centre(), 1.0f);
        if (clip.w <= 0.0f) continue;
        const glm::vec3 ndc = glm::vec3(clip) / clip.w;
        if (std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f) continue;
        labels.push_back({label.text, (ndc.x * 0.5f + 0.5f) * width, (0.5f - ndc.y * 0.5f) * height});
    }
    return labels;
}

std::string plainStructureName(const std::string& name, const ModelPresenter& model) {
    if (name.rfind("disc_", 0) == 0) return "disc between " + levelWords(name.substr(5));
    if (const MuscleModel* muscles = model.muscles())
        if (const auto m = sidedMuscle(name, muscles->set()))
            return lowerFirst(muscles->set().muscles[m->first].name) +
                   (m->second == BodySide::Right ? " (right)" : " (left)");
    if (const BoneDefinition* bone = model.data().skeleton.find(name))
        return bone->commonName.empty() ? lowerFirst(bone->displayName) : bone->commonName;
    return name;
}

void applyStepModelSettings(const LessonStep& step, ModelPresenter& model) {
    model.setTightHipFlexors(step.tightHipFlexorsPct);  // a no-op when it is already so
}

std::vector<std::string> lessonNumbers(const LessonStep& step, const ModelPresenter& model, bool plain) {
    std::vector<std::string> lines;
    for (const LessonNumber& n : step.numbers) {
        if (n.kind == LessonNumber::Kind::DiscPressure) {
            const auto* level = std::find(kDiscLevels.begin(), kDiscLevels.end(), n.what);
            if (level == kDiscLevels.end() || !model.discModel()) continue;
            const auto index = std::size_t(level - kDiscLevels.begin());
            const double mpa = model.discs()[index].pressureMpa;
            if (plain)
                lines.push_back("Load on the disc between " + levelWords(n.what) + ": " +
                                pressureWords(mpa, model.pressureIn(kPlainReferencePosture, index)));
            else
                lines.push_back("Pressure in the disc between " + levelWords(n.what) + ": " +
                                formatWithUnit(mpa, 2, "MPa") + " (this model)");
        } else if (n.kind == LessonNumber::Kind::Tightness) {
            std::string summary = tightnessSummary(model);
            if (summary.empty()) {
                lines.emplace_back(plain ? "The hip flexors are not tight here"
                                         : "Hip flexors not tight: no passive pull");
                continue;
            }
            if (plain) {
                lines.emplace_back("Tight hip flexors pull on the lower back and tip the pelvis forward");
                continue;
            }
            summary[0] = char(std::tolower(static_cast<unsigned char>(summary[0])));
            lines.push_back("Hip flexors " + formatWithUnit(model.tightHipFlexors(), 0, "%") + " short: " + summary);
        } else {
            const MuscleModel* muscles = model.muscles();
            if (!muscles) continue;
            const auto m = sidedMuscle(n.what, muscles->set());
            if (!m) continue;
            const WholeMuscle whole = muscles->wholeMuscle(model.muscleLengths(), m->first, m->second);
            if (plain) {
                const std::string words = lengthChangeWords(whole.changePct);
                std::string line = plainStructureName(n.what, model);
                line[0] = char(std::toupper(static_cast<unsigned char>(line[0])));
                lines.push_back(line + ": " + words + (words == "about the same" ? " as" : " than") + " standing");
                continue;
            }
            std::string name = muscles->set().muscles[m->first].name;
            lines.push_back(name + (m->second == BodySide::Right ? " (right)" : " (left)") + ": " +
                            formatWithUnit(whole.changePct, 1, "%", true) + " against standing");
        }
    }
    return lines;
}

CameraPose lessonCameraPose(const LessonStep& step, const ModelPresenter& model, const OrbitCamera& camera,
                            float aspect) {
    if (step.camera.pose) return *step.camera.pose;
    const Scene& scene = model.scene();
    std::vector<glm::vec3> points;
    if (!step.camera.focus.empty())
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (objectIs(scene.objects[i], step.camera.focus, isMuscleObject(model, i)))
                scene.appendFramingPoints(i, points);
    if (points.empty()) points = scene.framingPoints();
    return camera.framedPose(points, step.camera.preset.value_or(ViewPreset::Oblique), aspect);
}

}  // namespace lumbarlab
