#include "ingest/pdf_ocr.h"

#include "ingest/layout.h"
#include "ingest/readers.h"

#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>

#ifdef MAHDAR_HAVE_TESSERACT
#include <tesseract/baseapi.h>
#endif

namespace mahdar {

double bounded_dpi(const poppler::page& page, double dpi, double max_pixels) {
    double area = 0; // square inches, of the larger of the boxes poppler may draw
    for (auto which : {poppler::media_box, poppler::crop_box}) {
        poppler::rectf box = page.page_rect(which);
        double a = std::abs(box.width()) / 72.0 * std::abs(box.height()) / 72.0;
        if (!std::isfinite(a)) return 0;
        area = std::max(area, a);
    }
    if (area <= 0) return 0;
    double pixels = area * dpi * dpi;
    return pixels <= max_pixels ? dpi : dpi * std::sqrt(max_pixels / pixels);
}

#ifdef MAHDAR_HAVE_TESSERACT

bool ocr_available() { return true; }

struct PdfOcr::Engine {
    tesseract::TessBaseAPI api;
    bool ready = false;
};

namespace {

// Tesseract's text: paragraphs are separated by blank lines; their lines are joined.
std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::string line = text.substr(b, e - b);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (line.empty()) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            if (!current.empty()) current += ' ';
            current += line;
        }
        b = e + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

} // namespace

PdfOcr::PdfOcr() : engine_(std::make_unique<Engine>()) {}
PdfOcr::~PdfOcr() {
    if (engine_ && engine_->ready) engine_->api.End();
}

Result<std::vector<std::string>> PdfOcr::read(const poppler::page& page) {
    if (!engine_->ready) {
        // nullptr: Tesseract's compiled-in tessdata folder (Debian: /usr/share/tesseract-ocr/5/tessdata).
        if (engine_->api.Init(nullptr, "ara+fra+eng", tesseract::OEM_LSTM_ONLY) != 0)
            return read_failure("no text layer", "Tesseract cannot load ara+fra+eng");
        engine_->api.SetPageSegMode(tesseract::PSM_AUTO);
        engine_->ready = true;
    }
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hints(poppler::page_renderer::antialiasing |
                              poppler::page_renderer::text_antialiasing);
    // 300 dpi up to A2 (35 Mpixels, 35 MB in gray); larger pages at what fits in that.
    double dpi = bounded_dpi(page, 300, 35e6);
    if (dpi < 30) return read_failure("no text layer", "the page is too large or has no size to render");
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid()) return read_failure("no text layer", "the page cannot be rendered");
    engine_->api.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()),
                          image.width(), image.height(), 1, image.bytes_per_row());
    engine_->api.SetSourceResolution(static_cast<int>(dpi));
    std::unique_ptr<char[]> text(engine_->api.GetUTF8Text());
    engine_->api.Clear();
    if (!text) return std::vector<std::string>{};
    return paragraphs_of(text.get());
}

#else

bool ocr_available() { return false; }

struct PdfOcr::Engine {};
PdfOcr::PdfOcr() = default;
PdfOcr::~PdfOcr() = default;

Result<std::vector<std::string>> PdfOcr::read(const poppler::page&) {
    return read_failure("no text layer", "OCR is not available in this build (no Tesseract)");
}

#endif

} // namespace mahdar
