#pragma once
// Loading and validation of the cited skeleton parameter file (assets/anatomy/skeleton.json).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "lumbarlab/core/file_error.h"

namespace bonegen {

/// One required entry: dotted key and the unit its "unit" field must carry.
struct ParamSpec {
    std::string key;
    std::string unit;
};

/// The full list of keys the generator reads (used for validation before any geometry is built).
const std::vector<ParamSpec>& requiredParams();

/// Validated parameter file. Every entry is {"value": number, "unit": string, "source": string}.
// Its implicit moves may throw only where nlohmann::json's do (they do not in practice).
class SkeletonParams {  // NOLINT(bugprone-exception-escape)
public:
    /// Reads and validates the file; throws lumbarlab::FileError ("<file>: key '...' ...") on the first problem.
    static SkeletonParams load(const std::filesystem::path& file);
    /// Validates an in-memory document (the file name is only used in messages).
    static SkeletonParams fromJson(nlohmann::json document, std::string fileLabel);

    /// Numeric value of a dotted key, e.g. "femur.head_diameter".
    [[nodiscard]] double value(std::string_view dottedKey) const;
    /// Same, as float (geometry works in float millimetres).
    [[nodiscard]] float f(std::string_view dottedKey) const { return static_cast<float>(value(dottedKey)); }
    /// The raw document (for copying sources into the manifest).
    [[nodiscard]] const nlohmann::json& document() const { return document_; }
    /// Name used in messages.
    [[nodiscard]] const std::string& label() const { return label_; }

private:
    [[nodiscard]] const nlohmann::json& entry(std::string_view dottedKey) const;
    void validate() const;

    nlohmann::json document_;
    std::string label_;
};

}  // namespace bonegen
