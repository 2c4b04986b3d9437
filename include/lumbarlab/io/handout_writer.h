#pragma once
// One printed page for a patient, laid out and drawn with cairo: a PDF page (A4 or Letter) or a PNG
// of the same page at 300 dpi. Plain content in; the pictures are already rendered.

#include "lumbarlab/io/figure_overlay.h"
#include "lumbarlab/io/png_writer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

enum class Paper { A4, Letter };

/// Page size in points (1/72 inch): A4 595.28 x 841.89, Letter 612 x 792.
struct PaperSize {
    double width = 0.0, height = 0.0;
};
[[nodiscard]] PaperSize paperSize(Paper paper);

struct HandoutPage {
    std::string title;     ///< exercise name
    std::string subtitle;  ///< e.g. "Right leg back"
    Image startPicture, endPicture;
    std::string startCaption, endCaption;
    std::string dose;
    std::vector<std::string> cues;
    std::vector<std::string> why;      ///< sentences, set as one paragraph
    std::vector<std::string> avoid;    ///< one line each
    std::vector<std::string> sources;  ///< small print, one entry each
};

/// Where the pictures went, in points from the top left (tests look there).
struct HandoutLayout {
    PixelRect startPicture, endPicture;
};

/// Writes the page as a one-page PDF, atomically. Throws FileError.
HandoutLayout writeHandoutPdf(const std::filesystem::path& file, const HandoutPage& page, Paper paper);
/// Writes the page as a PNG at `dpi`, atomically. Throws FileError.
HandoutLayout writeHandoutPng(const std::filesystem::path& file, const HandoutPage& page, Paper paper,
                              double dpi = 300.0);

}  // namespace lumbarlab
