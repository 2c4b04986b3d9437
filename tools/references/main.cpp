// lumbarlab_references <references.json> <REFERENCES.md>: writes the generated reference list.

#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/core/file_error.h"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: lumbarlab_references <references.json> <REFERENCES.md>\n";
        return 2;
    }
    try {
        const auto catalogue = lumbarlab::ReferenceCatalogue::load(argv[1]);
        const std::string markdown = lumbarlab::renderReferencesMarkdown(catalogue);
        std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
        if (!out || !(out << markdown) || !out.flush()) throw lumbarlab::FileError(argv[2], "cannot write");
        std::cout << argv[2] << ": " << catalogue.entries().size() << " references\n";
    } catch (const lumbarlab::FileError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
