// The body's skin: one closed surface, following every posture, pressed onto the props, never into them.

#include "lumbarlab/anatomy/body_skin.h"
#include "lumbarlab/anatomy/model_data.h"

#include "builtin_model.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>

using namespace lumbarlab;

namespace {

const BodySkin& skin() {
    static const BodySkin s = makeBodySkin(builtinModel(), kSkinCellLow);
    return s;
}

bool verbose() {
    return std::getenv("LUMBARLAB_PRINT_SKIN") != nullptr;
}

// The props a posture stands in, placed from its first frame (as the viewer places them).
std::vector<BodyShape> propsOf(const Posture& p) {
    const SkeletonFrames first = builtinModel().solveGrounded(p.at(0.0), &p).second;
    return propShapes(p.props, builtinModel().body->contacts(first), 0.0f);
}

// A box prop, to measure how far (m) a point lies inside it: its distance to the nearest face, 0 outside.
struct PropBox {
    std::string id;
    glm::mat4 toUnit;
    glm::vec3 size;
    explicit PropBox(const BodyShape& prop)
        : id(prop.id),
          toUnit(glm::inverse(prop.transform)),
          size(glm::length(glm::vec3(prop.transform[0])), glm::length(glm::vec3(prop.transform[1])),
               glm::length(glm::vec3(prop.transform[2]))) {}
    [[nodiscard]] float depth(const glm::vec3& q) const {
        const glm::vec3 u = glm::vec3(toUnit * glm::vec4(q, 1.0f));
        // The floor is the ground: anything below its top is in it, however deep.
        if (id == "floor") return std::max(0.0f, (0.5f - u.y) * size.y);
        float d = 1e9f;
        for (int i = 0; i < 3; ++i) {
            const float inside = (0.5f - std::abs(u[i])) * size[i];
            if (inside <= 0.0f) return 0.0f;
            d = std::min(d, inside);
        }
        return d;
    }
};

}  // namespace

TEST_CASE("skin: one closed surface, every edge shared by two triangles (a few by four), a body's volume and height",
          "[model][skin]") {
    const auto start = std::chrono::steady_clock::now();
    const BodySkin low = makeBodySkin(builtinModel(), kSkinCellLow);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const MeshData& mesh = low.restMesh();
    if (verbose())
        std::cout << "skin (low): " << mesh.triangleCount() << " triangles, " << mesh.vertexCount()
                  << " vertices, meshed in " << ms << " ms\n";
    REQUIRE(mesh.isConsistent());
    REQUIRE(mesh.triangleCount() > 5000);
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = mesh.indices[t + std::size_t(e)], b = mesh.indices[t + std::size_t((e + 1) % 3)];
            ++edges[{std::min(a, b), std::max(a, b)}];
        }
    // Closed: no edge has one triangle only (an even count everywhere). Surface nets may join two
    // sheets at an edge where they pass within a cell; allow a handful of those (four triangles).
    int open = 0, fourWay = 0;
    for (const auto& [edge, count] : edges) {
        if (count % 2 != 0) ++open;
        if (count > 2) ++fourWay;
        if (count != 2 && verbose())
            std::cout << "edge used " << count << " times at " << mesh.positions[edge.first].x << " "
                      << mesh.positions[edge.first].y << " " << mesh.positions[edge.first].z << "\n";
    }
    CHECK(open == 0);
    CHECK(fourWay <= 4);
    // A 70 kg body at about 1.0 kg/l is about 70 litres; the simplified shapes land near it.
    const double litres = signedVolume(mesh) * 1000.0;
    if (verbose()) std::cout << "skin volume " << litres << " l\n";
    CHECK(litres > 55.0);
    CHECK(litres < 90.0);
    // About as tall as the subject, standing (the skeleton sets the height; it is a little taller).
    const Bounds b = mesh.bounds();
    if (verbose()) std::cout << "skin height " << b.max.y - b.min.y << " m\n";
    CHECK(b.max.y - b.min.y == Approx(builtinModel().body->parameters().heightM).margin(0.06));
}

TEST_CASE("skin: follows the skeleton (hands on the thighs sitting, the head over the chest bending)",
          "[model][skin]") {
    const Posture* sitting = builtinModel().findPosture("sitting_relaxed");
    REQUIRE(sitting);
    const SkeletonFrames frames = builtinModel().solveGrounded(sitting->at(0.0), sitting).second;
    MeshData posed;
    skin().pose(frames, {}, posed);
    REQUIRE(posed.vertexCount() == skin().restMesh().vertexCount());
    // Every skin vertex near a knee lies within a few centimetres of that knee's surface: the legs moved.
    for (int side = 0; side < 2; ++side) {
        const glm::vec3 knee = frames.toWorld(side == 0 ? "tibia_r" : "tibia_l", glm::vec3(0.0f));
        float nearest = 1e9f;
        for (const glm::vec3& q : posed.positions) nearest = std::min(nearest, glm::distance(q, knee));
        CHECK(nearest < 0.07f);
        // The hand rests on the thigh: its fingertip is above the knee's height and in front of the hip.
        const BodyFigure::Arm arm = builtinModel().body->drawnArm(frames, side);
        CHECK(arm.wrist.y > knee.y);
        CHECK(arm.fingertip.x > frames.toWorld(side == 0 ? "femur_r" : "femur_l", glm::vec3(0.0f)).x + 0.15f);
    }
}

// Every 1/30 s in the normal builds; the ASan+UBSan build (about 20x slower) checks every 15th frame (half a second)
// so it stays inside the test timeout while still running the whole code path under the sanitizers.
#ifdef LUMBARLAB_SANITIZED_BUILD
constexpr int kFrameStride = 15;
#else
constexpr int kFrameStride = 1;
#endif

TEST_CASE("skin: never more than 1 cm into a prop, in every posture and every 1/30 s of every motion",
          "[model][skin]") {
    MeshData posed;
    float worst = 0.0f;
    std::string where;
    int frames = 0;
    for (const Posture& p : builtinModel().postures) {
        const std::vector<BodyShape> props = propsOf(p);
        std::vector<PropBox> boxes;
        for (const BodyShape& prop : props) boxes.emplace_back(prop);
        const double end = p.isMotion() ? p.duration : 0.0;
        float worstHere = 0.0f;
        for (int frame = 0; frame <= int(end * 30.0 + 1e-6); frame += kFrameStride) {
            const double t = frame / 30.0;
            skin().pose(builtinModel().solveGrounded(p.at(t), &p).second, props, posed);
            ++frames;
            // Vertices and triangle middles.
            for (const PropBox& box : boxes)
                for (std::size_t i = 0; i < posed.indices.size(); i += 3) {
                    const glm::vec3& a = posed.positions[posed.indices[i]];
                    const glm::vec3 middle =
                        (a + posed.positions[posed.indices[i + 1]] + posed.positions[posed.indices[i + 2]]) / 3.0f;
                    const float d = std::max(box.depth(a), box.depth(middle));
                    worstHere = std::max(worstHere, d);
                    if (d > worst) {
                        worst = d;
                        where = p.id + " at " + std::to_string(t) + " s in " + box.id + " near (" +
                                std::to_string(middle.x) + ", " + std::to_string(middle.y) + ", " +
                                std::to_string(middle.z) + ")";
                    }
                }
        }
        if (verbose()) std::cout << p.id << ": deepest " << worstHere * 1000.0f << " mm\n";
    }
    if (verbose()) std::cout << frames << " frames, deepest " << worst * 1000.0f << " mm (" << where << ")\n";
    INFO("deepest: " << worst * 1000.0f << " mm, " << where);
    CHECK(worst <= 0.010f);
}
