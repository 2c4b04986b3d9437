#include "lumbarlab/anatomy/pose_player.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace lumbarlab {

void PosePlayer::setPosture(const Posture& posture, double blendSeconds) {
    blendFrom_ = values();  // from wherever the body is now, overrides included
    posture_ = posture;
    elapsed_ = 0.0;
    blendDuration_ = std::max(blendSeconds, 0.0);
    blendElapsed_ = 0.0;
    playing_ = true;
    overrides_.clear();
    ++revision_;
}

void PosePlayer::update(double dt) {
    dt = std::max(dt, 0.0);
    bool changed = false;
    if (blendElapsed_ < blendDuration_) {
        // The blend runs in wall time: a slow-motion replay should not make switching sluggish.
        blendElapsed_ = std::min(blendElapsed_ + dt, blendDuration_);
        changed = true;
    } else if (playing_ && posture_ && posture_->isMotion()) {
        elapsed_ += dt * speed_;
        if (!loop_ && elapsed_ >= posture_->duration) {
            elapsed_ = posture_->duration;
            playing_ = false;
        }
        changed = true;
    } else if (playing_ && posture_) {
        elapsed_ += dt;  // static posture: the hold timer still runs
    }
    if (changed) ++revision_;
}

void PosePlayer::seek(double seconds) {
    if (!posture_) return;
    elapsed_ = std::clamp(seconds, 0.0, std::max(posture_->duration, 0.0));
    blendElapsed_ = blendDuration_;
    ++revision_;
}

void PosePlayer::setSpeed(double speed) {
    speed_ = std::clamp(speed, 0.25, 2.0);
}

double PosePlayer::time() const {
    if (!posture_ || !posture_->isMotion() || posture_->duration <= 0.0) return 0.0;
    return loop_ ? std::fmod(elapsed_, posture_->duration) : std::min(elapsed_, posture_->duration);
}

int PosePlayer::repetitions() const {
    if (!posture_ || !posture_->isMotion() || posture_->duration <= 0.0 || !loop_) return 0;
    return int(std::floor(elapsed_ / posture_->duration));
}

Coordinates PosePlayer::postureValues() const {
    if (!posture_) return {};
    return posture_->at(posture_->isMotion() ? time() : 0.0);
}

Coordinates PosePlayer::values() const {
    Coordinates target = postureValues();
    if (blendElapsed_ < blendDuration_ && blendDuration_ > 0.0) {
        double t = blendElapsed_ / blendDuration_;
        t = t * t * (3.0 - 2.0 * t);
        std::set<std::string> names;
        for (const auto& [n, v] : target) names.insert(n);
        for (const auto& [n, v] : blendFrom_) names.insert(n);
        Coordinates blended;
        for (const auto& n : names) {
            const double a = blendFrom_.contains(n) ? blendFrom_.at(n) : 0.0;
            const double b = target.contains(n) ? target.at(n) : 0.0;
            blended[n] = a + (b - a) * t;
        }
        target = std::move(blended);
    }
    for (const auto& [n, v] : overrides_) target[n] = v;
    return target;
}

}  // namespace lumbarlab
