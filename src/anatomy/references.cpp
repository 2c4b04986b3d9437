#include "lumbarlab/anatomy/references.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lumbarlab {
namespace {

constexpr std::array<std::string_view, 6> kKinds{"paper", "book", "thesis", "model", "dataset", "default"};

/// "Mac-Thiong JM" -> "Mac-Thiong"; a name without initials stays whole.
std::string surname(const std::string& author) {
    const auto space = author.rfind(' ');
    if (space == std::string::npos) return author;
    const std::string initials = author.substr(space + 1);
    const bool allCaps = std::all_of(initials.begin(), initials.end(),
                                     [](unsigned char c) { return std::isupper(c) || c == '-' || c == '.'; });
    return allCaps ? author.substr(0, space) : author;
}

/// One [key] token at `at` (which holds '['): the key, or empty when the brackets hold something else.
std::string_view keyAt(std::string_view text, std::size_t at, std::size_t* end) {
    const auto close = text.find(']', at + 1);
    if (close == std::string_view::npos) return {};
    const std::string_view inside = text.substr(at + 1, close - at - 1);
    if (!isReferenceKey(inside)) return {};
    *end = close + 1;
    return inside;
}

std::string withoutTrailingDot(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    return text;
}

/// Markdown table cells must not break the row.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string Reference::shortForm() const {
    if (!shortName.empty()) return shortName;
    std::string names;
    if (authors.empty()) {
        names = title;
    } else if (authors.size() == 1 && !etAl) {
        names = surname(authors[0]);
    } else if (authors.size() == 2 && !etAl) {
        names = surname(authors[0]) + " & " + surname(authors[1]);
    } else {
        names = surname(authors[0]) + " et al.";
    }
    return year.empty() ? names : names + " " + year;
}

std::string Reference::fullForm() const {
    if (kind == "default") return withoutTrailingDot(title) + ". " + explanation;
    std::string out;
    for (std::size_t i = 0; i < authors.size(); ++i) out += (i ? ", " : "") + authors[i];
    if (etAl) out += ", et al.";
    if (out.empty())
        out = withoutTrailingDot(title) + " (" + year + "). ";
    else
        out += " (" + year + "). " + withoutTrailingDot(title) + ". ";
    out += withoutTrailingDot(venue) + ".";
    if (!doi.empty()) out += " doi:" + doi + ".";
    if (!url.empty()) out += " " + url;
    return out;
}

ReferenceCatalogue ReferenceCatalogue::load(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const JsonValue<> root = doc.root();
    if (root.string("format", "") != "lumbarlab-references/1") root.fail("format must be \"lumbarlab-references/1\"");
    const JsonValue<> references = root["references"];
    if (references.members().empty()) references.fail("must be a non-empty object keyed by reference key");

    ReferenceCatalogue catalogue;
    for (const auto& [key, entry] : references.members()) {
        if (!isReferenceKey(key)) entry.fail("a key is lower-case letters, digits and hyphens, starting with a letter");
        entry.requireObject();
        auto text = [&entry = entry](const char* field, bool required) {
            if (!required && !entry.has(field)) return std::string();
            return entry[field].text();
        };
        Reference r;
        r.key = key;
        r.kind = text("kind", true);
        if (std::find(kKinds.begin(), kKinds.end(), r.kind) == kKinds.end())
            entry["kind"].fail("unknown kind '" + r.kind + "' (paper, book, thesis, model, dataset or default)");
        r.shortName = text("short", false);
        r.title = text("title", true);
        if (r.kind == "default") {
            r.explanation = text("explanation", true);
        } else {
            for (const JsonValue<>& a : entry["authors"].elements()) r.authors.push_back(a.text());
            if (r.authors.empty() && r.shortName.empty())
                entry.fail("lists no authors, so it needs a \"short\" name for display");
            const JsonValue<> year = entry["year"];
            if (year.json().is_number_integer())
                r.year = std::to_string(int(year.number(NumberRange::between(1000.0, 2100.0))));
            else if (year.isString() && year.string() == "n.d.")
                r.year = "n.d.";
            else
                year.fail("must be a whole number or \"n.d.\"");
            r.venue = text("venue", true);
            r.doi = text("doi", false);
            r.url = text("url", false);
            r.note = text("note", false);
            r.etAl = entry.boolean("et_al", false);
        }
        catalogue.entries_.push_back(std::move(r));
    }
    // nlohmann::json iterates objects in key order already; sort anyway so find() may bisect.
    std::sort(catalogue.entries_.begin(), catalogue.entries_.end(),
              [](const Reference& a, const Reference& b) { return a.key < b.key; });
    return catalogue;
}

const Reference* ReferenceCatalogue::find(std::string_view key) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                     [](const Reference& r, std::string_view k) { return r.key < k; });
    return it != entries_.end() && it->key == key ? &*it : nullptr;
}

bool isReferenceKey(std::string_view text) {
    if (text.empty() || !std::islower(static_cast<unsigned char>(text[0]))) return false;
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '-'; });
}

std::vector<std::string> citedKeys(std::string_view source) {
    std::vector<std::string> keys;
    for (auto at = source.find('['); at != std::string_view::npos; at = source.find('[', at + 1)) {
        std::size_t end = 0;
        const std::string_view key = keyAt(source, at, &end);
        if (key.empty()) continue;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
        at = end - 1;
    }
    return keys;
}

std::string displaySource(std::string_view source, const ReferenceCatalogue& catalogue) {
    auto name = [&](std::string_view key) {
        const Reference* r = catalogue.find(key);
        return r ? r->shortForm() : std::string(key);
    };
    // The leading keys name the works; the rest says what was taken from them.
    std::vector<std::string> lead;
    bool leadEndsWithDefault = false;
    std::size_t pos = 0;
    while (true) {
        std::size_t next = pos;
        while (next < source.size() && source[next] == ' ') ++next;
        std::size_t end = 0;
        if (next >= source.size() || source[next] != '[') break;
        const std::string_view key = keyAt(source, next, &end);
        if (key.empty()) break;
        lead.push_back(name(key));
        const Reference* r = catalogue.find(key);
        leadEndsWithDefault = r && r->kind == "default";
        pos = end;
    }
    while (pos < source.size() && source[pos] == ' ') ++pos;

    std::string rest;
    for (std::size_t i = pos; i < source.size(); ++i) {
        std::size_t end = 0;
        const std::string_view key = source[i] == '[' ? keyAt(source, i, &end) : std::string_view();
        if (key.empty()) {
            rest += source[i];
            continue;
        }
        rest += name(key);
        i = end - 1;
    }

    std::string out;
    for (std::size_t i = 0; i < lead.size(); ++i) out += (i ? "; " : "") + lead[i];
    if (out.empty()) return rest;
    if (rest.empty()) return out;
    const bool punctuation = std::string_view(",:;.)").find(rest[0]) != std::string_view::npos;
    return out + (punctuation ? "" : leadEndsWithDefault ? ": " : ", ") + rest;
}

std::string renderReferencesMarkdown(const ReferenceCatalogue& catalogue) {
    std::string md;
    md +=
        "<!-- Generated from assets/references.json by tools/references. Do not edit by hand: run "
        "`cmake --build <build dir> --target update_references`. -->\n";
    md += "# References\n\n";
    md +=
        "Every number in the data files under `assets/` cites its source as `[key]`, followed by the table, "
        "figure or row it was read from. The keys resolve here. Entries of kind *default* are not "
        "publications: they mark this project's own documented choices, and the citing text gives the "
        "reason.\n";
    for (const bool defaults : {false, true}) {
        md += defaults ? "\n## Documented defaults\n\n| Key | Meaning |\n|---|---|\n"
                       : "\n## Works cited\n\n| Key | Kind | Reference | Notes |\n|---|---|---|---|\n";
        for (const Reference& r : catalogue.entries()) {
            if ((r.kind == "default") != defaults) continue;
            if (defaults) {
                md += "| `" + r.key + "` | " + cell(r.fullForm()) + " |\n";
            } else {
                md += "| `" + r.key + "` | " + r.kind + " | " + cell(r.fullForm()) + " | " + cell(r.note) + " |\n";
            }
        }
    }
    return md;
}

}  // namespace lumbarlab
