// The A | B diff: muscles paired by id and side, ranked by the size of the difference in length
// change, disc pressures per level; CSV and JSON carry the same numbers.

#include "lumbarlab/view/compare.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace lumbarlab;

namespace {

PostureFigures figures(const std::string& id, std::vector<MuscleFigure> muscles, double l4l5) {
    PostureFigures f;
    f.posture = id;
    f.name = id + " name";
    f.muscles = std::move(muscles);
    f.pressureMpa = {0.1, 0.2, 0.3, 0.4, l4l5, 0.6};
    return f;
}

}  // namespace

TEST_CASE("compare: muscles ranked by |A - B|, discs per level", "[unit][compare]") {
    const PostureFigures a = figures("sitting",
                                     {{"psoas", "right", "Psoas major", 0.20, -8.0},
                                      {"psoas", "left", "Psoas major", 0.20, -7.5},
                                      {"hamstring", "right", "Hamstring", 0.40, 6.0},
                                      {"gluteus", "right", "Gluteus", 0.10, 1.0},
                                      {"only_in_a", "right", "Only A", 0.10, 50.0}},
                                     0.55);
    const PostureFigures b = figures("standing",
                                     {{"gluteus", "right", "Gluteus", 0.10, 0.0},
                                      {"hamstring", "right", "Hamstring", 0.40, -3.0},
                                      {"psoas", "left", "Psoas major", 0.20, 0.5},
                                      {"psoas", "right", "Psoas major", 0.20, 0.0}},
                                     0.50);
    const PostureComparison c = comparePostureFigures(a, b, "neutral_standing");
    CHECK(c.a == "sitting");
    CHECK(c.nameB == "standing name");
    REQUIRE(c.muscles.size() == 4);  // "only_in_a" has no partner
    CHECK(c.muscles[0].muscle == "hamstring");
    CHECK(c.muscles[0].differencePct == Approx(9.0));
    // psoas right (-8) and left (-8): a tie, right first
    CHECK(c.muscles[1].muscle == "psoas");
    CHECK(c.muscles[1].side == "right");
    CHECK(c.muscles[1].differencePct == Approx(-8.0));
    CHECK(c.muscles[2].side == "left");
    CHECK(c.muscles[2].changeB == Approx(0.5));
    CHECK(c.muscles[3].muscle == "gluteus");
    REQUIRE(c.discs.size() == 6);
    CHECK(c.discs[4].level == "l4_l5");
    CHECK(c.discs[4].pressureA == Approx(0.55));
    CHECK(c.discs[4].differenceMpa == Approx(0.05));
    CHECK(c.discs[0].differenceMpa == Approx(0.0));

    const std::string csv = comparisonCsv(c);
    CHECK(csv.rfind("rank,muscle,side,change_a_pct,change_b_pct,difference_pct\n1,hamstring,right,6.00,-3.00,9.00\n",
                    0) == 0);
    CHECK(csv.find("l4_l5,0.550,0.500,0.050\n") != std::string::npos);
    CHECK(csv.find("t12_l1,0.100,0.100,0.000\n") != std::string::npos);  // never "-0.000"
    CHECK(csv.find("-0.0") == std::string::npos);
    const auto json = nlohmann::json::parse(comparisonJson(c));
    CHECK(json["a"]["posture"] == "sitting");
    CHECK(json["muscles"].size() == 4);
    CHECK(json["muscles"][0]["difference_pct"].get<double>() == Approx(9.0));
    CHECK(json["discs"][4]["pressure_b_mpa"].get<double>() == Approx(0.50));
}
