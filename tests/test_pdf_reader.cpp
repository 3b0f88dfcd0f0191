// read_pdf on the committed PDFs of tests/fixtures/documents (made by
// scripts/fixtures/make-pdf-fixtures): what a reader of the extracted text would notice.
#include "ingest/readers.h"

#include "common/utf8.h"
#include "support.h"
#include "text/normalise.h"

#include <catch2/catch.hpp>
#include <unicode/uchar.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace mahdar;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(test::fixtures() / "documents" / name, std::ios::binary);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Layout read(const std::string& name, PdfOptions options = {}) {
    auto layout = read_pdf(fixture(name), options);
    INFO(name << ": " << (layout ? "" : layout.error().message));
    REQUIRE(layout);
    return std::move(layout.value());
}

std::string failure(const std::string& bytes, PdfOptions options = {}) {
    auto layout = read_pdf(bytes, options);
    REQUIRE_FALSE(layout);
    CHECK(layout.error().kind == ErrorCode::bad_input);
    return layout.error().message;
}

std::string all_text(const Layout& layout) {
    std::string out;
    for (const auto& b : layout.blocks) out += b.text + "\n";
    return out;
}

// The words of `text` normalised as the index does (text/normalise.h).
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) out.push_back(normalise_word(current));
        current.clear();
    };
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = next_code_point(text, pos);
        if (u_isalnum(UChar32(c)) || (U_GET_GC_MASK(UChar32(c)) & U_GC_M_MASK) || c == 0x0640)
            append_utf8(current, c);
        else
            flush();
    }
    flush();
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out = " ";
    for (const auto& w : words) out += w + " ";
    return out;
}

// The share of the source's words (with repeats) found among the extracted words.
double recall(const std::string& source, const std::string& extracted) {
    auto found = words_of(extracted);
    std::set<std::string> have(found.begin(), found.end());
    auto want = words_of(source);
    std::size_t hit = 0;
    for (const auto& w : want) hit += have.count(w);
    return want.empty() ? 0 : double(hit) / double(want.size());
}

const Block* block_containing(const Layout& layout, std::string_view part) {
    for (const auto& b : layout.blocks)
        if (b.text.find(part) != std::string::npos) return &b;
    return nullptr;
}

} // namespace

TEST_CASE("two columns: reading order, hyphens, running lines, notes, headings", "[pdf]") {
    Layout l = read("pdf-two-columns.pdf");
    std::string text = all_text(l);
    CHECK(l.pages == 3);
    CHECK(l.title == "Regional consultation on labour mobility");
    CHECK(l.symbol == "E/ESCWA/SDD/2021/3");
    CHECK(l.pages_no_text.empty());

    // Column one before column two, paragraph by paragraph, nothing interleaved.
    auto at = [&](std::string_view s) { return text.find(s); };
    REQUIRE(at("ColumnOneStarts") != std::string::npos);
    CHECK(at("ColumnOneStarts") < at("Thirty-four government officials"));
    CHECK(at("Thirty-four government officials") < at("Opening session"));
    CHECK(at("Opening session") < at("The Director of the Department"));
    CHECK(at("Government interventions") < at("The representative of Tunisia"));
    CHECK(at("Discussion and way forward") < at("ColumnTextEnds"));
    CHECK(text.find("should include a dedicated session on labour mobility and on the "
                    "characteristics of irregular recruitment.") != std::string::npos);

    // Words cut at line ends joined; the real hyphens of the text kept.
    for (auto w : {"internationalisation", "recommendations", "pre-departure", "follow-up",
                   "Thirty-four", "one-day"})
        CHECK(text.find(w) != std::string::npos);
    CHECK(text.find("\u2010") == std::string::npos);

    // No running header, footer, page number or margin symbol in the text.
    CHECK(text.find("Labour mobility consultation") == std::string::npos);
    CHECK(text.find("E/ESCWA/SDD/2021/3") == std::string::npos);
    CHECK(text.find("- 2 -") == std::string::npos);
    for (const auto& b : l.blocks) CHECK(b.text.find_first_not_of("-0123456789 ") != std::string::npos);

    // Headings.
    const Block* title = block_containing(l, "Regional consultation on labour mobility and fair");
    REQUIRE(title);
    CHECK(title->kind == BlockKind::heading);
    CHECK(title->level == 1);
    const Block* session = block_containing(l, "Opening session");
    REQUIRE(session);
    CHECK(session->kind == BlockKind::heading);
    CHECK(session->level == 2);
    CHECK(session->text == "Opening session");

    // Footnotes: notes of their page, not glued into a paragraph.
    const Block* note = block_containing(l, "General Assembly resolution 76/266");
    REQUIRE(note);
    CHECK(note->kind == BlockKind::note);
    CHECK(note->page == 1);
    CHECK(note->text.rfind("1.", 0) == 0);
    const Block* note3 = block_containing(l, "Costs are measured by indicator 10.7.1");
    REQUIRE(note3);
    CHECK(note3->kind == BlockKind::note);
    CHECK(note3->page == 2);
    // The call stays on its word as printed, in superscript digits: not glued into the word.
    const Block* called = block_containing(l, "Review Forum\u00B9 and looked at");
    REQUIRE(called);
    CHECK(called->kind == BlockKind::paragraph);
    CHECK(block_containing(l, "recruitment standards.\u00B2"));

    // Pages of blocks.
    CHECK(block_containing(l, "ColumnOneStarts")->page == 1);
    CHECK(block_containing(l, "The representative of Jordan")->page == 2);
    CHECK(block_containing(l, "ColumnTextEnds")->page == 3);
    for (const auto& b : l.blocks) CHECK((b.page >= 1 && b.page <= 3));
}

TEST_CASE("Arabic from four producers: the source's words come out", "[pdf][arabic]") {
    std::string source = fixture("pdf-arabic-source.ar.md");
    // Only the producers whose text layer carries the text: WeasyPrint 57's Arabic text layer
    // is broken (a test below).
    for (std::string producer : {"libreoffice", "chromium", "xelatex"}) {
        Layout l = read("pdf-arabic-" + producer + ".pdf");
        std::string text = all_text(l);
        double r = recall(source, text);
        INFO(producer << " recall " << r);
        CHECK(r >= 0.98);
        // Every paragraph with "الأمم المتحدة" (harakat or not) gives it back.
        std::string phrase = joined(words_of("الأمم المتحدة"));
        std::string extracted = joined(words_of(text));
        std::size_t b = 0;
        int paragraphs = 0;
        while (b < source.size()) {
            std::size_t e = source.find("\n\n", b);
            if (e == std::string::npos) e = source.size();
            std::string para = source.substr(b, e - b);
            b = e + 2;
            if (joined(words_of(para)).find(phrase) == std::string::npos) continue;
            ++paragraphs;
            auto para_words = words_of(para);
            // The extracted text has this paragraph's opening words and the phrase after them.
            std::string opening = joined({para_words.begin(), para_words.begin() + 4});
            std::size_t at = extracted.find(opening);
            INFO(producer << ": " << para.substr(0, 120));
            REQUIRE(at != std::string::npos);
            CHECK(extracted.find(phrase, at) != std::string::npos);
        }
        CHECK(paragraphs >= 2);
        CHECK(text.find("األمم") == std::string::npos);
        CHECK(text.find("االجتماع") == std::string::npos);
    }
}

TEST_CASE("Arabic from three producers: each source paragraph is one block", "[pdf][arabic]") {
    // LibreOffice sets the Arabic paragraphs flush left with a ragged right edge; Chromium
    // flush right; XeLaTeX justified. Either way a paragraph's lines join, and numbered
    // paragraphs stay apart.
    std::string source = fixture("pdf-arabic-source.ar.md");
    std::vector<std::string> paragraphs; // the source's blocks that are not headings
    for (std::size_t b = 0; b < source.size();) {
        std::size_t e = source.find("\n\n", b);
        if (e == std::string::npos) e = source.size();
        std::string para = source.substr(b, e - b);
        b = e + 2;
        while (!para.empty() && para.back() == '\n') para.pop_back();
        if (!para.empty() && para[0] != '#') paragraphs.push_back(para);
    }
    REQUIRE(paragraphs.size() == 13);
    for (std::string producer : {"libreoffice", "chromium", "xelatex"}) {
        Layout l = read("pdf-arabic-" + producer + ".pdf");
        std::vector<const Block*> got;
        for (const auto& b : l.blocks)
            if (b.kind == BlockKind::paragraph) got.push_back(&b);
        INFO(producer << ":\n" << all_text(l));
        CHECK(got.size() == paragraphs.size());
        for (int n = 1; n <= 11; ++n) {
            std::string number = std::to_string(n) + ". ";
            const std::string* para = nullptr;
            for (const auto& p : paragraphs)
                if (p.rfind(number, 0) == 0) para = &p;
            REQUIRE(para);
            std::vector<const Block*> starting;
            for (const auto* b : got)
                if (b->text.rfind(number, 0) == 0) starting.push_back(b);
            INFO("paragraph " << n);
            REQUIRE(starting.size() == 1);
            // The block holds the paragraph's words (a few may be misspelt by the text layer),
            // and not much more.
            CHECK(recall(*para, starting[0]->text) >= 0.95);
            CHECK(words_of(starting[0]->text).size() <= words_of(*para).size() + 2);
        }
    }
    Layout libreoffice = read("pdf-arabic-libreoffice.pdf");
    const Block* second = block_containing(libreoffice, "وموريتانيا");
    REQUIRE(second);
    CHECK(second->text.rfind("2. ", 0) == 0);
}

TEST_CASE("a text layer whose font map is broken is not taken as text", "[pdf][arabic]") {
    // WeasyPrint 57.2 maps Arabic glyphs to whole runs of text (Kozea/WeasyPrint#1686).
    std::string message = failure(fixture("pdf-arabic-weasyprint.pdf"));
    CHECK(failure_reason(message) == "no text layer");
}

TEST_CASE("XeLaTeX's Arabic: marks on their letters, brackets as read, words whole", "[pdf][arabic]") {
    // XeLaTeX gives each glyph its own character in HarfBuzz's visual order: a mark before the
    // letter it sits on (poppler even cuts a tanween off its alef), the mirrored bracket's
    // character, and Amiri spaces a letter after one that does not join it ("شر يك").
    std::string text = all_text(read("pdf-arabic-xelatex.pdf"));
    for (auto s : {"نظّمت", "وتلقّي", "الأُمَم المتّحدة", "اجتماعاً تشاورياً عبر", "وفقاً لقرار",
                   "بلداً،", "(الإسكوا)", "(الاتفاق العالمي)،", "شريك أساسي", "التشاورية", "أفريقيا"})
        CHECK(text.find(s) != std::string::npos);
    // LibreOffice draws marks in the same order.
    std::string libreoffice = all_text(read("pdf-arabic-libreoffice.pdf"));
    for (auto s : {"نظّمت", "وتلقّي", "بلداً،"}) CHECK(libreoffice.find(s) != std::string::npos);
}

TEST_CASE("Tesseract's own text layer is read in logical order", "[pdf][arabic]") {
    Layout l = read("pdf-tesseract-ocr.pdf");
    std::string text = all_text(l);
    std::string extracted = joined(words_of(text));
    for (auto w : {"الاجتماع", "التشاوري", "المؤسسات", "الوطنية", "لحقوق", "الإنسان"})
        CHECK(extracted.find(" " + normalise_word(w) + " ") != std::string::npos);
    CHECK(recall(fixture("pdf-arabic-source.ar.md"), text) > 0.3); // one page of two
}

TEST_CASE("files that cannot be read say why", "[pdf]") {
    CHECK(failure_reason(failure(fixture("pdf-encrypted.pdf"))) == "encrypted PDF");
    CHECK(failure_reason(failure(fixture("pdf-truncated.pdf"))) == "malformed PDF");
    CHECK(failure_reason(failure(fixture("pdf-html-named.pdf"))) == "not a PDF");
    CHECK(failure_reason(failure("")) == "not a PDF");
    CHECK(failure_reason(failure("%PDF-1.4\n")) == "malformed PDF");
    std::string scanned = failure(fixture("pdf-scanned.pdf"));
    CHECK(scanned == "no text layer: scanned? use --ocr");
    if (!ocr_available()) {
        PdfOptions ocr;
        ocr.ocr = true;
        CHECK(failure(fixture("pdf-scanned.pdf"), ocr).find("not available") != std::string::npos);
    }
}

TEST_CASE("the page limit is kept and reported", "[pdf]") {
    PdfOptions options;
    options.limits.max_pages = 1;
    Layout l = read("pdf-two-columns.pdf", options);
    CHECK(l.pages == 3);
    for (const auto& b : l.blocks) CHECK(b.page == 1);
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0].find("pages 2-3 not read") != std::string::npos);
}

TEST_CASE("OCR reads a scanned page", "[pdf][ocr]") {
    if (!ocr_available()) {
        WARN("built without Tesseract: OCR not tested");
        return;
    }
    PdfOptions options;
    options.ocr = true;
    Layout l = read("pdf-scanned.pdf", options);
    CHECK(l.pages_no_text == std::vector<std::uint32_t>{1});
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0] == "page 1: no text layer, read by OCR");
    std::string text = all_text(l);
    for (auto w : {"consultation", "Migration", "recruitment", "Introduction"})
        CHECK(text.find(w) != std::string::npos);
    for (const auto& b : l.blocks) CHECK(b.page == 1);
}
