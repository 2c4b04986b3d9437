#pragma once
// The generated built-in model, loaded once per test process and shared by the model tests.

#include "lumbarlab/anatomy/model_data.h"
#include "model_dir.h"

inline const lumbarlab::ModelData& builtinModel() {
    static const lumbarlab::ModelData data = lumbarlab::loadModelData(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR);
    return data;
}
