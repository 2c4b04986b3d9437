#include "lumbarlab/view/bone_replacement.h"

#include "lumbarlab/anatomy/json_file.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace lumbarlab {

BoneReplacementRequest parseReplaceSpec(const std::string& spec) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        throw MeshSpecError("--replace '" + spec + "': expected BONE=FILE, e.g. femur_r=my_femur.stl");
    BoneReplacementRequest r;
    r.bone = spec.substr(0, eq);
    r.source = parseMeshSpec(spec.substr(eq + 1));
    r.source.origin = "--replace " + spec;
    return r;
}

std::filesystem::path landmarkSidecarPath(const std::filesystem::path& meshFile) {
    std::filesystem::path p = meshFile;
    p += ".landmarks.json";
    return p;
}

std::vector<std::pair<std::string, glm::dvec3>> loadLandmarkSidecar(const std::filesystem::path& file) {
    const nlohmann::json root = readJsonFile(file);
    for (const auto& [key, value] : root.items())
        if (key != "landmarks" && key != "description")
            throw FileError(file, "/" + key + ": unknown key (expected landmarks, description)");
    if (!root.contains("landmarks") || !root["landmarks"].is_object())
        throw FileError(file, "/landmarks: must be an object of name: [x, y, z]");
    std::vector<std::pair<std::string, glm::dvec3>> out;
    for (const auto& [name, value] : root["landmarks"].items()) {
        const std::string where = "/landmarks/" + name;
        if (!value.is_array() || value.size() != 3) throw FileError(file, where + ": must be [x, y, z]");
        glm::dvec3 p{0.0};
        for (int i = 0; i < 3; ++i) {
            if (!value[std::size_t(i)].is_number())
                throw FileError(file, where + "/" + std::to_string(i) + ": must be a number");
            p[i] = value[std::size_t(i)].get<double>();
            if (!std::isfinite(p[i])) throw FileError(file, where + "/" + std::to_string(i) + ": must be finite");
        }
        out.emplace_back(name, p);
    }
    return out;
}

BoneFit fitReplacement(const BoneDefinition& bone, const MeshData& builtIn, const MeshData& mesh,
                       const std::filesystem::path& meshFile, const glm::dmat4& toWorld, double limitMm) {
    const auto start = std::chrono::steady_clock::now();
    BoneFit fit;
    const std::filesystem::path sidecar = landmarkSidecarPath(meshFile);
    std::error_code ec;
    if (std::filesystem::exists(sidecar, ec)) {
        std::vector<glm::dvec3> from, to;
        std::string unknown;
        for (const auto& [name, p] : loadLandmarkSidecar(sidecar)) {
            const Landmark* match = nullptr;
            for (const auto& l : bone.landmarks)
                if (l.name == name) match = &l;
            if (!match) {
                unknown += (unknown.empty() ? "" : ", ") + name;
                continue;
            }
            from.emplace_back(toWorld * glm::dvec4(p, 1.0));
            to.emplace_back(match->position);
        }
        if (!unknown.empty())
            throw FileError(sidecar,
                            "no landmark named " + unknown + " on " + bone.id + " (see 'lumbarlab model --landmarks')");
        try {
            fit.transform = fitSimilarity(from, to);
        } catch (const RegistrationError& e) {
            throw FileError(sidecar, std::string("cannot fit the landmarks: ") + e.what());
        }
        fit.method = "landmarks";
        fit.landmarkPairs = from.size();
        fit.landmarkRmsMm = 1000.0 * rmsError(fit.transform, from, to);
        fit.surfaceRmsMm = 1000.0 * surfaceResidual(mesh, builtIn, fit.transform);
    } else {
        try {
            const SurfaceRegistration r = registerSurfaces(mesh, builtIn);
            fit.transform = r.transform;
            fit.surfaceRmsMm = 1000.0 * r.rmsMetres;
        } catch (const RegistrationError& e) {
            throw FileError(meshFile, std::string("cannot register onto ") + bone.id + ": " + e.what());
        }
        fit.method = "surface ICP";
    }
    fit.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!(fit.transform.scale >= kReplaceMinScale && fit.transform.scale <= kReplaceMaxScale)) {
        char line[256];
        std::snprintf(line, sizeof line,
                      "does not fit %s: the %s registration scales it by %.3g (allowed %.1f..%.1f); are its units "
                      "right (units=mm|cm|m)?",
                      bone.id.c_str(), fit.method.c_str(), fit.transform.scale, kReplaceMinScale, kReplaceMaxScale);
        throw FileError(meshFile, line);
    }
    if (!(fit.surfaceRmsMm <= limitMm)) {
        char line[256];
        std::snprintf(line, sizeof line,
                      "does not fit %s: surface residual %.2f mm RMS after %s registration exceeds the %.1f mm limit",
                      bone.id.c_str(), fit.surfaceRmsMm, fit.method.c_str(), limitMm);
        throw FileError(meshFile, line);
    }
    return fit;
}

}  // namespace lumbarlab
