// Fuzzes assets/references.json (ReferenceCatalogue::load), the generated list and source display.
#include "fuzz_support.h"
#include "lumbarlab/anatomy/references.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("references.json");
    // The input also serves as a source string to display, so citedKeys sees arbitrary text.
    const std::string text(reinterpret_cast<const char*>(data), size);
    return fuzz::runOnFile(data, size, file, [&](const std::filesystem::path& f) {
        (void)citedKeys(text);
        const ReferenceCatalogue catalogue = ReferenceCatalogue::load(f);
        (void)renderReferencesMarkdown(catalogue);
        (void)displaySource(text, catalogue);
    });
}
