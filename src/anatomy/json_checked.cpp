#include "lumbarlab/anatomy/json_checked.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace lumbarlab {
namespace {

std::string shortNumber(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

/// nlohmann's DOM builder, plus the JSON pointer of the value being read, so that an error the
/// parser reports through the SAX interface (a number overflowing a double) can name where it is.
// The member names are nlohmann's SAX interface (json_sax_dom_parser), not ours to choose.
// NOLINTBEGIN(readability-identifier-naming)
template <typename Json>
class PointerTrackingSax {
public:
    using number_integer_t = typename Json::number_integer_t;
    using number_unsigned_t = typename Json::number_unsigned_t;
    using number_float_t = typename Json::number_float_t;
    using string_t = typename Json::string_t;
    using binary_t = typename Json::binary_t;

    explicit PointerTrackingSax(Json& root) : dom_(root, false) {}

    bool null() { return value(dom_.null()); }
    bool boolean(bool v) { return value(dom_.boolean(v)); }
    bool number_integer(number_integer_t v) { return value(dom_.number_integer(v)); }
    bool number_unsigned(number_unsigned_t v) { return value(dom_.number_unsigned(v)); }
    bool number_float(number_float_t v, const string_t& s) { return value(dom_.number_float(v, s)); }
    bool string(string_t& v) { return value(dom_.string(v)); }
    bool binary(binary_t& v) { return value(dom_.binary(v)); }
    bool start_object(std::size_t n) {
        frames_.push_back({false, 0, {}});
        return dom_.start_object(n);
    }
    bool key(string_t& k) {
        Frame& f = frames_.back();
        f.key = k;
        // nlohmann keeps the last of two equal keys; a data file with one twice has lost a value.
        if (!f.keys.insert(k).second) {
            error_ = pointer() + ": appears twice in its object";
            return false;
        }
        return dom_.key(k);
    }
    bool end_object() {
        frames_.pop_back();
        return value(dom_.end_object());
    }
    bool start_array(std::size_t n) {
        frames_.push_back({true, 0, {}});
        return dom_.start_array(n);
    }
    bool end_array() {
        frames_.pop_back();
        return value(dom_.end_array());
    }
    template <class Exception>
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const Exception& ex) {
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 3, ..." -> "parse error at line 3, ..."
        if (const auto close = what.find("] "); what.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
            what = what.substr(close + 2);
        if (!error_.empty()) return false;  // already said (a duplicate key)
        error_ = ex.id == 406 ? pointer() + ": " + what + " (not a finite number)" : "malformed JSON: " + what;
        return false;
    }

    [[nodiscard]] const std::string& error() const { return error_; }

private:
    struct Frame {
        bool array = false;
        std::size_t count = 0;       // arrays: values completed so far, so the one being read has this index
        std::string key;             // objects: the member being read
        std::set<std::string> keys;  // objects: the members read so far
    };

    bool value(bool ok) {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().count;
        return ok;
    }
    [[nodiscard]] std::string pointer() const {
        std::string out;
        for (const Frame& f : frames_) out = jsonPointerChild(out, f.array ? std::to_string(f.count) : f.key);
        return out.empty() ? "/" : out;
    }

    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    std::vector<Frame> frames_;
    std::string error_;
};
// NOLINTEND(readability-identifier-naming)

template <typename Json>
Json parse(std::string_view text, const std::filesystem::path& file) {
    Json root;
    PointerTrackingSax<Json> sax(root);
    const bool ok = Json::sax_parse(text.begin(), text.end(), &sax);
    if (!ok || !sax.error().empty())
        throw FileError(file, sax.error().empty() ? std::string("malformed JSON") : sax.error());
    return root;
}

}  // namespace

std::string NumberRange::describe() const {
    const bool lowEnd = std::isfinite(min), highEnd = std::isfinite(max);
    if (lowEnd && highEnd && !minOpen && !maxOpen)
        return "a finite number between " + shortNumber(min) + " and " + shortNumber(max);
    std::string out = "a finite number";
    if (lowEnd) out += std::string(minOpen ? " > " : " >= ") + shortNumber(min);
    if (lowEnd && highEnd) out += " and";
    if (highEnd) out += std::string(maxOpen ? " < " : " <= ") + shortNumber(max);
    return out;
}

std::string jsonPointerChild(const std::string& pointer, std::string_view token) {
    std::string out = pointer;
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

nlohmann::json parseJsonText(std::string_view text, const std::filesystem::path& file) {
    return parse<nlohmann::json>(text, file);
}

nlohmann::ordered_json parseOrderedJsonText(std::string_view text, const std::filesystem::path& file) {
    return parse<nlohmann::ordered_json>(text, file);
}

std::string readTextFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FileError(file, "cannot open");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw FileError(file, "cannot read");
    return text;
}

}  // namespace lumbarlab
