// Muscle-tendon length changes of the built-in model against two published OpenSim models,
// computed here from the models' own path points and joint functions (tests/data, cited there):
// gait2392 (Delp 1990) and Rajagopal 2016. Straight segments between the active points; neither
// model's wrap objects are reproduced (see the data file's description).
//
// Set LUMBARLAB_PRINT_COMPARISON=1 to print the whole comparison and the worst rows.

#include "lumbarlab/biomech/muscle_model.h"

#include "model_dir.h"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

using namespace lumbarlab;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

using dmat4 = glm::dmat4;
using dvec3 = glm::dvec3;

/// OpenSim's SimmSpline: the Forsythe-Malcolm-Moler cubic spline (end third derivatives from the
/// cubics through the four end points), extended linearly with the end slopes.
class SimmSpline {
public:
    SimmSpline() = default;
    SimmSpline(std::vector<double> x, std::vector<double> y) : x_(std::move(x)), y_(std::move(y)) {
        const std::size_t n = x_.size();
        REQUIRE(n == y_.size());
        REQUIRE(n >= 2);
        b_.assign(n, 0.0), c_.assign(n, 0.0), d_.assign(n, 0.0);
        if (n < 4) {  // linear pieces (OpenSim does the same for two points)
            for (std::size_t i = 0; i + 1 < n; ++i) b_[i] = (y_[i + 1] - y_[i]) / (x_[i + 1] - x_[i]);
            b_[n - 1] = b_[n - 2];
            return;
        }
        const std::size_t m = n - 1;
        d_[0] = x_[1] - x_[0];
        c_[1] = (y_[1] - y_[0]) / d_[0];
        for (std::size_t i = 1; i < m; ++i) {
            d_[i] = x_[i + 1] - x_[i];
            b_[i] = 2.0 * (d_[i - 1] + d_[i]);
            c_[i + 1] = (y_[i + 1] - y_[i]) / d_[i];
            c_[i] = c_[i + 1] - c_[i];
        }
        b_[0] = -d_[0];
        b_[m] = -d_[n - 2];
        c_[0] = c_[2] / (x_[3] - x_[1]) - c_[1] / (x_[2] - x_[0]);
        c_[m] = c_[n - 2] / (x_[m] - x_[n - 3]) - c_[n - 3] / (x_[n - 2] - x_[n - 4]);
        c_[0] = c_[0] * d_[0] * d_[0] / (x_[3] - x_[0]);
        c_[m] = -c_[m] * d_[n - 2] * d_[n - 2] / (x_[m] - x_[n - 4]);
        for (std::size_t i = 1; i <= m; ++i) {
            const double t = d_[i - 1] / b_[i - 1];
            b_[i] -= t * d_[i - 1];
            c_[i] -= t * c_[i - 1];
        }
        c_[m] /= b_[m];
        for (std::size_t k = 0; k < m; ++k) {
            const std::size_t i = m - 1 - k;
            c_[i] = (c_[i] - d_[i] * c_[i + 1]) / b_[i];
        }
        b_[m] = (y_[m] - y_[n - 2]) / d_[n - 2] + d_[n - 2] * (c_[n - 2] + 2.0 * c_[m]);
        for (std::size_t i = 0; i < m; ++i) {
            b_[i] = (y_[i + 1] - y_[i]) / d_[i] - d_[i] * (c_[i + 1] + 2.0 * c_[i]);
            d_[i] = (c_[i + 1] - c_[i]) / d_[i];
            c_[i] = 3.0 * c_[i];
        }
        c_[m] = 3.0 * c_[m];
        d_[m] = d_[n - 2];
    }
    [[nodiscard]] double operator()(double u) const {
        const std::size_t n = x_.size();
        if (u <= x_[0]) return y_[0] + (u - x_[0]) * b_[0];
        if (u >= x_[n - 1]) return y_[n - 1] + (u - x_[n - 1]) * b_[n - 1];
        std::size_t i = 0;
        while (i + 2 < n && u >= x_[i + 1]) ++i;
        if (n < 4) return y_[i] + (u - x_[i]) * b_[i];
        const double dx = u - x_[i];
        return y_[i] + dx * (b_[i] + dx * (c_[i] + dx * d_[i]));
    }

private:
    std::vector<double> x_, y_, b_, c_, d_;
};

std::vector<double> numbers(const json& j, double scale = 1.0) {
    std::vector<double> out;
    for (const auto& v : j) out.push_back(v.get<double>() * scale);
    return out;
}
dvec3 vec(const json& j, double scale = 1.0) {
    return {j[0].get<double>() * scale, j[1].get<double>() * scale, j[2].get<double>() * scale};
}
dmat4 rotX(double a) {
    return glm::rotate(dmat4(1.0), a, dvec3{1, 0, 0});
}
dmat4 rotY(double a) {
    return glm::rotate(dmat4(1.0), a, dvec3{0, 1, 0});
}
dmat4 rotZ(double a) {
    return glm::rotate(dmat4(1.0), a, dvec3{0, 0, 1});
}
dmat4 shift(const dvec3& t) {
    return glm::translate(dmat4(1.0), t);
}

/// One published model: bodies placed for hip flexion and knee flexion (degrees, anatomical signs).
class ReferenceModel {
public:
    struct Point {
        std::string frame;
        dvec3 position{0.0};  // metres
        std::string coordinate;
        double min = 0.0, max = 0.0;  // degrees, anatomical sign
        bool moving = false;
        SimmSpline x, y;
        double z = 0.0;
    };
    struct Bodies {
        dmat4 femur{1.0}, tibia{1.0}, patella{1.0};
    };

    ReferenceModel(const json& doc, const std::string& name) : name_(name) {
        const json& j = doc.at("joints").at(name);
        hip_ = vec(j.at("hip_centre_mm"), 0.001);
        if (name == "gait2392") {
            tx_ = SimmSpline(numbers(j["knee_tx"]["knee_angle_rad"]), numbers(j["knee_tx"]["m"]));
            ty_ = SimmSpline(numbers(j["knee_ty"]["knee_angle_rad"]), numbers(j["knee_ty"]["m"]));
        } else {
            const auto knots = numbers(j["knots_rad"]);
            for (const char* f : {"knee_rot2_z", "knee_rot3_y", "knee_tr1_y", "knee_tr2_z", "patella_rot_z",
                                  "patella_tx", "patella_ty"})
                splines_[f] = SimmSpline(knots, numbers(j[f]));
            kneeParent_ = vec(j["knee_parent_offset_m"]);
            kneeChild_ = vec(j["knee_child_offset_m"]);
            const dvec3 a = glm::radians(vec(j["knee_frame_xyz_deg"]));
            kneeFrame_ = rotX(a.x) * rotY(a.y) * rotZ(a.z);  // body-fixed X, then Y, then Z
            patellaParent_ = vec(j["patella_parent_offset_m"]);
            patellaZ_ = j["patella_tz"].get<double>();
        }
        for (const auto& [muscle, points] : doc.at("muscles").at(name).items())
            for (const json& p : points) {
                Point q;
                q.frame = p.at("frame").get<std::string>();
                if (p.at("kind") == "MovingPathPoint") {
                    q.moving = true;
                    q.x = SimmSpline(numbers(p["knee_angle_rad"]), numbers(p["x_mm"], 0.001));
                    q.y = SimmSpline(numbers(p["knee_angle_rad"]), numbers(p["y_mm"], 0.001));
                    q.z = p["z_mm"].get<double>() * 0.001;
                } else {
                    q.position = vec(p.at("mm"), 0.001);
                }
                if (p.contains("coordinate")) {
                    q.coordinate = p["coordinate"].get<std::string>();
                    q.min = p["min_deg"].get<double>();
                    q.max = p["max_deg"].get<double>();
                }
                paths_[muscle].push_back(std::move(q));
            }
    }

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] bool has(const std::string& muscle) const { return paths_.contains(muscle); }

    /// The tibia (and patella) in the femur frame at a knee flexion angle (degrees).
    [[nodiscard]] Bodies place(double hipDeg, double kneeDeg) const {
        Bodies b;
        b.femur = shift(hip_) * rotZ(glm::radians(hipDeg));
        const double q = glm::radians(kneeDeg);
        if (name_ == "gait2392") {
            const double a = -q;  // knee_angle_r is negative in flexion
            b.tibia = b.femur * shift({tx_(a), ty_(a), 0.0}) * rotZ(a);
        } else {
            auto s = [&](const char* f) { return splines_.at(f)(q); };
            const dmat4 joint = shift({0.0, s("knee_tr1_y"), s("knee_tr2_z")}) * rotX(q) * rotZ(s("knee_rot2_z")) *
                                rotY(s("knee_rot3_y"));
            b.tibia =
                b.femur * shift(kneeParent_) * kneeFrame_ * joint * glm::transpose(kneeFrame_) * shift(-kneeChild_);
            b.patella = b.femur * shift(patellaParent_ + dvec3{s("patella_tx"), s("patella_ty"), patellaZ_}) *
                        rotZ(s("patella_rot_z"));
        }
        return b;
    }

    /// Musculotendon length (m) of one muscle at a posture, pelvis fixed.
    [[nodiscard]] double length(const std::string& muscle, double hipDeg, double kneeDeg) const {
        const Bodies b = place(hipDeg, kneeDeg);
        std::optional<dvec3> previous;
        double total = 0.0;
        for (const Point& p : paths_.at(muscle)) {
            const double value = p.coordinate == "hip_flexion" ? hipDeg : kneeDeg;
            if (!p.coordinate.empty() && (value < p.min || value > p.max)) continue;
            dvec3 local = p.position;
            if (p.moving) {
                const double a = -glm::radians(kneeDeg);
                local = {p.x(a), p.y(a), p.z};
            }
            const dmat4& frame = p.frame == "pelvis"  ? dmat4(1.0)
                                 : p.frame == "femur" ? b.femur
                                 : p.frame == "tibia" ? b.tibia
                                                      : b.patella;
            const dvec3 world(frame * glm::dvec4(local, 1.0));
            if (previous) total += glm::distance(*previous, world);
            previous = world;
        }
        return total;
    }

private:
    std::string name_;
    dvec3 hip_{0.0};
    SimmSpline tx_, ty_;
    std::map<std::string, SimmSpline> splines_;
    dvec3 kneeParent_{0.0}, kneeChild_{0.0}, patellaParent_{0.0};
    dmat4 kneeFrame_{1.0};
    double patellaZ_ = 0.0;
    std::map<std::string, std::vector<Point>> paths_;
};

/// Which of our paths stands for each compared muscle, and the models' names for it.
struct Compared {
    std::string ours;                              ///< a fascicle id, or a muscle id (mean of its fascicles)
    std::string label;                             ///< what the table calls it
    std::vector<std::string> gait2392, rajagopal;  ///< summed when several (gluteus minimus)
    bool knee = false;                             ///< crosses the knee too
};

const std::vector<Compared>& compared() {
    static const std::vector<Compared> list{
        // The models' psoas runs from the pelvis at the level of L5 (Rajagopal (-60.6, 62.0, 39.0) mm):
        // our fascicle from the L5 body is the one that runs that way; the higher fascicles add
        // lumbar length that neither model has.
        {"psoas_l5", "psoas (L5 fascicle)", {"psoas"}, {"psoas"}},
        {"iliacus", "iliacus", {"iliacus"}, {"iliacus"}},
        {"rectus_femoris", "rectus femoris", {"rect_fem"}, {"recfem"}, true},
        {"piriformis", "piriformis", {"peri"}, {"piri"}},
        {"gluteus_maximus_1", "gluteus maximus 1", {"glut_max1"}, {"glmax1"}},
        {"gluteus_maximus_2", "gluteus maximus 2", {"glut_max2"}, {"glmax2"}},
        {"gluteus_maximus_3", "gluteus maximus 3", {"glut_max3"}, {"glmax3"}},
        {"gluteus_medius_1", "gluteus medius 1", {"glut_med1"}, {"glmed1"}},
        {"gluteus_medius_2", "gluteus medius 2", {"glut_med2"}, {"glmed2"}},
        {"gluteus_medius_3", "gluteus medius 3", {"glut_med3"}, {"glmed3"}},
        {"gluteus_minimus", "gluteus minimus", {"glut_min1", "glut_min2", "glut_min3"}, {"glmin1", "glmin2", "glmin3"}},
        {"semimembranosus", "semimembranosus", {"semimem"}, {"semimem"}, true},
        {"semitendinosus", "semitendinosus", {"semiten"}, {"semiten"}, true},
        {"biceps_femoris_long", "biceps femoris long head", {"bifemlh"}, {"bflh"}, true},
    };
    return list;
}

struct Row {
    std::string muscle;
    double hip = 0.0, knee = 0.0;
    double ours = 0.0, gait2392 = 0.0, rajagopal = 0.0;  // % change against standing
    /// Distance (percentage points) from ours to the nearer model.
    [[nodiscard]] double miss() const { return std::min(std::abs(ours - gait2392), std::abs(ours - rajagopal)); }
};

struct Comparison {
    std::vector<Row> rows;
    [[nodiscard]] double within(double points) const {
        const auto n = std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return r.miss() <= points; });
        return static_cast<double>(n) / static_cast<double>(rows.size());
    }
};

fs::path dataFile() {
    return fs::path(LUMBARLAB_TEST_DATA_DIR) / "opensim_hip_thigh_paths.json";
}

json readData() {
    std::ifstream in(dataFile());
    REQUIRE(in.good());
    return json::parse(in);
}

struct Setup {
    ModelData data = loadModelData(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR);
    std::unique_ptr<MuscleModel> model =
        std::make_unique<MuscleModel>(data, loadMuscleSetFor(data, LUMBARLAB_SOURCE_ASSET_DIR));
    json doc = readData();
    ReferenceModel gait2392{doc, "gait2392"}, rajagopal{doc, "rajagopal2016"};

    /// Our change (%) for one compared muscle: the fascicle, or the mean of a muscle's fascicles.
    [[nodiscard]] double ours(const std::vector<float>& lengths, const std::string& id) const {
        const MuscleSet& set = model->set();
        double sum = 0.0, reference = 0.0;
        for (std::size_t i = 0; i < set.paths.size(); ++i) {
            const auto& p = set.paths[i];
            if (p.side != BodySide::Right) continue;
            if (p.fascicle != id && set.muscles[p.muscle].id != id) continue;
            sum += lengths[i];
            reference += model->referenceLengths()[i];
        }
        REQUIRE(reference > 0.0);
        return 100.0 * (sum - reference) / reference;
    }
};

const Setup& setup() {
    static const Setup s;
    return s;
}

double modelChange(const ReferenceModel& m, const std::vector<std::string>& names, double hip, double knee) {
    double now = 0.0, standing = 0.0;
    for (const auto& n : names) {
        REQUIRE(m.has(n));
        now += m.length(n, hip, knee);
        standing += m.length(n, 0.0, 0.0);
    }
    return 100.0 * (now - standing) / standing;
}

Comparison compare(const Setup& s) {
    const std::vector<double> hips{-20, -10, 0, 10, 20, 30, 45, 60, 75, 90, 105, 120};
    const std::vector<double> knees{0, 20, 45, 70, 90, 110, 130};
    Comparison out;
    const Coordinates standing = s.data.findPosture("neutral_standing")->at(0.0);
    for (double hip : hips)
        for (double knee : knees) {
            if (hip == 0.0 && knee == 0.0) continue;
            Coordinates v = standing;
            v["hip_flexion_r"] = hip;
            v["knee_angle_r"] = knee;
            const std::vector<float> lengths = s.model->lengthsAt(v);
            for (const Compared& c : compared()) {
                if (!c.knee && knee != 0.0) continue;  // a hip muscle: the knee changes nothing
                out.rows.push_back({c.label, hip, knee, s.ours(lengths, c.ours),
                                    modelChange(s.gait2392, c.gait2392, hip, knee),
                                    modelChange(s.rajagopal, c.rajagopal, hip, knee)});
            }
        }
    return out;
}

void print(const Comparison& c) {
    if (std::getenv("LUMBARLAB_PRINT_COMPARISON") == nullptr) return;
    std::vector<Row> rows = c.rows;
    std::cout << std::fixed << std::setprecision(1);
    std::cout << "muscle | hip | knee | ours % | gait2392 % | Rajagopal % | miss pp\n";
    for (const Row& r : rows)
        std::cout << r.muscle << " | " << r.hip << " | " << r.knee << " | " << r.ours << " | " << r.gait2392 << " | "
                  << r.rajagopal << " | " << r.miss() << "\n";
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.miss() > b.miss(); });
    std::cout << "\nworst ten\n";
    for (std::size_t i = 0; i < 10 && i < rows.size(); ++i)
        std::cout << rows[i].muscle << " | " << rows[i].hip << " | " << rows[i].knee << " | " << rows[i].ours << " | "
                  << rows[i].gait2392 << " | " << rows[i].rajagopal << " | " << rows[i].miss() << "\n";
    std::size_t disagree = 0;
    for (const Row& r : c.rows) disagree += std::abs(r.gait2392 - r.rajagopal) > 6.0 ? 1 : 0;
    std::cout << "\n"
              << c.rows.size() << " comparisons; within 6 pp of the nearer model: " << 100.0 * c.within(6.0)
              << " %; models more than 6 pp apart: " << disagree << "\n";
}

}  // namespace

TEST_CASE("opensim reference: the models' knees follow their published joint functions",
          "[model][muscles][reference]") {
    const Setup& s = setup();
    // Tibia origin in the femur frame, from opensim_knee_functions.csv (evaluated by OpenSim).
    const auto tibiaOrigin = [](const ReferenceModel& m, double knee) {
        return dvec3(m.place(0.0, knee).tibia * glm::dvec4(0, 0, 0, 1));
    };
    const dvec3 hipG(s.gait2392.place(0.0, 0.0).femur * glm::dvec4(0, 0, 0, 1));
    const dvec3 g90 = tibiaOrigin(s.gait2392, 90.0) - hipG;
    CHECK(g90.x == Approx(0.00326).margin(2e-5));
    CHECK(g90.y == Approx(-0.41399).margin(2e-5));
    const dvec3 g130 = tibiaOrigin(s.gait2392, 130.0) - hipG;
    CHECK(g130.y == Approx(-0.42528).margin(5e-5));  // beyond the last knot: extended linearly
    const dvec3 hipR(s.rajagopal.place(0.0, 0.0).femur * glm::dvec4(0, 0, 0, 1));
    const dvec3 r90 = tibiaOrigin(s.rajagopal, 90.0) - hipR;
    CHECK(r90.x == Approx(0.00126).margin(2e-5));
    CHECK(r90.y == Approx(-0.41408).margin(2e-5));
    CHECK(r90.z == Approx(-0.00279).margin(2e-5));
    const dvec3 p60 = dvec3(s.rajagopal.place(0.0, 60.0).patella * glm::dvec4(0, 0, 0, 1)) - hipR;
    CHECK(p60.x == Approx(0.00551).margin(2e-5));
    CHECK(p60.y == Approx(-0.44876).margin(2e-5));
    // Both models' psoas shorten by about a fifth from standing to 90 deg of hip flexion.
    CHECK(modelChange(s.rajagopal, {"psoas"}, 90.0, 0.0) < -15.0);
    CHECK(modelChange(s.gait2392, {"psoas"}, 90.0, 0.0) < -15.0);
}

TEST_CASE("opensim reference: 95 % of length changes within 6 points of gait2392 or Rajagopal 2016",
          "[model][muscles][reference]") {
    const Comparison c = compare(setup());
    print(c);
    REQUIRE(c.rows.size() > 400);
    INFO("within 6 pp of the nearer model: " << 100.0 * c.within(6.0) << " %");
    CHECK(c.within(6.0) >= 0.95);
    // Nothing far off anywhere: the worst are the hamstrings and lower gluteus maximus in hip flexion
    // beyond 100 deg, where ours wrap under the generated ischial tuberosity (82 mm below the hip
    // centre) and the models, which have no wrap there, pass 36-48 mm below it.
    for (const Row& r : c.rows) {
        INFO(r.muscle << " at hip " << r.hip << ", knee " << r.knee << ": ours " << r.ours << " %, gait2392 "
                      << r.gait2392 << " %, Rajagopal " << r.rajagopal << " %");
        CHECK(r.miss() < 16.0);
    }
}
