#include "scratch_dir.h"
// The layer rules, checked on the sources themselves: every #include in src/ and include/ is read and
// compared with one table of which layer may use which. A violation prints as
//   src/scene/camera.cpp:4: includes "lumbarlab/ui/panels.h" (layer scene may not use layer ui)

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// What each layer may include directly, lowest first. The order is
//   core < {anatomy, io, scene};  anatomy < biomech;  biomech, scene, io < view;  scene, io < render;
//   view, render < ui;  everything < app
// and a layer may also use whatever the layers it uses may (the closure is taken below).
// `view` sits between the pure model and the GL/ImGui layers: it turns model state into scene data.
const std::map<std::string, std::set<std::string>> kDirectUses{
    {"core", {}},
    {"anatomy", {"core"}},
    {"io", {"core"}},
    {"scene", {"core"}},
    {"biomech", {"anatomy"}},
    {"view", {"biomech", "scene", "io"}},
    {"render", {"scene", "io"}},
    {"ui", {"view", "render"}},
    {"app", {"core", "anatomy", "io", "scene", "biomech", "view", "render", "ui"}},
};

// Third-party headers that only some layers may see: the include path's first component, and who may.
struct ExternalRule {
    std::string prefix;  ///< matched against the start of the include path
    std::string what;    ///< how the violation names it
    std::set<std::string> allowed;
};
const std::vector<ExternalRule> kExternalRules{
    {"epoxy/", "OpenGL", {"render", "ui", "app"}},
    {"GL/", "OpenGL", {"render", "ui", "app"}},
    {"EGL/", "OpenGL", {"render", "ui", "app"}},
    {"imgui", "ImGui", {"ui", "app"}},
    {"GLFW/", "GLFW", {"ui", "app"}},  // ui: only for the ImGui GLFW backend
};

std::map<std::string, std::set<std::string>> allowedUses() {
    auto uses = kDirectUses;
    for (bool grew = true; grew;) {
        grew = false;
        for (auto& [layer, set] : uses) {
            const std::set<std::string> before = set;
            for (const std::string& used : before) {
                for (const std::string& deeper : uses.at(used)) grew |= set.insert(deeper).second;
            }
        }
    }
    for (auto& [layer, set] : uses) set.insert(layer);
    return uses;
}

struct SourceFile {
    fs::path path;      ///< absolute
    std::string shown;  ///< relative to the source dir, as printed
    std::string layer;  ///< src/<layer>/... or include/lumbarlab/<layer>/...
};

std::vector<SourceFile> projectSources(const fs::path& root) {
    std::vector<SourceFile> files;
    for (const char* top : {"src", "include/lumbarlab"}) {
        const fs::path base = root / top;
        if (!fs::is_directory(base)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(base)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h" && ext != ".hpp")) continue;
            const fs::path rel = fs::relative(entry.path(), base);
            if (std::distance(rel.begin(), rel.end()) < 2) continue;  // not inside a layer folder
            files.push_back({entry.path(), fs::relative(entry.path(), root).generic_string(), rel.begin()->string()});
        }
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.shown < b.shown; });
    return files;
}

/// Every rule the file breaks, one line each.
std::vector<std::string> violations(const SourceFile& file, const std::map<std::string, std::set<std::string>>& uses) {
    static const std::regex includeLine(R"(^\s*#\s*include\s*([<"])([^">]+)[">])");
    std::vector<std::string> found;
    std::ifstream in(file.path);
    std::string line;
    int lineNo = 0;
    const auto report = [&](const std::string& quoted, const std::string& why) {
        found.push_back(file.shown + ":" + std::to_string(lineNo) + ": includes " + quoted + " (" + why + ")");
    };
    const auto mayUse = [&](const std::string& other) {
        const auto it = uses.find(file.layer);
        return it != uses.end() && it->second.count(other) > 0;
    };
    while (std::getline(in, line)) {
        ++lineNo;
        std::smatch m;
        if (!std::regex_search(line, m, includeLine)) continue;
        const std::string target = m[2].str();
        const std::string quoted = m[1].str() == "<" ? "<" + target + ">" : "\"" + target + "\"";
        const std::string first = target.substr(0, target.find('/'));
        const bool nested = target.find('/') != std::string::npos;

        if (m[1].str() == "\"" && first == "lumbarlab" && nested) {
            // A public header: "lumbarlab/<layer>/x.h".
            const std::string rest = target.substr(first.size() + 1);
            const std::string other = rest.substr(0, rest.find('/'));
            if (uses.count(other) == 0)
                report(quoted, "no layer " + other + " in the layer table");
            else if (!mayUse(other))
                report(quoted, "layer " + file.layer + " may not use layer " + other);
            continue;
        }
        if (m[1].str() == "\"" && nested && uses.count(first) > 0) {
            // "<layer>/x.h": a header private to that layer, reachable only through src/ on the path.
            if (first != file.layer)
                report(quoted, "layer " + file.layer + " may not use layer " + first + "'s private headers");
            continue;
        }
        for (const ExternalRule& rule : kExternalRules) {
            if (target.rfind(rule.prefix, 0) == 0 && rule.allowed.count(file.layer) == 0)
                report(quoted, "layer " + file.layer + " may not use " + rule.what);
        }
    }
    return found;
}

std::string joined(const std::vector<std::string>& lines) {
    std::ostringstream out;
    for (const std::string& l : lines) out << l << '\n';
    return out.str();
}

}  // namespace

TEST_CASE("layers: the table is complete and only points down", "[layers]") {
    const auto uses = allowedUses();
    for (const auto& [layer, direct] : kDirectUses) {
        for (const std::string& used : direct) {
            INFO(layer << " uses " << used);
            REQUIRE(kDirectUses.count(used) == 1);
            CHECK(uses.at(used).count(layer) == 0);  // no cycles
        }
    }
    CHECK(uses.at("ui").count("anatomy") == 1);  // through view and biomech
    CHECK(uses.at("view").count("render") == 0);
    CHECK(uses.at("render").count("anatomy") == 0);
}

TEST_CASE("layers: no include in src/ or include/ points up the layer order", "[layers]") {
    const fs::path root = LUMBARLAB_SOURCE_DIR;
    const auto files = projectSources(root);
    REQUIRE(files.size() > 20);  // the walk found the sources, not an empty folder

    const auto uses = allowedUses();
    std::vector<std::string> found;
    for (const SourceFile& file : files) {
        if (uses.count(file.layer) == 0) {
            found.push_back(file.shown + ":1: is in folder " + file.layer + ", which the layer table does not know");
            continue;
        }
        for (std::string& v : violations(file, uses)) found.push_back(std::move(v));
    }
    INFO(joined(found));
    CHECK(found.empty());
}

TEST_CASE("layers: the checker itself reports each kind of violation", "[layers]") {
    const fs::path dir = processScratchDir("lumbarlab_layers");
    fs::create_directories(dir);
    const fs::path file = dir / "probe.cpp";
    {
        std::ofstream out(file);
        out << "#include \"lumbarlab/core/mesh.h\"\n"        // fine
               "#include \"lumbarlab/render/renderer.h\"\n"  // up
               "#include \"app/cli.h\"\n"                    // private header of another layer
               "#include \"probe_private.h\"\n"              // beside the file: fine
               "  #  include <epoxy/gl.h>\n"                 // GL outside render/ui/app
               "#include <imgui.h>\n"                        // ImGui outside ui/app
               "#include <GLFW/glfw3.h>\n"                   // GLFW outside app
               "#include <vector>\n";
    }
    const auto found = violations({file, "src/scene/probe.cpp", "scene"}, allowedUses());
    fs::remove_all(dir);
    INFO(joined(found));
    REQUIRE(found.size() == 5);
    CHECK(found[0] ==
          "src/scene/probe.cpp:2: includes \"lumbarlab/render/renderer.h\" (layer scene may not use layer render)");
    CHECK(found[1] ==
          "src/scene/probe.cpp:3: includes \"app/cli.h\" (layer scene may not use layer app's private "
          "headers)");
    CHECK(found[2] == "src/scene/probe.cpp:5: includes <epoxy/gl.h> (layer scene may not use OpenGL)");
    CHECK(found[3] == "src/scene/probe.cpp:6: includes <imgui.h> (layer scene may not use ImGui)");
    CHECK(found[4] == "src/scene/probe.cpp:7: includes <GLFW/glfw3.h> (layer scene may not use GLFW)");
}
