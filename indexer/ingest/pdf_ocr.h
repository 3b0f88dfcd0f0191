// OCR of PDF pages without a usable text layer, with Tesseract when the build has it
// (MAHDAR_HAVE_TESSERACT). Not thread-safe: one PdfOcr per thread.
#pragma once

#include "common/result.h"

#include <memory>
#include <string>
#include <vector>

namespace poppler {
class page;
}

namespace mahdar {

/// The resolution to render `page` at: `dpi`, or less when the page is so large that the
/// bitmap would pass `max_pixels` (a broken or hostile file can declare a page kilometres wide,
/// and poppler allocates the whole bitmap before drawing anything). 0 when the page has no
/// usable size: do not render it.
double bounded_dpi(const poppler::page& page, double dpi, double max_pixels);

/// Tesseract with the languages "ara+fra+eng" from Debian's tessdata, set up once per
/// document (setting up costs about a second) and used page by page.
class PdfOcr {
public:
    PdfOcr();
    ~PdfOcr();
    PdfOcr(const PdfOcr&) = delete;
    PdfOcr& operator=(const PdfOcr&) = delete;

    /// The page rendered at 300 dpi (less for pages over A2, bounded_dpi) and read: its paragraphs in reading order, UTF-8, lines
    /// joined by spaces. An Error when Tesseract is missing or cannot start.
    Result<std::vector<std::string>> read(const poppler::page& page);

private:
    struct Engine;
    std::unique_ptr<Engine> engine_;
};

} // namespace mahdar
