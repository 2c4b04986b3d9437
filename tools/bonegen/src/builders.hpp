#pragma once
// Per-bone model builders. Each returns the right-side (or midline) model in its own bone frame, mm.
// Frames follow the OpenSim convention: x anterior, y superior, z to the right.

#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "bone_model.hpp"
#include "params.hpp"

namespace bonegen {

/// Lumbar (and T12) level names from cranial to caudal.
const std::vector<std::string>& vertebraLevels();

/// Pelvis-frame layout shared by the hip bone and the sacrum.
struct PelvisLayout {
    glm::vec3 hipCentre{0.0f};       ///< right acetabulum / femoral head centre
    glm::vec3 acetabulumAxis{0.0f};  ///< unit vector out of the socket (lateral, inferior, anterior)
    Frame s1;                        ///< origin: S1 endplate centre; y: endplate normal; x: anterior along the endplate
    glm::vec3 sacroiliacCentre{0.0f};  ///< centre of the right auricular (sacro-iliac) surface
    float auricularHalfWidth = 0.0f;   ///< half the inter-auricular width (|z| of the auricular centre)
    /// Unit normal of the right sacroiliac joint plane through `sacroiliacCentre`, pointing from the
    /// sacrum to the ilium (lateral, a little posterior and upward); the left joint is its mirror.
    glm::vec3 sacroiliacNormal{0.0f, 0.0f, 1.0f};
    float sacroiliacGap = 0.0f;  ///< joint space between the auricular surfaces (mm)
    glm::vec3 promontory{0.0f};  ///< anterior-superior edge of S1 in the midline
};
/// Derives the layout from the pelvis and sacrum parameters.
PelvisLayout pelvisLayout(const SkeletonParams& params);

/// Facet joint between a vertebra and the one below, in the lower vertebra's frame (mm, right side).
struct FacetJoint {
    float x = 0.0f;          ///< antero-posterior position of the joint centre
    float yAboveTop = 0.0f;  ///< height of the joint centre above the lower vertebra's superior endplate
    float z = 0.0f;          ///< |z| of the joint centre (superior process lateral, inferior process medial)
    /// Transverse-plane angle of the joint from the midsagittal plane, degrees (0: a sagittal plane
    /// z = const, the superior facet facing medially; 90: coronal, facing backwards).
    float angleDeg = 0.0f;
    /// Radius of the joint's curvature in the transverse plane, mm (0: flat). The superior facet is
    /// the concave side.
    float radius = 0.0f;
};
/// Facet joint placement from the lower level's dimensions ("s1" uses L5's canal dimensions and a
/// flat sagittal joint, the shape the sacrum builds).
FacetJoint facetJointBelow(const SkeletonParams& params, const std::string& lowerLevel);
/// Signed distance (mm) of a point in the lower vertebra's frame from the facet joint surface
/// between `lowerLevel` and the vertebra above: positive on the inferior-process side (posteromedial),
/// negative on the superior-process side. The surface is swept about the segment's flexion axis (the
/// z axis through the disc centre), so flexion and extension slide the joint without opening or
/// closing it. `side` is +1 (right) or -1 (left).
float facetSideDistance(const SkeletonParams& params, const std::string& lowerLevel, float side, const glm::vec3& p);
/// Rigid transform of the vertebra `upperLevel` into the frame of the level below it, assembled on
/// the cited disc (middle height, wedge angle) as the kinematic model does.
glm::mat4 restTransformToLevelBelow(const SkeletonParams& params, const std::string& upperLevel);
/// Disc gap (mm) at antero-posterior position x for the disc named e.g. "l4_l5".
float discGapAt(const SkeletonParams& params, const std::string& disc, float x);

/// Right hip bone (innominate) in the pelvis frame.
BoneModel buildHipBoneRight(const SkeletonParams& params);
/// Sacrum with coccyx in the pelvis frame.
BoneModel buildSacrum(const SkeletonParams& params);
/// One vertebra ("t12", "l1" ... "l5") in its own body-centred frame.
BoneModel buildVertebra(const SkeletonParams& params, const std::string& level);
/// Annulus and nucleus of one disc ("t12_l1" ... "l5_s1") in the disc frame.
std::pair<BoneModel, BoneModel> buildDisc(const SkeletonParams& params, const std::string& disc);
/// Right femur in the femur frame (origin at the head centre).
BoneModel buildFemurRight(const SkeletonParams& params);
/// Right patella in the patella frame (origin at its centre).
BoneModel buildPatellaRight(const SkeletonParams& params);
/// Right tibia in the tibia frame (origin at the knee joint centre between the plateaus).
BoneModel buildTibiaRight(const SkeletonParams& params);
/// Right fibula, also in the tibia frame.
BoneModel buildFibulaRight(const SkeletonParams& params);

/// Every model of the default skeleton, in output order (left bones mirror right ones).
std::vector<BoneModel> buildSkeletonModels(const SkeletonParams& params);

}  // namespace bonegen
