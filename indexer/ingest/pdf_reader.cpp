// read_pdf (ingest/readers.h): poppler's document and page loop. Each page's text boxes become
// PdfWords (ingest/pdf_layout.h) and are dropped once the page's lines are made, so memory
// follows one page's boxes plus the document's lines, not all boxes of all pages.
#include "ingest/readers.h"

#include "common/utf8.h"
#include "ingest/arabic_repair.h"
#include "ingest/pdf_blocks.h"
#include "ingest/pdf_glyphs.h"
#include "ingest/pdf_layout.h"
#include "ingest/pdf_ocr.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page.h>
#include <poppler-page-renderer.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace mahdar {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

// poppler prints every syntax warning of a broken file to stderr through one process-wide
// hook; the reader reports what matters itself, so the hook is set once to drop them.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

bool bold_font(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](char c) { return char(std::tolower((unsigned char)c)); });
    for (const char* w : {"bold", "black", "heavy", "semibold", "demi"})
        if (name.find(w) != std::string::npos) return true;
    return false;
}

// bold_font() of the fonts seen so far: a page draws its words in a handful of fonts.
class BoldFonts {
public:
    bool operator()(const std::string& name) {
        for (const auto& [n, bold] : known_)
            if (n == name) return bold;
        if (known_.size() >= 64) return bold_font(name); // a file with fonts by the thousand
        known_.emplace_back(name, bold_font(name));
        return known_.back().second;
    }

private:
    std::vector<std::pair<std::string, bool>> known_;
};

PdfRun raw_word(const poppler::text_box& box, BoldFonts& bold_fonts) {
    PdfRun w;
    poppler::rectf r = box.bbox();
    w.left = r.left(), w.top = r.top(), w.right = r.right(), w.bottom = r.bottom();
    w.size = box.get_font_size();
    if (w.size <= 0) w.size = std::max(1.0, w.bottom - w.top);
    w.bold = box.has_font_info() && bold_fonts(box.get_font_name());
    w.space_after = box.has_space_after();
    poppler::ustring u = box.text();
    w.glyphs.reserve(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size()) { // a surrogate pair
            c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
            ++i;
        }
        poppler::rectf g = box.char_bbox(std::min(i, u.size() - 1));
        w.glyphs.push_back({c, g.left(), g.right()});
    }
    return w;
}

// Boxes glued to the next (no space after it, on the same line, touching) are one word:
// Tesseract's text layer gives one box per letter.
bool glued(const PdfRun& a, const PdfRun& b) {
    if (a.space_after) return false;
    double tol = 0.35 * std::max(a.size, b.size);
    return std::abs(a.top - b.top) < tol && std::abs(a.bottom - b.bottom) < tol &&
           (std::abs(b.left - a.right) < tol || std::abs(a.left - b.right) < tol);
}

// The word's text in visual order (see PdfWord): a word drawn right to left is turned, its
// marks kept after their letter.
PdfWord make_word(PdfRun&& raw) {
    PdfWord w;
    w.left = raw.left, w.top = raw.top, w.right = raw.right, w.bottom = raw.bottom;
    w.size = raw.size;
    w.bold = raw.bold;
    auto& g = raw.glyphs;
    bool arabic = false;
    for (const auto& x : g) arabic = arabic || (x.c >= 0x0600 && x.c <= 0x06FF) ||
                                     (x.c >= 0xFB50 && x.c <= 0xFEFF);
    w.rtl = arabic;
    if (arabic && g.size() > 1 && g.front().left > g.back().left + 0.01) {
        std::vector<PdfGlyph> visual;
        for (std::size_t e = g.size(); e > 0;) {
            std::size_t b = e - 1;
            while (b > 0 && is_arabic_mark(g[b].c)) --b;
            visual.insert(visual.end(), g.begin() + long(b), g.begin() + long(e));
            e = b;
        }
        g = std::move(visual);
    }
    w.text.reserve(g.size());
    bool plain = true; // only code points that survive a UTF-8 round trip, none a presentation form
    for (const auto& x : g) {
        append_utf8(w.text, x.c);
        plain = plain && (x.c < 0xD800 || (x.c >= 0xE000 && x.c < 0xFB50));
    }
    if (!arabic && !plain) w.text = fold_presentation_forms(w.text);
    return w;
}

enum class PageText { usable, none, gibberish };

// A text layer is unusable when it has no text, or when a third of its characters are
// private-use, control or replacement characters, or sit in boxes far too narrow for them
// (a broken ToUnicode map that gives a whole phrase for one glyph).
PageText judge(const std::vector<PdfRun>& words) {
    std::size_t all = 0, bad = 0, letters = 0;
    for (const auto& w : words) {
        double ems = std::max(0.05, (w.right - w.left) / w.size);
        bool dense = double(w.glyphs.size()) > 4 + 8 * ems;
        for (const auto& g : w.glyphs) {
            char32_t c = g.c;
            if (c == ' ') continue;
            ++all;
            bool odd = c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFD ||
                       (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
            if (odd || dense) ++bad;
            if (!odd && (c >= 0x80 || std::isalnum(int(c)))) ++letters;
        }
    }
    if (all == 0) return PageText::none;
    if (bad * 3 > all || letters * 2 < all) return PageText::gibberish;
    return PageText::usable;
}

// A page without text whose drawing is white too: a blank page (left blank on purpose, or a
// converter's empty first page), not a scanned one. Rendered small: 1 in 500 pixels inked is
// enough to call it drawn. A page over 2 m² (a broken file's media box can say 3 km) is
// rendered at what fits in 1 Mpixel, not at the size it claims.
bool blank_page(const poppler::page& page) {
    double dpi = bounded_dpi(page, 20, 1e6);
    if (dpi <= 0) return true; // no area: nothing can be drawn on it
    poppler::page_renderer renderer;
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_argb32) return false;
    const char* data = image.const_data();
    std::size_t inked = 0, all = std::size_t(image.width()) * std::size_t(image.height());
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + std::size_t(y) * image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x) {
            const unsigned char* px = row + 4 * x; // B, G, R, A
            if (px[3] > 0 && std::min({px[0], px[1], px[2]}) < 200) ++inked;
        }
    }
    return inked * 500 < all;
}

bool meaningful_title(const std::string& t) {
    std::size_t letters = 0;
    for (unsigned char c : t) letters += std::isalpha(c) || c >= 0x80;
    if (letters < 3) return false;
    std::string lower = t;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return char(std::tolower((unsigned char)c)); });
    for (const char* ext : {".doc", ".docx", ".pdf", ".html", ".htm", ".txt", ".rtf", ".indd", ".odt"})
        if (lower.size() > std::strlen(ext) && lower.compare(lower.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return false;
    return lower.rfind("microsoft word", 0) != 0 && lower != "untitled" && lower.rfind("untitled", 0) != 0;
}

std::string utf8(const poppler::ustring& s) {
    poppler::byte_array b = s.to_utf8();
    return std::string(b.begin(), b.end());
}

Result<std::unique_ptr<poppler::document>> open(std::string_view bytes) {
    if (bytes.empty()) return read_failure("not a PDF", "empty file");
    std::string_view head = bytes.substr(0, 1024);
    if (head.find("%PDF-") == std::string_view::npos)
        return read_failure("not a PDF", "no %PDF- header");
    if (bytes.size() > std::size_t(INT_MAX)) return read_failure("malformed PDF", "over 2 GB");
    silence_poppler();
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
    if (!doc) return read_failure("malformed PDF", "poppler cannot open it (damaged or truncated)");
    if (doc->is_locked()) return read_failure("encrypted PDF", "needs a password");
    if (doc->pages() <= 0) return read_failure("malformed PDF", "no pages");
    return doc;
}

// The page's words, or nothing with `judged` saying why there is no usable text.
std::vector<PdfWord> page_words(const poppler::page& page, BoldFonts& bold_fonts, PageText& judged) {
    std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
    std::vector<PdfRun> raw;
    raw.reserve(boxes.size());
    for (const auto& box : boxes) {
        PdfRun w = raw_word(box, bold_fonts);
        if (w.glyphs.empty()) continue;
        if (!raw.empty() && glued(raw.back(), w)) {
            auto& last = raw.back();
            last.glyphs.insert(last.glyphs.end(), w.glyphs.begin(), w.glyphs.end());
            last.left = std::min(last.left, w.left), last.right = std::max(last.right, w.right);
            last.top = std::min(last.top, w.top), last.bottom = std::max(last.bottom, w.bottom);
            last.space_after = w.space_after;
            continue;
        }
        raw.push_back(std::move(w));
    }
    boxes = std::vector<poppler::text_box>(); // freed before the words are made
    judged = judge(raw);
    std::vector<PdfWord> words;
    if (judged != PageText::usable) return words;
    marks_after_their_letters(raw);
    words.reserve(raw.size());
    for (auto& r : raw) words.push_back(make_word(std::move(r)));
    return words;
}

PdfPage ocr_page(PdfOcr& ocr, const poppler::page& page, std::uint32_t number, Layout& layout) {
    PdfPage out;
    out.number = number;
    auto paragraphs = ocr.read(page);
    if (!paragraphs) {
        layout.warnings.push_back("page " + std::to_string(number) + ": " + paragraphs.error().message);
        return out;
    }
    // OCR text is in logical order already; one "line" per paragraph, spaced apart so that
    // pdf_blocks keeps them as paragraphs.
    double y = 2e5; // between the margins of a page 1e6 high: nothing of it is a running line
    for (auto& p : paragraphs.value()) {
        PdfLine l;
        l.text = has_arabic(p) ? repair_arabic(p) : p;
        l.size = 10;
        l.top = y, l.bottom = y + 10, y += 40;
        l.column_left = 0, l.column_right = 1000;
        l.left = 0, l.right = 1;
        out.lines.push_back(std::move(l));
    }
    out.width = 1000, out.height = 1e6;
    return out;
}

} // namespace

Result<Layout> read_pdf(std::string_view bytes, const PdfOptions& options) {
    auto opened = open(bytes);
    if (!opened) return opened.error();
    poppler::document& doc = *opened.value();
    Layout layout;
    layout.pages = std::uint32_t(doc.pages());
    std::string title = utf8(doc.get_title());
    if (meaningful_title(title)) layout.title = title;
    std::uint32_t last = std::min(layout.pages, options.limits.max_pages);
    if (last < layout.pages)
        layout.warnings.push_back("pages " + std::to_string(last + 1) + "-" +
                                  std::to_string(layout.pages) + " not read (limit of " +
                                  std::to_string(last) + " pages)");
    std::vector<PdfPage> pages;
    std::unique_ptr<PdfOcr> ocr;
    bool any_text = false;
    BoldFonts bold_fonts;
    for (std::uint32_t n = 1; n <= last; ++n) {
        std::unique_ptr<poppler::page> page(doc.create_page(int(n - 1)));
        if (!page) {
            layout.warnings.push_back("page " + std::to_string(n) + ": cannot be read");
            continue;
        }
        PageText judged = PageText::usable;
        std::vector<PdfWord> words = page_words(*page, bold_fonts, judged);
        if (judged == PageText::none && blank_page(*page)) continue;
        if (judged != PageText::usable) {
            layout.pages_no_text.push_back(n);
            std::string why = judged == PageText::none ? "no text layer" : "no usable text layer";
            if (options.ocr && ocr_available()) {
                if (!ocr) ocr = std::make_unique<PdfOcr>();
                layout.warnings.push_back("page " + std::to_string(n) + ": " + why + ", read by OCR");
                pages.push_back(ocr_page(*ocr, *page, n, layout));
                any_text = any_text || !pages.back().lines.empty();
            } else {
                layout.warnings.push_back("page " + std::to_string(n) + ": " + why);
            }
            continue;
        }
        any_text = true;
        poppler::rectf box = page->page_rect();
        PdfPage p;
        p.number = n;
        p.width = box.width();
        p.height = box.height();
        p.lines = page_lines(std::move(words), p.height);
        pages.push_back(std::move(p));
    }
    if (!any_text) {
        if (options.ocr && !ocr_available())
            return read_failure("no text layer", "OCR is not available in this build (no Tesseract)");
        return read_failure("no text layer", options.ocr ? "OCR found no text" : "scanned? use --ocr");
    }
    layout.symbol = remove_running_lines(pages);
    layout.blocks = pdf_blocks(pages);
    return layout;
}

} // namespace mahdar
