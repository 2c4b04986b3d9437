#pragma once
// The works the data files cite (assets/references.json), and the citation form of a source string:
// every "source" names its works as [key] (several allowed), followed by the table, figure or row used,
// e.g. "[wilke1999] Table 1, relaxed standing 0.50 MPa". Keys of kind "default" stand for this
// project's own documented choices, so that every value resolves to an entry a user can read.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lumbarlab {

/// One cited work (or one kind of documented default).
struct Reference {
    std::string key;                   ///< stable id, e.g. "wilke1999"
    std::string kind;                  ///< paper, book, thesis, model, dataset or default
    std::vector<std::string> authors;  ///< "Surname Initials", in the published order
    bool etAl = false;                 ///< the list is the first authors only
    std::string year;                  ///< "1999", or "n.d." when it was not recorded
    std::string title;
    std::string venue;        ///< journal volume(issue):pages, book publisher, or model file and version
    std::string doi, url;     ///< optional
    std::string note;         ///< optional: what the project read in it, and how
    std::string shortName;    ///< optional display name that replaces "Surname et al. year"
    std::string explanation;  ///< defaults only: the assumption, in a sentence or two

    /// For display: "Wilke et al. 1999", "Roaas & Andersson 1982", "Documented default".
    [[nodiscard]] std::string shortForm() const;
    /// The whole citation: authors (year). Title. Venue. doi/URL.
    [[nodiscard]] std::string fullForm() const;
};

/// Every entry of references.json, sorted by key.
class ReferenceCatalogue {
public:
    /// Reads and validates the file: each entry has the fields its kind needs. Throws FileError
    /// naming the file and the key.
    [[nodiscard]] static ReferenceCatalogue load(const std::filesystem::path& file);

    [[nodiscard]] const Reference* find(std::string_view key) const;
    [[nodiscard]] const std::vector<Reference>& entries() const { return entries_; }

private:
    std::vector<Reference> entries_;
};

/// True for a key's spelling: a lower-case letter, then lower-case letters, digits and hyphens.
[[nodiscard]] bool isReferenceKey(std::string_view text);

/// The keys a source string cites, in order of first appearance: "[a] x [b] y [a]" -> {a, b}.
/// Bracketed text that is not spelled like a key is ordinary text.
[[nodiscard]] std::vector<std::string> citedKeys(std::string_view source);

/// A source string for a reader: each [key] becomes its short form, and the leading keys are joined
/// to the rest, e.g. "[wilke1999] Table 1" -> "Wilke et al. 1999, Table 1". Unknown keys stay as
/// they are written (without brackets), so a card never shows an empty citation.
[[nodiscard]] std::string displaySource(std::string_view source, const ReferenceCatalogue& catalogue);

/// docs/REFERENCES.md: a generated-file header, then every entry in full. The test compares the
/// checked-in file with this; `cmake --build <build> --target update_references` rewrites it.
[[nodiscard]] std::string renderReferencesMarkdown(const ReferenceCatalogue& catalogue);

}  // namespace lumbarlab
