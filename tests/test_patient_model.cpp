// Patient mode against the built-in model: every structure a patient can pick has a plain name in
// the one table, and the patient panel says what the model says (sitting shortens the hip flexors,
// the discs carry more in sitting than standing) in words and bars, with no ids.

#include "model_dir.h"

#include "lumbarlab/view/compare.h"
#include "lumbarlab/view/joint_map.h"
#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/panel_builder.h"
#include "lumbarlab/view/plain_names.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

PlainNameTable shippedNames() {
    return PlainNameTable::load(fs::path(LUMBARLAB_SOURCE_ASSET_DIR) / "anatomy" / kPlainNamesFileName);
}

void checkPlain(const std::string& text) {
    INFO(text);
    CHECK_FALSE(text.empty());
    CHECK(text.find('_') == std::string::npos);
    CHECK(text.find("MPa") == std::string::npos);
    CHECK(text.find('%') == std::string::npos);
}

}  // namespace

TEST_CASE("patient mode: every structure in the model has a plain name, and every name is used", "[model][patient]") {
    std::vector<std::string> errors;
    const auto model = ModelPresenter::load(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR, Detail::Low, errors);
    REQUIRE(model);
    REQUIRE(model->muscles());
    const PlainNameTable names = shippedNames();
    std::vector<std::string> usedKeys;
    std::size_t structures = 0;
    for (const SceneObject& o : model->scene().objects) {
        if (!o.pickable) continue;  // body shapes and props are not structures a patient picks
        ++structures;
        INFO(o.id);
        const auto name = names.of(o.id);
        REQUIRE(name);
        checkPlain(*name);
        usedKeys.push_back(PlainNameTable::keyOf(o.id));
    }
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level) {
        INFO("disc level " << kDiscLevels[level]);
        REQUIRE(names.ofDisc(level));
        CHECK(names.ofDisc(level)->rfind("disc between ", 0) == 0);
        usedKeys.push_back(std::string("disc_") + kDiscLevels[level]);
    }
    // 17 bones, 12 disc parts, 14 nerve roots (T12-L5 and S1), 21 muscles on two sides.
    CHECK(structures == 17 + 12 + 14 + 2 * model->muscles()->set().muscles.size());
    std::sort(usedKeys.begin(), usedKeys.end());
    usedKeys.erase(std::unique(usedKeys.begin(), usedKeys.end()), usedKeys.end());
    CHECK(usedKeys.size() == names.size());  // no entry names a structure the model lacks
    CHECK(names.of("muscle_psoas_r") == "hip flexor (psoas), right");
    CHECK(names.ofDisc(4) == "disc between L4 and L5");
}

TEST_CASE("patient mode: sitting reads as shorter hip flexors, the discs in words against standing",
          "[model][patient]") {
    std::vector<std::string> errors;
    auto model = ModelPresenter::load(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR, Detail::Low, errors);
    REQUIRE(model);
    PanelBuilder panels(*model, PostureKeys{}, EvidenceTable{});
    panels.setPlainNames(shippedNames());
    const Posture* sitting = model->data().findPosture("sitting_relaxed");
    REQUIRE(sitting);
    PosePlayer player;
    player.setPosture(*sitting, 0.0);
    model->showPosture(sitting->id);
    const PatientPanelData data = panels.patient(player);
    CHECK(data.posture == sitting->name);
    REQUIRE_FALSE(data.shorter.empty());
    CHECK(data.shorter.size() <= 4);
    CHECK(data.longer.size() <= 4);
    const bool psoasShorter = std::any_of(data.shorter.begin(), data.shorter.end(), [](const PatientBar& b) {
        return b.label.find("hip flexor (psoas)") != std::string::npos;
    });
    CHECK(psoasShorter);
    for (const auto* list : {&data.longer, &data.shorter})
        for (const PatientBar& b : *list) {
            checkPlain(b.label);
            checkPlain(b.words);
            CHECK(b.amount > 0.0f);
            CHECK(b.amount <= 1.0f);
            REQUIRE(b.object);
            CHECK(panels.plainNameOf(*b.object) == b.label);
        }
    for (const PatientBar& b : data.shorter) CHECK(b.words.find("shorter") != std::string::npos);
    for (const PatientBar& b : data.longer) CHECK(b.words.find("longer") != std::string::npos);
    // Bars are ordered: the biggest change first.
    for (std::size_t i = 1; i < data.shorter.size(); ++i) CHECK(data.shorter[i - 1].amount >= data.shorter[i].amount);
    REQUIRE(data.discs.size() == kDiscLevels.size());
    const PatientBar& l4l5 = data.discs[4];
    CHECK(l4l5.label == "disc between L4 and L5");
    checkPlain(l4l5.words);
    CHECK(l4l5.amount == Approx(std::min(model->discs()[4].pressureMpa / data.pressureMaximumMpa, 1.0)).margin(1e-6));
    // The words are the model's pressure against its standing pressure, level by level.
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level)
        CHECK(data.discs[level].words ==
              pressureWords(model->discs()[level].pressureMpa, model->pressureIn("neutral_standing", level)));
    // Lying on the back takes most of the load off: "less than standing".
    const Posture* lying = model->data().findPosture("lying_supine");
    REQUIRE(lying);
    player.setPosture(*lying, 0.0);
    model->showPosture(lying->id);
    CHECK(panels.patient(player).discs[4].words == "less than standing");

    // Standing against itself: nothing longer or shorter, discs "about as much as standing".
    const Posture* standingPosture = model->data().findPosture("neutral_standing");
    REQUIRE(standingPosture);
    player.setPosture(*standingPosture, 0.0);
    model->showPosture(standingPosture->id);
    const PatientPanelData still = panels.patient(player);
    CHECK(still.longer.empty());
    CHECK(still.shorter.empty());
    for (const PatientBar& b : still.discs) CHECK(b.words == "about as much as standing");
}

TEST_CASE("patient mode: compare says in words that sitting shortens the hip flexors standing leaves alone",
          "[model][patient][compare]") {
    std::vector<std::string> errors;
    auto model = ModelPresenter::load(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR, Detail::Low, errors);
    REQUIRE(model);
    REQUIRE(model->muscles());
    REQUIRE(model->discModel());
    PanelBuilder panels(*model, PostureKeys{}, EvidenceTable{});
    panels.setPlainNames(shippedNames());
    const PostureComparison c =
        comparePostureFigures(postureFigures(model->data(), *model->muscles(), *model->discModel(), "sitting_relaxed"),
                              postureFigures(model->data(), *model->muscles(), *model->discModel(), "neutral_standing"),
                              model->muscles()->referencePosture());
    const PlainComparison plain = panels.plainComparison(c);
    REQUIRE_FALSE(plain.muscles.empty());
    CHECK(plain.muscles.size() <= 4);
    for (const auto* rows : {&plain.muscles, &plain.discs})
        for (const PlainCompareRow& r : *rows) {
            checkPlain(r.name);
            checkPlain(r.a);
            checkPlain(r.b);
        }
    // Standing is the reference: B's muscles are "about the same", A's (sitting) are not.
    for (const PlainCompareRow& r : plain.muscles) {
        CHECK(r.b == "about the same");
        CHECK(r.a != "about the same");
    }
    // Sitting against standing: stretched buttocks, shortened hip flexors, each muscle named once.
    const auto has = [&](const char* name, const char* words) {
        return std::any_of(plain.muscles.begin(), plain.muscles.end(), [&](const PlainCompareRow& r) {
            return r.name.find(name) != std::string::npos && r.a.find(words) != std::string::npos;
        });
    };
    CHECK(has("hip flexor", "shorter"));
    CHECK(has("buttock", "longer"));
    CHECK(has("(both sides)", ""));
    for (std::size_t i = 0; i < plain.muscles.size(); ++i)
        for (std::size_t j = i + 1; j < plain.muscles.size(); ++j)
            CHECK(plain.muscles[i].name != plain.muscles[j].name);
    REQUIRE(plain.discs.size() == kDiscLevels.size());
    CHECK(plain.discs[4].name == "disc between L4 and L5");
    CHECK(plain.discs[4].b == "about as much as standing");
    CHECK(plain.discs[4].a == pressureWords(c.discs[4].pressureA, model->pressureIn("neutral_standing", 4)));
}

TEST_CASE("hip x knee map panel: the two-joint muscles, the grid from the map, the posture as a dot",
          "[model][joint_map]") {
    std::vector<std::string> errors;
    auto model = ModelPresenter::load(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR, Detail::Low, errors);
    REQUIRE(model);
    REQUIRE(model->muscles());
    PanelBuilder panels(*model, PostureKeys{}, EvidenceTable{});
    model->showPosture("neutral_standing");
    const JointMapPanelData standing = panels.jointMap(0);
    REQUIRE(standing.muscles.size() == 4);  // rectus femoris and the three hamstrings
    CHECK(standing.muscles[0] == "Rectus femoris");
    REQUIRE(standing.hipDeg.size() == 16);
    REQUIRE(standing.kneeDeg.size() == 16);
    const JointMap direct = hipKneeMap(*model->muscles(), "rectus_femoris", BodySide::Right);
    CHECK(standing.changePct == direct.changePct);
    CHECK(standing.rangePct >= 12.0f);  // the couch-stretch corner
    CHECK(std::abs(standing.changeNowPct) < 0.5);
    CHECK(std::abs(standing.hipNowDeg) < 15.0);
    CHECK(std::abs(standing.kneeNowDeg) < 15.0);
    CHECK(panels.jointMap(99).chosen == 3);  // clamped to the last muscle
    CHECK(panels.jointMap(1).muscles[1] == "Semimembranosus");

    // The couch stretch moves the dot: the hip extended or straight, the knee deeply bent, rectus longer.
    const Posture* couch = model->data().findPosture("couch_stretch_r");
    REQUIRE(couch);
    model->showPosture(couch->id, couch->at(couch->duration * 0.5));
    const JointMapPanelData stretched = panels.jointMap(0);
    INFO("hip " << stretched.hipNowDeg << ", knee " << stretched.kneeNowDeg);
    CHECK(stretched.hipNowDeg < 10.0);
    CHECK(stretched.kneeNowDeg > 90.0);
    CHECK(stretched.changeNowPct > 5.0);
}
