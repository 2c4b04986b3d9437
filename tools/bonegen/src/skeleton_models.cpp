#include "builders.hpp"

namespace bonegen {

std::vector<BoneModel> buildSkeletonModels(const SkeletonParams& params) {
    std::vector<BoneModel> models;
    const BoneModel hipRight = buildHipBoneRight(params);
    models.push_back(hipRight);
    models.push_back(mirroredAnnotations(hipRight, "hip_bone_l", "Left hip bone (os coxae)", "pelvis"));
    models.push_back(buildSacrum(params));
    for (const std::string& level : vertebraLevels()) models.push_back(buildVertebra(params, level));
    const auto addPair = [&](const BoneModel& right, const std::string& leftId, const std::string& leftName,
                             const std::string& leftFrame) {
        models.push_back(right);
        models.push_back(mirroredAnnotations(right, leftId, leftName, leftFrame));
    };
    addPair(buildFemurRight(params), "femur_l", "Left femur", "femur_l");
    addPair(buildPatellaRight(params), "patella_l", "Left patella", "patella_l");
    addPair(buildTibiaRight(params), "tibia_l", "Left tibia", "tibia_l");
    addPair(buildFibulaRight(params), "fibula_l", "Left fibula", "tibia_l");
    for (const char* disc : {"t12_l1", "l1_l2", "l2_l3", "l3_l4", "l4_l5", "l5_s1"}) {
        auto [annulus, nucleus] = buildDisc(params, disc);
        models.push_back(annulus);
        models.push_back(nucleus);
    }
    return models;
}

}  // namespace bonegen
