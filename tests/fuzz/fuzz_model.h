#pragma once
// The built-in model, loaded once from the shipped data, for targets whose files refer into it
// (muscles name bones and coordinates, posture keys name postures, the disc model needs a body).

#include "lumbarlab/anatomy/model_data.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace lumbarlab::fuzz {

inline const ModelData& shippedModel() {
    static const ModelData data = [] {
        try {
            return loadModelData(LUMBARLAB_FUZZ_MODEL_DIR, LUMBARLAB_FUZZ_ASSET_DIR);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "fuzz: cannot load the shipped model: %s\n", e.what());
            std::exit(2);
        }
    }();
    return data;
}

}  // namespace lumbarlab::fuzz
