#pragma once
// The simplified rest of the body (segment masses, arms, feet, contact points; its skin is
// body_skin.h) and the props (floor, chair, couch, box) as boxes placed to meet the body. The
// segment masses are the ones the disc model uses. No GL: the app turns shapes into draw records.

#include "lumbarlab/anatomy/skeleton_pose.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// Unit shapes the renderer has meshes for; `transform` scales them into place (props are boxes).
enum class ShapeKind { Sphere, Box, Torus };

struct BodyShape {
    std::string id;     ///< e.g. "floor", "chair_seat", "box"
    std::string group;  ///< "body" or "props"
    ShapeKind kind = ShapeKind::Sphere;
    glm::mat4 transform{1.0f};  ///< unit sphere (radius 1), unit box (side 1) or unit torus (ring 1)
};

/// Girths, breadths and tissue depths of the skin (metres), from body.json's "skin" section.
struct SkinDimensions {
    float waistGirth = 0.82f, hipGirth = 0.948f, hipBreadth = 0.33f;
    float thighGirth = 0.548f, kneeGirth = 0.361f, calfGirth = 0.361f, ankleGirth = 0.228f;
    float upperArmGirth = 0.30f, forearmGirth = 0.274f, wristGirth = 0.167f, neckGirth = 0.37f;
    float headBreadth = 0.15f, headLength = 0.19f, handBreadth = 0.085f, handThickness = 0.03f;
    float tissueUnderIschium = 0.03f, tissueBehindSpine = 0.025f;
};

/// Masses and sizes from assets/anatomy/body.json (every value cited there).
struct BodyParameters {
    double massKg = 70.0, heightM = 1.68;
    double headNeck = 0.081, thorax = 0.216, abdomen = 0.139, arm = 0.05, foot = 0.0145;  ///< mass fractions
    double trunkAtL5 = 0.026;                                                             ///< the trunk slice at L5
    double pelvis = 0.116, thigh = 0.1, leg = 0.0465;                 ///< mass fractions of the lower body (each leg)
    glm::vec3 pelvisCentre{-0.0707f, 0.0f, 0.0f};                     ///< pelvis centre of mass, pelvis frame
    double thighCentre = 0.433, legCentre = 0.433, footCentre = 0.5;  ///< along the segment, from proximal
    float thoraxHeight = 0.30f, thoraxDepth = 0.21f, thoraxWidth = 0.31f, shoulderHalfWidth = 0.19f;
    float neckLength = 0.10f, headHeight = 0.23f;
    float upperArm = 0.30f, forearm = 0.25f, hand = 0.18f;
    float footLength = 0.25f, ankleHeight = 0.075f, heelBehindAnkle = 0.05f, footWidth = 0.09f;
    SkinDimensions skin;
};

/// Reads body.json; throws FileError.
[[nodiscard]] BodyParameters loadBodyParameters(const std::filesystem::path& file);

/// Points where the body meets the world, for grounding and contact checks (world, metres).
struct ContactPoints {
    glm::vec3 heel[2]{}, toe[2]{};     ///< sole corners under each foot (right, left)
    glm::vec3 sole[2][4]{};            ///< each sole's outline: heel and toe, inner and outer edge
    glm::vec3 forefootTop[2]{};        ///< top of each forefoot (what rests against the couch)
    glm::vec3 fingertip[2]{};          ///< end of each hand
    glm::vec3 ischialTuberosity[2]{};  ///< the sitting bones
    glm::vec3 kneeFront[2]{};          ///< front of each knee (tibial tuberosity)
    float backMost = 0.0f;             ///< smallest x of the back (PSIS, spinous tips, chest), for a backrest
    /// The lowest sole point of both feet.
    [[nodiscard]] float lowestSole() const;
};

/// A mass of the upper body for the disc model: where it is and which vertebra carries it.
struct SegmentMass {
    std::string name;
    double massKg = 0.0;
    glm::vec3 centre{0.0f};  ///< world, metres
    int vertebra = 0;        ///< index in kVertebrae it rests on: above every disc from that level down
};

class BodyFigure {
public:
    /// Needs the skeleton for attachment points (T12, ankles, sitting bones); throws FileError.
    BodyFigure(BodyParameters parameters, const SkeletonDefinition& skeleton);

    [[nodiscard]] const BodyParameters& parameters() const { return p_; }
    [[nodiscard]] ContactPoints contacts(const SkeletonFrames& frames) const;
    /// Head and neck, thorax, both arms (with `handLoadKg` split between the hands, held
    /// `reachForward` metres in front of them) and the abdomen in slices on L1-L5.
    [[nodiscard]] std::vector<SegmentMass> upperBodyMasses(const SkeletonFrames& frames, double handLoadKg = 0.0,
                                                           float reachForward = 0.0f) const;
    /// The upper body's masses plus pelvis, thighs, legs and feet: the whole body (fractions sum to 1).
    [[nodiscard]] std::vector<SegmentMass> wholeBodyMasses(const SkeletonFrames& frames) const;
    /// The whole body's centre of mass (world, metres).
    [[nodiscard]] glm::vec3 centreOfMass(const SkeletonFrames& frames) const;

    struct Arm {
        glm::vec3 shoulder, elbow, wrist, fingertip;
    };
    /// The arm as the skin draws it (side 0 right, 1 left): hanging at the side standing, hands
    /// resting on the thighs when both thighs are level (sitting), lying along the body on the
    /// floor. The masses keep the simpler hanging arm of arm().
    [[nodiscard]] Arm drawnArm(const SkeletonFrames& frames, int side) const;
    /// The foot's frame (origin at the ankle centre, sole at y = -ankleHeight, x toward the toes).
    [[nodiscard]] glm::mat4 footFrame(const SkeletonFrames& frames, int side) const;

private:
    [[nodiscard]] static glm::mat4 thoraxFrame(const SkeletonFrames& frames);
    [[nodiscard]] Arm arm(const SkeletonFrames& frames, int side) const;

    BodyParameters p_;
    glm::vec3 t12Top_{0.0f};                                     ///< T12 superior endplate centre, T12 frame
    glm::vec3 ankle_[2]{};                                       ///< ankle centre, tibia frame
    glm::vec3 tuberosity_[2]{};                                  ///< ischial tuberosity, pelvis frame
    glm::vec3 tibialTuberosity_[2]{};                            ///< tibia frame
    std::vector<std::pair<std::string, glm::vec3>> backPoints_;  ///< (frame, point) along the back
};

/// Props for a posture: the floor always; a chair under the sitting bones, a cushion and couch for
/// the couch stretch, a box under the feet. Sized and placed to meet the body's contact points.
[[nodiscard]] std::vector<BodyShape> propShapes(const std::vector<std::string>& props, const ContactPoints& contacts,
                                                float floorHeight);

}  // namespace lumbarlab
