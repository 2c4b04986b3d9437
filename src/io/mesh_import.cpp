#include "lumbarlab/io/mesh_import.h"

#include "lumbarlab/io/isolated_import.h"

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

namespace lumbarlab {
namespace {

constexpr std::array<std::pair<LengthUnits, std::string_view>, 4> kUnitNames{{{LengthUnits::Auto, "auto"},
                                                                              {LengthUnits::Millimetres, "mm"},
                                                                              {LengthUnits::Centimetres, "cm"},
                                                                              {LengthUnits::Metres, "m"}}};
constexpr std::array<std::pair<UpAxis, std::string_view>, 6> kUpNames{{{UpAxis::PlusY, "y"},
                                                                       {UpAxis::PlusZ, "z"},
                                                                       {UpAxis::MinusY, "-y"},
                                                                       {UpAxis::MinusZ, "-z"},
                                                                       {UpAxis::PlusX, "x"},
                                                                       {UpAxis::MinusX, "-x"}}};

std::optional<double> parseNumber(std::string_view text) {
    const std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::vector<std::string_view> split(std::string_view text, char by) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(by, start);
        out.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

glm::dmat4 rotationAbout(int axis, double degrees) {
    glm::dvec3 a{0.0};
    a[axis] = 1.0;
    return glm::rotate(glm::dmat4(1.0), glm::radians(degrees), a);
}

std::optional<glm::vec3> parseHexColour(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6) return std::nullopt;
    glm::vec3 c{0.0f};
    for (int i = 0; i < 3; ++i) {
        unsigned value = 0;
        for (int k = 0; k < 2; ++k) {
            const char ch = text[2 * std::size_t(i) + std::size_t(k)];
            const int digit = (ch >= '0' && ch <= '9')   ? ch - '0'
                              : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
                              : (ch >= 'A' && ch <= 'F') ? ch - 'A' + 10
                                                         : -1;
            if (digit < 0) return std::nullopt;
            value = value * 16 + unsigned(digit);
        }
        c[i] = float(value) / 255.0f;
    }
    return c;
}

constexpr std::array<std::string_view, 9> kSpecKeys{"units", "up", "name", "colour", "s", "rx", "ry", "rz", "t"};

bool startsOption(std::string_view rest) {
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return false;
    return std::find(kSpecKeys.begin(), kSpecKeys.end(), rest.substr(0, eq)) != kSpecKeys.end();
}

// ---- Scene files ---------------------------------------------------------------------------

using Json = nlohmann::json;

[[noreturn]] void sceneFail(const std::filesystem::path& file, const std::string& where, const std::string& problem) {
    throw FileError(file, where + ": " + problem);
}

void checkKeys(const std::filesystem::path& file, const std::string& where, const Json& object,
               std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : object.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string list;
            for (const auto k : allowed) list += (list.empty() ? "" : ", ") + std::string(k);
            sceneFail(file, where + "/" + key, "unknown key (expected one of " + list + ")");
        }
}

double finiteNumber(const std::filesystem::path& file, const std::string& where, const Json& v) {
    if (!v.is_number()) sceneFail(file, where, "must be a number");
    const double d = v.get<double>();
    if (!std::isfinite(d)) sceneFail(file, where, "must be finite");
    return d;
}

glm::dvec3 vector3(const std::filesystem::path& file, const std::string& where, const Json& v) {
    if (!v.is_array() || v.size() != 3) sceneFail(file, where, "must be an array of 3 numbers");
    return {finiteNumber(file, where + "/0", v[0]), finiteNumber(file, where + "/1", v[1]),
            finiteNumber(file, where + "/2", v[2])};
}

std::string text(const std::filesystem::path& file, const std::string& where, const Json& v) {
    if (!v.is_string()) sceneFail(file, where, "must be a string");
    return v.get<std::string>();
}

LengthUnits unitsAt(const std::filesystem::path& file, const std::string& where, const Json& v) {
    const auto u = lengthUnitsFromString(text(file, where, v));
    if (!u) sceneFail(file, where, "'" + v.get<std::string>() + "' is not one of mm, cm, m, auto");
    return *u;
}

UpAxis upAt(const std::filesystem::path& file, const std::string& where, const Json& v) {
    const auto u = upAxisFromString(text(file, where, v));
    if (!u) sceneFail(file, where, "'" + v.get<std::string>() + "' is not one of y, z, -y, -z, x, -x");
    return *u;
}

MeshSource sceneMesh(const std::filesystem::path& file, const std::string& where, const Json& m,
                     std::optional<LengthUnits> units, std::optional<UpAxis> up) {
    if (!m.is_object()) sceneFail(file, where, "must be an object");
    checkKeys(file, where, m, {"file", "name", "colour", "units", "up", "scale", "rotate_deg", "translate_m"});
    MeshSource s;
    s.origin = file.string() + ": " + where;
    if (!m.contains("file")) sceneFail(file, where + "/file", "missing (the mesh file to show)");
    const std::string name = text(file, where + "/file", m["file"]);
    if (name.empty()) sceneFail(file, where + "/file", "must not be empty");
    s.file = std::filesystem::path(name).is_absolute() ? std::filesystem::path(name) : file.parent_path() / name;
    s.units = m.contains("units") ? std::optional(unitsAt(file, where + "/units", m["units"])) : units;
    s.up = m.contains("up") ? std::optional(upAt(file, where + "/up", m["up"])) : up;
    if (m.contains("name")) s.name = text(file, where + "/name", m["name"]);
    if (m.contains("colour")) {
        const Json& c = m["colour"];
        if (c.is_string()) {
            s.colour = parseHexColour(c.get<std::string>());
            if (!s.colour) sceneFail(file, where + "/colour", "must be \"#RRGGBB\" or [r, g, b] in 0..1");
        } else {
            const glm::dvec3 rgb = vector3(file, where + "/colour", c);
            for (int i = 0; i < 3; ++i)
                if (rgb[i] < 0.0 || rgb[i] > 1.0)
                    sceneFail(file, where + "/colour/" + std::to_string(i), "must be within 0..1");
            s.colour = glm::vec3(rgb);
        }
    }
    double scale = 1.0;
    if (m.contains("scale")) {
        scale = finiteNumber(file, where + "/scale", m["scale"]);
        if (scale <= 0.0 || scale > 1e6) sceneFail(file, where + "/scale", "must be > 0 and at most 1e6");
    }
    glm::dvec3 rotate{0.0}, translate{0.0};
    if (m.contains("rotate_deg")) rotate = vector3(file, where + "/rotate_deg", m["rotate_deg"]);
    if (m.contains("translate_m")) translate = vector3(file, where + "/translate_m", m["translate_m"]);
    for (int i = 0; i < 3; ++i) {
        if (std::abs(rotate[i]) > 360.0)
            sceneFail(file, where + "/rotate_deg/" + std::to_string(i), "must be within -360..360 degrees");
        if (std::abs(translate[i]) > 1000.0)
            sceneFail(file, where + "/translate_m/" + std::to_string(i), "must be within -1000..1000 m");
    }
    // Scale, then rotations about x, y and z, then the translation.
    s.transform = glm::translate(glm::dmat4(1.0), translate) * rotationAbout(2, rotate.z) * rotationAbout(1, rotate.y) *
                  rotationAbout(0, rotate.x) * glm::scale(glm::dmat4(1.0), glm::dvec3(scale));
    return s;
}

}  // namespace

std::optional<LengthUnits> lengthUnitsFromString(std::string_view t) {
    for (const auto& [u, name] : kUnitNames)
        if (name == t) return u;
    return std::nullopt;
}

std::string_view toString(LengthUnits units) {
    for (const auto& [u, name] : kUnitNames)
        if (u == units) return name;
    return "m";
}

double metresPer(LengthUnits units) {
    switch (units) {
        case LengthUnits::Millimetres:
            return 0.001;
        case LengthUnits::Centimetres:
            return 0.01;
        case LengthUnits::Auto:
        case LengthUnits::Metres:
            return 1.0;
    }
    return 1.0;
}

std::optional<UpAxis> upAxisFromString(std::string_view t) {
    for (const auto& [u, name] : kUpNames)
        if (name == t) return u;
    return std::nullopt;
}

std::string_view toString(UpAxis up) {
    for (const auto& [u, name] : kUpNames)
        if (u == up) return name;
    return "y";
}

glm::dmat3 upRotation(UpAxis up) {
    switch (up) {
        case UpAxis::PlusY:
            return glm::dmat3(1.0);
        case UpAxis::PlusZ:
            return glm::dmat3(rotationAbout(0, -90.0));
        case UpAxis::MinusZ:
            return glm::dmat3(rotationAbout(0, 90.0));
        case UpAxis::MinusY:
            return glm::dmat3(rotationAbout(0, 180.0));
        case UpAxis::PlusX:
            return glm::dmat3(rotationAbout(2, 90.0));
        case UpAxis::MinusX:
            return glm::dmat3(rotationAbout(2, -90.0));
    }
    return glm::dmat3(1.0);
}

LengthUnits autoUnits(const Bounds& bounds) {
    const glm::vec3 size = bounds.size();
    const double extent = std::max({size.x, size.y, size.z});
    return extent > kAutoMillimetreExtent ? LengthUnits::Millimetres : LengthUnits::Metres;
}

MeshSource parseMeshSpec(const std::string& spec) {
    MeshSource s;
    s.origin = "--mesh " + spec;
    std::size_t cut = std::string::npos;
    for (std::size_t at = spec.find(':'); at != std::string::npos; at = spec.find(':', at + 1))
        if (startsOption(std::string_view(spec).substr(at + 1))) {
            cut = at;
            break;
        }
    s.file = spec.substr(0, cut);
    if (s.file.empty()) throw MeshSpecError("'" + spec + "': no file name before the options");
    if (cut == std::string::npos) return s;
    const std::string options = spec.substr(cut + 1);
    for (const std::string_view option : split(options, ':')) {
        const std::size_t eq = option.find('=');
        const std::string_view key = option.substr(0, eq);
        const std::string_view value = eq == std::string_view::npos ? std::string_view{} : option.substr(eq + 1);
        auto bad = [&](const std::string& why) {
            return MeshSpecError("'" + spec + "': option '" + std::string(option) + "': " + why);
        };
        if (eq == std::string_view::npos) throw bad("expected KEY=VALUE (units, up, name, colour, s, rx, ry, rz, t)");
        if (key == "units") {
            s.units = lengthUnitsFromString(value);
            if (!s.units) throw bad("units must be mm, cm, m or auto");
        } else if (key == "up") {
            s.up = upAxisFromString(value);
            if (!s.up) throw bad("up must be y, z, -y, -z, x or -x");
        } else if (key == "name") {
            if (value.empty()) throw bad("the name is empty");
            s.name = std::string(value);
        } else if (key == "colour") {
            s.colour = parseHexColour(value);
            if (!s.colour) throw bad("colour must be RRGGBB in hex, e.g. d9c7a0");
        } else if (key == "s") {
            const auto k = parseNumber(value);
            if (!k || *k <= 0.0 || *k > 1e6) throw bad("scale must be a number > 0 and at most 1e6");
            s.transform = glm::scale(glm::dmat4(1.0), glm::dvec3(*k)) * s.transform;
        } else if (key == "rx" || key == "ry" || key == "rz") {
            const auto deg = parseNumber(value);
            if (!deg || std::abs(*deg) > 360.0) throw bad("rotation must be degrees within -360..360");
            s.transform = rotationAbout(key[1] - 'x', *deg) * s.transform;
        } else if (key == "t") {
            const auto parts = split(value, ',');
            glm::dvec3 t{0.0};
            bool ok = parts.size() == 3;
            for (std::size_t i = 0; ok && i < 3; ++i) {
                const auto v = parseNumber(parts[i]);
                ok = v && std::abs(*v) <= 1000.0;
                if (ok) t[int(i)] = *v;
            }
            if (!ok) throw bad("translation must be X,Y,Z in metres, each within -1000..1000");
            s.transform = glm::translate(glm::dmat4(1.0), t) * s.transform;
        } else {
            throw bad("unknown option");
        }
    }
    return s;
}

std::vector<MeshSource> loadSceneFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw FileError(file, "cannot open the scene file");
    Json root;
    try {
        root = Json::parse(in);
    } catch (const Json::exception& e) {
        throw FileError(file, std::string("malformed JSON: ") + e.what());
    }
    if (!root.is_object()) sceneFail(file, "/", "must be a JSON object with a \"meshes\" array");
    checkKeys(file, "", root, {"format", "description", "units", "up", "meshes"});
    if (root.contains("format") && root["format"] != "lumbarlab-scene/1")
        sceneFail(file, "/format", "must be \"lumbarlab-scene/1\"");
    std::optional<LengthUnits> units;
    std::optional<UpAxis> up;
    if (root.contains("units")) units = unitsAt(file, "/units", root["units"]);
    if (root.contains("up")) up = upAt(file, "/up", root["up"]);
    if (!root.contains("meshes")) sceneFail(file, "/meshes", "missing (an array of meshes)");
    const Json& meshes = root["meshes"];
    if (!meshes.is_array() || meshes.empty()) sceneFail(file, "/meshes", "must be a non-empty array");
    std::vector<MeshSource> out;
    std::set<std::string> names;
    for (std::size_t i = 0; i < meshes.size(); ++i) {
        const std::string where = "/meshes/" + std::to_string(i);
        out.push_back(sceneMesh(file, where, meshes[i], units, up));
        if (!out.back().name.empty() && !names.insert(out.back().name).second)
            sceneFail(file, where + "/name", "'" + out.back().name + "' is used twice");
    }
    return out;
}

void transformMesh(MeshData& mesh, const glm::dmat4& m) {
    const glm::dmat3 normalMatrix = glm::inverseTranspose(glm::dmat3(m));
    for (auto& p : mesh.positions) p = glm::vec3(m * glm::dvec4(glm::dvec3(p), 1.0));
    for (auto& n : mesh.normals) {
        const glm::dvec3 t = normalMatrix * glm::dvec3(n);
        const double len = glm::length(t);
        n = len > 0.0 ? glm::vec3(t / len) : glm::vec3(0.0f, 1.0f, 0.0f);
    }
    if (glm::determinant(glm::dmat3(m)) < 0.0)  // a mirror turns the faces inside out: keep them facing out
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
            std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
}

ImportedMesh importMesh(const MeshSource& source, LengthUnits units, UpAxis up, std::chrono::milliseconds timeout) {
    ImportedMesh out;
    out.mesh = loadMeshIsolated(source.file, timeout);
    for (const auto& p : out.mesh.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            throw FileError(source.file, "has a vertex that is not a finite number");
    const Bounds bounds = out.mesh.bounds();
    const glm::vec3 size = bounds.size();
    out.extentInFileUnits = std::max({size.x, size.y, size.z});
    if (!(out.extentInFileUnits > 0.0)) throw FileError(source.file, "has no extent (every vertex in one point)");
    out.units = source.units.value_or(units);
    if (out.units == LengthUnits::Auto) {
        out.units = autoUnits(bounds);
        out.unitsWereAuto = true;
    }
    const glm::dmat4 toWorld = source.transform * glm::dmat4(upRotation(source.up.value_or(up))) *
                               glm::scale(glm::dmat4(1.0), glm::dvec3(metresPer(out.units)));
    transformMesh(out.mesh, toWorld);
    out.toWorld = toWorld;
    out.mesh.name = source.name.empty() ? source.file.stem().string() : source.name;
    return out;
}

std::string describeAutoUnits(const MeshSource& source, const ImportedMesh& imported) {
    char line[512];
    std::snprintf(line, sizeof line, "%s: units auto -> %s (largest extent %.4g in the file; give units to override)",
                  source.file.filename().c_str(), std::string(toString(imported.units)).c_str(),
                  imported.extentInFileUnits);
    return line;
}

}  // namespace lumbarlab
