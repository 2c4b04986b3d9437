#pragma once
// Checked reads from a JSON data file. A JsonValue is a node of a parsed file together with its file
// name and JSON pointer; every accessor checks the type (and, for numbers, that the value is finite
// and within its physical range), so any defect becomes one FileError:
//   assets/muscles/muscles.json: /muscles/3/fascicles/0/offset_mm/1: must be a finite number, got string

#include "lumbarlab/core/file_error.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace lumbarlab {

/// The interval a number read from a file must lie in; open ends exclude the bound.
struct NumberRange {
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool minOpen = false;
    bool maxOpen = false;

    [[nodiscard]] bool contains(double v) const {
        return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
    }
    /// "> 0", "between 0 and 1", "<= 10": what the error message says a value must be.
    [[nodiscard]] std::string describe() const;

    /// Any value in [lo, hi].
    static NumberRange between(double lo, double hi) { return {lo, hi, false, false}; }
    /// A length, area, mass or count that cannot be zero: (0, hi].
    static NumberRange positive(double hi = std::numeric_limits<double>::infinity()) { return {0.0, hi, true, false}; }
    /// A mass, tone or rate that may be zero: [0, hi].
    static NumberRange nonNegative(double hi = std::numeric_limits<double>::infinity()) {
        return {0.0, hi, false, false};
    }
    /// A fraction or share: [0, 1].
    static NumberRange fraction() { return {0.0, 1.0, false, false}; }
};

/// "/muscles/3/name": a JSON pointer (RFC 6901) with one more reference token.
[[nodiscard]] std::string jsonPointerChild(const std::string& pointer, std::string_view token);

/// Parses `text` (the contents of `file`). Syntax errors keep nlohmann's line and column; a number
/// too large for a double (1e999) names its JSON pointer. Throws FileError naming `file`.
[[nodiscard]] nlohmann::json parseJsonText(std::string_view text, const std::filesystem::path& file);
[[nodiscard]] nlohmann::ordered_json parseOrderedJsonText(std::string_view text, const std::filesystem::path& file);

/// The whole file as bytes; FileError "cannot open" when it cannot be read.
[[nodiscard]] std::string readTextFile(const std::filesystem::path& file);

/// A node of a parsed data file with its file and JSON pointer, for checked reads.
template <typename Json = nlohmann::json>
class JsonValue {
public:
    JsonValue(const std::filesystem::path& file, const Json& node, std::string pointer = {})
        : file_(&file), node_(&node), pointer_(std::move(pointer)) {}

    [[nodiscard]] const Json& json() const { return *node_; }
    [[nodiscard]] const std::filesystem::path& file() const { return *file_; }
    /// The JSON pointer of this node ("" for the document itself).
    [[nodiscard]] const std::string& pointer() const { return pointer_; }

    /// Throws "<file>: <pointer>: <problem>".
    [[noreturn]] void fail(const std::string& problem) const {
        throw FileError(*file_, pointer_.empty() ? problem : pointer_ + ": " + problem);
    }

    [[nodiscard]] bool isObject() const { return node_->is_object(); }
    [[nodiscard]] bool isArray() const { return node_->is_array(); }
    [[nodiscard]] bool isString() const { return node_->is_string(); }
    [[nodiscard]] bool isNumber() const { return node_->is_number(); }

    /// Fails unless this is an object.
    const JsonValue& requireObject() const {
        if (!node_->is_object()) fail(std::string("must be an object, got ") + node_->type_name());
        return *this;
    }
    /// Fails unless this is an array of at least `minSize` elements.
    const JsonValue& requireArray(std::size_t minSize = 0) const {
        if (!node_->is_array()) fail(std::string("must be a list, got ") + node_->type_name());
        if (node_->size() < minSize)
            fail("must list at least " + std::to_string(minSize) + (minSize == 1 ? " entry" : " entries"));
        return *this;
    }

    /// True if this is an object with `key`.
    [[nodiscard]] bool has(std::string_view key) const {
        return node_->is_object() && node_->find(std::string(key)) != node_->end();
    }
    /// The member `key`; fails if this is not an object or has no such member.
    [[nodiscard]] JsonValue operator[](std::string_view key) const {
        requireObject();
        const auto it = node_->find(std::string(key));
        if (it == node_->end()) fail("missing \"" + std::string(key) + "\"");
        return {*file_, *it, jsonPointerChild(pointer_, key)};
    }
    /// The member `key` if present (this must be an object).
    [[nodiscard]] std::optional<JsonValue> find(std::string_view key) const {
        requireObject();
        const auto it = node_->find(std::string(key));
        if (it == node_->end()) return std::nullopt;
        return JsonValue{*file_, *it, jsonPointerChild(pointer_, key)};
    }
    /// Element `i` of an array.
    [[nodiscard]] JsonValue operator[](std::size_t i) const {
        requireArray();
        if (i >= node_->size()) fail("has no element " + std::to_string(i));
        return {*file_, (*node_)[i], jsonPointerChild(pointer_, std::to_string(i))};
    }
    /// The number of elements of an array.
    [[nodiscard]] std::size_t size() const {
        requireArray();
        return node_->size();
    }
    /// An object's members in the file's order (ordered_json) or by key (json).
    [[nodiscard]] std::vector<std::pair<std::string, JsonValue>> members() const {
        requireObject();
        std::vector<std::pair<std::string, JsonValue>> out;
        for (auto it = node_->begin(); it != node_->end(); ++it)
            out.emplace_back(it.key(), JsonValue{*file_, it.value(), jsonPointerChild(pointer_, it.key())});
        return out;
    }
    /// An array's elements.
    [[nodiscard]] std::vector<JsonValue> elements() const {
        requireArray();
        std::vector<JsonValue> out;
        for (std::size_t i = 0; i < node_->size(); ++i)
            out.emplace_back(*file_, (*node_)[i], jsonPointerChild(pointer_, std::to_string(i)));
        return out;
    }

    /// A string (may be empty).
    [[nodiscard]] std::string string() const {
        if (!node_->is_string()) fail(std::string("must be a string, got ") + node_->type_name());
        return node_->template get<std::string>();
    }
    /// A non-empty string.
    [[nodiscard]] std::string text() const {
        std::string s = string();
        if (s.empty()) fail("must not be empty");
        return s;
    }
    [[nodiscard]] bool boolean() const {
        if (!node_->is_boolean()) fail(std::string("must be true or false, got ") + node_->type_name());
        return node_->template get<bool>();
    }
    /// A finite number within `range`.
    [[nodiscard]] double number(const NumberRange& range = {}) const {
        if (!node_->is_number()) fail(std::string("must be a finite number, got ") + node_->type_name());
        const double v = node_->template get<double>();
        if (!range.contains(v)) fail("must be " + range.describe() + ", got " + node_->dump());
        return v;
    }
    /// An array of exactly N finite numbers, each within `range`.
    template <std::size_t N>
    [[nodiscard]] std::array<double, N> numbers(const NumberRange& range = {}) const {
        requireArray();
        if (node_->size() != N) fail("must be a list of " + std::to_string(N) + " numbers");
        std::array<double, N> out{};
        for (std::size_t i = 0; i < N; ++i) out[i] = (*this)[i].number(range);
        return out;
    }

    // Optional members: the default when absent, checked like the required ones when present.
    [[nodiscard]] std::string string(std::string_view key, std::string fallback) const {
        const auto v = find(key);
        return v ? v->string() : std::move(fallback);
    }
    [[nodiscard]] bool boolean(std::string_view key, bool fallback) const {
        const auto v = find(key);
        return v ? v->boolean() : fallback;
    }
    [[nodiscard]] double number(std::string_view key, double fallback, const NumberRange& range) const {
        const auto v = find(key);
        return v ? v->number(range) : fallback;
    }

private:
    const std::filesystem::path* file_;
    const Json* node_;
    std::string pointer_;
};

/// A parsed data file that owns its document; root() reads it with checks.
template <typename Json = nlohmann::json>
class JsonDocument {
public:
    /// Reads and parses `file`; it must hold a JSON object.
    JsonDocument(const JsonDocument&) = delete;  // values point into it: it stays where it is
    JsonDocument& operator=(const JsonDocument&) = delete;
    JsonDocument(JsonDocument&&) = delete;
    JsonDocument& operator=(JsonDocument&&) = delete;
    ~JsonDocument() = default;
    explicit JsonDocument(std::filesystem::path file) : file_(std::move(file)) {
        const std::string text = readTextFile(file_);
        if constexpr (std::is_same_v<Json, nlohmann::ordered_json>)
            json_ = parseOrderedJsonText(text, file_);
        else
            json_ = parseJsonText(text, file_);
        if (!json_.is_object()) throw FileError(file_, "must be a JSON object");
    }
    [[nodiscard]] JsonValue<Json> root() const { return {file_, json_}; }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    Json json_;
};

}  // namespace lumbarlab
