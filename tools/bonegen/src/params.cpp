#include "params.hpp"

#include "lumbarlab/anatomy/json_checked.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

namespace bonegen {

namespace {

std::vector<ParamSpec> buildSchema() {
    std::vector<ParamSpec> specs;
    const auto add = [&](const std::string& section, std::initializer_list<std::pair<const char*, const char*>> keys) {
        for (const auto& [key, unit] : keys) specs.push_back({section + "." + key, unit});
    };
    add("pelvis", {{"inter_asis_width", "mm"},
                   {"inter_aiis_width", "mm"},
                   {"hip_centre_x", "mm"},
                   {"hip_centre_y", "mm"},
                   {"inter_hip_centre_width", "mm"},
                   {"acetabulum_width", "mm"},
                   {"acetabular_inclination", "deg"},
                   {"acetabular_anteversion", "deg"},
                   {"acetabular_depth", "mm"},
                   {"hip_joint_space", "mm"},
                   {"iliac_crest_height", "mm"},
                   {"intercristal_width", "mm"},
                   {"asis_to_psis_depth", "mm"},
                   {"inter_psis_width", "mm"},
                   {"ischial_tuberosity_height", "mm"},
                   {"pubic_symphysis_height", "mm"},
                   {"sacroiliac_joint_space", "mm"},
                   {"sacroiliac_joint_axial_angle", "deg"},
                   {"true_conjugate", "mm"},
                   {"inlet_transverse_diameter", "mm"},
                   {"interspinous_distance", "mm"},
                   {"greater_sciatic_notch_width", "mm"}});
    add("sacrum", {{"pelvic_incidence", "deg"},
                   {"sacral_slope", "deg"},
                   {"sacrofemoral_distance", "mm"},
                   {"s1_body_width", "mm"},
                   {"s1_endplate_depth", "mm"},
                   {"sacral_height", "mm"},
                   {"sacral_width", "mm"},
                   {"inter_auricular_width", "mm"},
                   {"auricular_height", "mm"},
                   {"coccyx_length", "mm"}});
    for (const char* level : {"t12", "l1", "l2", "l3", "l4", "l5"})
        add(std::string("vertebrae.") + level, {{"body_posterior_height", "mm"},
                                                {"endplate_width", "mm"},
                                                {"endplate_depth", "mm"},
                                                {"canal_width", "mm"},
                                                {"canal_depth", "mm"},
                                                {"pedicle_width", "mm"},
                                                {"pedicle_height", "mm"},
                                                {"transverse_process_length", "mm"},
                                                {"spinous_process_length", "mm"},
                                                {"spinous_process_height", "mm"},
                                                {"superior_facet_angle", "deg"}});
    add("vertebrae.t12", {{"rib_length", "mm"}});
    for (const char* level : {"t12_l1", "l1_l2", "l2_l3", "l3_l4", "l4_l5", "l5_s1"})
        add(std::string("discs.") + level, {{"anterior_height", "mm"}, {"posterior_height", "mm"}, {"depth", "mm"}});
    add("discs.nucleus", {{"ap_fraction", "ratio"}, {"height_to_length", "ratio"}, {"centroid_offset", "mm"}});
    add("femur", {{"length", "mm"},
                  {"head_diameter", "mm"},
                  {"neck_shaft_angle", "deg"},
                  {"anteversion", "deg"},
                  {"femoral_offset", "mm"},
                  {"shaft_diameter", "mm"},
                  {"anterior_bow", "mm"},
                  {"epicondylar_width", "mm"},
                  {"condyle_radius", "mm"},
                  {"trochlear_groove_radius", "mm"},
                  {"sulcus_angle", "deg"}});
    add("patella",
        {{"height", "mm"}, {"width", "mm"}, {"thickness", "mm"}, {"cartilage_gap", "mm"}, {"rest_angle", "deg"}});
    add("tibia", {{"length", "mm"},
                  {"plateau_width", "mm"},
                  {"plateau_depth", "mm"},
                  {"shaft_diameter", "mm"},
                  {"tibiofemoral_gap", "mm"}});
    add("fibula", {{"length", "mm"}, {"shaft_diameter", "mm"}, {"tibiofibular_gap", "mm"}});
    add("mesh", {{"voxel_large", "mm"}, {"voxel_medium", "mm"}, {"voxel_small", "mm"}});
    return specs;
}

std::vector<std::string> splitKey(std::string_view dottedKey) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = dottedKey.find('.', start);
        parts.emplace_back(dottedKey.substr(start, dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

}  // namespace

const std::vector<ParamSpec>& requiredParams() {
    static const std::vector<ParamSpec> schema = buildSchema();
    return schema;
}

SkeletonParams SkeletonParams::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw lumbarlab::FileError(file, "cannot open the parameter file");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // Syntax errors, numbers too large for a double (1e999) and repeated keys, naming the file.
    return fromJson(lumbarlab::parseJsonText(text, file), file.string());
}

SkeletonParams SkeletonParams::fromJson(nlohmann::json document, std::string fileLabel) {
    SkeletonParams params;
    params.document_ = std::move(document);
    params.label_ = std::move(fileLabel);
    params.validate();
    return params;
}

const nlohmann::json& SkeletonParams::entry(std::string_view dottedKey) const {
    const nlohmann::json* node = &document_;
    for (const std::string& part : splitKey(dottedKey)) {
        if (!node->is_object() || !node->contains(part))
            throw lumbarlab::FileError(label_, "key '" + std::string(dottedKey) + "' is missing");
        node = &(*node)[part];
    }
    return *node;
}

double SkeletonParams::value(std::string_view dottedKey) const {
    const nlohmann::json& e = entry(dottedKey);
    if (!e.is_object() || !e.contains("value") || !e["value"].is_number())
        throw lumbarlab::FileError(label_, "key '" + std::string(dottedKey) + "' needs a numeric \"value\"");
    return e["value"].get<double>();
}

void SkeletonParams::validate() const {
    if (!document_.is_object()) throw lumbarlab::FileError(label_, "the top level must be a JSON object");
    for (const ParamSpec& spec : requiredParams()) {
        const nlohmann::json& e = entry(spec.key);
        const std::string where = "key '" + spec.key + "'";
        if (!e.is_object()) throw lumbarlab::FileError(label_, where + " must be an object {value, unit, source}");
        if (!e.contains("value") || !e["value"].is_number())
            throw lumbarlab::FileError(label_, where + " needs a numeric \"value\"");
        if (!e.contains("unit") || !e["unit"].is_string())
            throw lumbarlab::FileError(label_, where + " needs a string \"unit\"");
        if (e["unit"].get<std::string>() != spec.unit)
            throw lumbarlab::FileError(
                label_, where + " has unit '" + e["unit"].get<std::string>() + "', expected '" + spec.unit + "'");
        if (!e.contains("source") || !e["source"].is_string() || e["source"].get<std::string>().empty())
            throw lumbarlab::FileError(label_, where + " needs a non-empty string \"source\"");
        const double v = e["value"].get<double>();
        if (spec.unit == "mm" && spec.key.find("hip_centre") == std::string::npos &&
            spec.key.find("centroid_offset") == std::string::npos && !(v > 0.0))
            throw lumbarlab::FileError(label_, where + " must be positive (got " + std::to_string(v) + ")");
        // Physical ranges: bone sizes within a metre, angles within half a turn, ratios within 0-1,
        // and voxels no finer than 0.2 mm (finer ones would take hours and gigabytes to mesh).
        const bool voxel = spec.key.rfind("mesh.voxel", 0) == 0;
        const double limit = spec.unit == "mm" ? (voxel ? 5.0 : 1000.0) : spec.unit == "deg" ? 180.0 : 1.0;
        if (std::abs(v) > limit || (spec.unit == "ratio" && !(v > 0.0)) || (voxel && v < 0.2))
            throw lumbarlab::FileError(
                label_, where + " is " + std::to_string(v) + " " + spec.unit + ", outside its physical range");
    }
}

}  // namespace bonegen
