// Deliberate defects for tests/lint/check_tidy_catches.sh: clang-tidy with the repository's
// .clang-tidy must report each line marked "expect:" with the check named there. Never compiled
// into a target; the lint step skips it (it is in no compile_commands.json).

#include <string>
#include <utility>
#include <vector>

namespace planted {

struct Bone {
    std::string name;
    std::vector<float> landmarks;
};

std::size_t useAfterMove(std::vector<Bone>& out, Bone bone) {
    out.push_back(std::move(bone));
    return bone.landmarks.size();  // expect: bugprone-use-after-move
}

int narrowedCount(const std::vector<Bone>& bones) {
    int count = 0;
    count += bones.size();  // expect: bugprone-narrowing-conversions
    return count;
}

std::size_t copiedInLoop(const std::vector<Bone>& bones) {
    std::size_t total = 0;
    for (const auto bone : bones) total += bone.landmarks.size();  // expect: performance-for-range-copy
    return total;
}

}  // namespace planted
