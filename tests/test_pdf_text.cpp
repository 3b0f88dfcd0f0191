// The PDF reader's pure parts: Arabic repair (ingest/arabic_repair.h), marks among glyphs
// (ingest/pdf_glyphs.h), words to lines (ingest/pdf_layout.h), lines to blocks
// (ingest/pdf_blocks.h). No PDF needed.
#include "ingest/arabic_repair.h"
#include "ingest/pdf_blocks.h"
#include "ingest/pdf_glyphs.h"
#include "ingest/pdf_layout.h"

#include <catch2/catch.hpp>

using namespace mahdar;

TEST_CASE("presentation forms become base letters, nothing else changes", "[pdf][arabic]") {
    CHECK(fold_presentation_forms("ﺍﻟﺴﻼﻡ") == "السلام");
    CHECK(fold_presentation_forms("ﺍﻷﻣﻢ ﺍﻟﻤﺘﺤﺪﺓ") == "الأمم المتحدة");
    CHECK(fold_presentation_forms("ﷺ").size() > 3); // a ligature of a phrase becomes its letters
    CHECK(fold_presentation_forms("ﬁn 1 234 الأُمَم") == "ﬁn 1 234 الأُمَم"); // Latin ligature, harakat kept
}

TEST_CASE("the lam-alef ligature's swapped letters are put back", "[pdf][arabic]") {
    CHECK(fix_lam_alef_order("األمم المتحدة") == "الأمم المتحدة");
    CHECK(fix_lam_alef_order("االجتماع اإلقليمي اآلمنة") == "الاجتماع الإقليمي الآمنة");
    CHECK(fix_lam_alef_order("واإلقليمي واالجتماعية باإلضافة") == "والإقليمي والاجتماعية بالإضافة");
    CHECK(fix_lam_alef_order("وكاالت ال وال إلدارة الالجئين لالحتجاز") == "وكالات لا ولا لإدارة اللاجئين للاحتجاز");
    CHECK(fix_lam_alef_order("إلى إليه إلا") == "إلى إليه إلا");
    // Right words are left alone: an article before a plain letter, alef-lam inside a word.
    CHECK(fix_lam_alef_order("الأمم السالم سأل الالتزام لالتزام") == "الأمم السالم سأل الالتزام لالتزام");
}

TEST_CASE("harakat between the lam-alef's letters do not hide the swap", "[pdf][arabic]") {
    // Each haraka moves with the letter it follows.
    CHECK(fix_lam_alef_order("منظومة اأُلمَم المتحدة") == "منظومة الأُمَم المتحدة");
    CHECK(fix_lam_alef_order("واإِلقليمي اآلمنة وكاالَت") == "والإِقليمي الآمنة وكالَات");
    CHECK(fix_lam_alef_order("الَ إلِدارة") == "لَا لِإدارة");
    // A haraka on the wrong letter (LibreOffice's fatha of "الأُمَم" after the lam): the
    // letters come right, the haraka stays with the letter it followed.
    CHECK(fix_lam_alef_order("اأُلَمم") == "الَأُمم");
    CHECK(fix_lam_alef_order("الأُمَم إلى") == "الأُمَم إلى");
}

TEST_CASE("a line drawn in visual order is put in logical order", "[pdf][arabic]") {
    std::string visual = "ةدحتملا ممألا"; // "الأمم المتحدة" as drawn, left to right
    CHECK(looks_visual_order(visual));
    CHECK_FALSE(looks_visual_order("الأمم المتحدة والمنظمة الدولية للهجرة"));
    CHECK(visual_to_logical(visual) == "الأمم المتحدة");
    // A Latin symbol and digits inside keep their direction.
    CHECK(visual_to_logical("A/RES/73/195 رارقلا") == "القرار A/RES/73/195");
    // A lam-alef ligature drawn as one glyph comes out of poppler with its letters in reading
    // order inside the reversed word: reversing swaps them, the repair puts them back.
    CHECK(visual_to_logical("مملأا") == "األمم");
    CHECK(repair_arabic(visual_to_logical("مملأا")) == "الأمم");
    CHECK(repair_arabic("\u202Bالأمم\u202C") == "الأمم");
}

namespace {

PdfWord word(std::string text, double left, double top, double size = 10) {
    PdfWord w;
    w.text = std::move(text);
    w.left = left;
    w.right = left + 6.0 * double(w.text.size()) * size / 10;
    w.top = top;
    w.bottom = top + size * 1.2;
    w.size = size;
    return w;
}

std::vector<PdfWord> column(std::string prefix, double left, double top, int lines) {
    std::vector<PdfWord> out;
    for (int i = 0; i < lines; ++i)
        for (int k = 0; k < 4; ++k)
            out.push_back(word(prefix + std::to_string(i) + "w" + std::to_string(k), left + k * 45,
                               top + i * 14));
    return out;
}

} // namespace

TEST_CASE("a haraka drawn as a word of its own goes on the letter it sits on", "[pdf][arabic]") {
    // As LibreOffice draws "الأُمَم" (left to right, as poppler gives the boxes): a mark at the
    // left edge of its letter, inside the box of the word on its left...
    auto arabic = [](std::string text, double left, double right) {
        PdfWord w = word(std::move(text), left, 388);
        w.right = right;
        w.rtl = true;
        return w;
    };
    CHECK(line_text({arabic("م", 223.8, 232.4), arabic("م", 232.5, 239.5), arabic("\u064E", 232.7, 232.7),
                     arabic("لأُ", 237.2, 246.9), arabic("ا", 246.9, 250.5)}) == "الأُمَم");
    // ...or just left of the word whose final alef it is on.
    CHECK(line_text({arabic("\u064B", 59.5, 59.5), arabic("ايرواشت", 60.9, 100.2),
                     arabic("\u064B", 102.9, 102.9), arabic("اعامتجا", 104.3, 143.1)}) ==
          "اجتماعاً تشاورياً");
}

namespace {

// A run of Arabic glyphs drawn left to right from `left`, `width` points each; a mark takes
// no room (it does not move the pen).
PdfRun run(std::u32string text, double left, double width = 5) {
    PdfRun r;
    r.size = 12, r.top = 100, r.bottom = 114, r.left = left;
    for (char32_t c : text) {
        double w = is_arabic_mark(c) ? 0 : width;
        r.glyphs.push_back({c, left, left + w});
        left += w;
    }
    r.right = left;
    return r;
}

std::u32string text_of(const PdfRun& r) {
    std::u32string out;
    for (const auto& g : r.glyphs) out += g.c;
    return out;
}

} // namespace

TEST_CASE("a mark drawn before its letter, as XeLaTeX does, goes after it", "[pdf][arabic]") {
    // "نظّمت" as HarfBuzz draws it, left to right: ت م ّ ظ ن, the shadda on the "ظ" at its right.
    std::vector<PdfRun> runs{run(U"تم\u0651ظن", 100)};
    marks_after_their_letters(runs);
    CHECK(text_of(runs[0]) == U"تمظ\u0651ن");
    // A mark after a comma sits on the letter after it ("بلداً،" drawn ، ً ا د ل ب), even with
    // a box that a kern widened.
    std::vector<PdfRun> comma{run(U"،\u064Bادلب", 100)};
    comma[0].glyphs[1].right += 2;
    marks_after_their_letters(comma);
    CHECK(text_of(comma[0]) == U"،ا\u064Bدلب");
    // A tanween cut off its alef, glued to the word on its left ("وفقاً لقرار"), goes to its alef.
    std::vector<PdfRun> cut{run(U"رارقل\u064B", 100), run(U"اقفو", 127.5)};
    marks_after_their_letters(cut);
    REQUIRE(cut.size() == 2);
    CHECK(text_of(cut[0]) == U"رارقل");
    CHECK(cut[0].right == 125);
    CHECK(text_of(cut[1]) == U"ا\u064Bقفو");
    // A mark of its own drawn inside the word on its left stays for line_text to place.
    std::vector<PdfRun> inside{run(U"أ", 100), run(U"\u064F", 101), run(U"لا", 105)};
    marks_after_their_letters(inside);
    CHECK(inside.size() == 3);
    // One glyph standing for a letter and its mark (Chromium's: equal shares of one box) and a
    // mark with a box of its own (LibreOffice's) are already in place.
    std::vector<PdfRun> shared{run(U"ا\u064Bقفو", 100)};
    shared[0].glyphs[0].right = 101.5, shared[0].glyphs[1] = {0x064B, 101.5, 103};
    std::vector<PdfRun> boxed{run(U"ت\u0651ملا", 100)};
    boxed[0].glyphs[1].right += 3;
    marks_after_their_letters(shared);
    marks_after_their_letters(boxed);
    CHECK(text_of(shared[0]) == U"ا\u064Bقفو");
    CHECK(text_of(boxed[0]) == U"ت\u0651ملا");
}

TEST_CASE("brackets read as drawn around an Arabic word", "[pdf][arabic]") {
    // XeLaTeX's characters are the mirrored glyphs' ("(اوكسإلا)" drawn), Chromium's the text's.
    CHECK(brackets_as_read("(اوكسإلا)") == ")اوكسإلا(");
    CHECK(brackets_as_read(")اوكسإلا(") == ")اوكسإلا(");
    CHECK(repair_arabic(visual_to_logical(brackets_as_read("(اوكسإلا)"))) == "(الإسكوا)");
    CHECK(brackets_as_read("[«يملاعلا") == "[»يملاعلا");
    CHECK(brackets_as_read("(2021)") == "(2021)"); // no Arabic letter beside them
}

TEST_CASE("Arabic pieces of one word are joined, words apart stay apart", "[pdf][arabic]") {
    auto arabic = [](std::string text, double left, double right) {
        PdfWord w = word(std::move(text), left, 580);
        w.right = right;
        w.size = 12;
        w.rtl = true;
        return w;
    };
    // Amiri spaces the "ي" after a "ر" (which does not join it): "شريك" in two pieces.
    CHECK(line_text({arabic("يساسأ", 295.2, 320.4), arabic("كي", 323.5, 335.6), arabic("رش", 337.1, 347.8),
                     arabic("ناسنإلا", 351.0, 380.0)}) == "الإنسان شريك أساسي");
    // A word ending in a tanween ends there, however close the next (XeLaTeX's justified line).
    CHECK(line_text({arabic("رارقل", 411.5, 430.7), arabic("ا\u064Bقفو", 433.2, 448.8),
                     arabic("هضارعتساو", 452.3, 497.8), arabic("يملاعلا", 501.4, 524.4)}) ==
          "العالمي واستعراضه وفقاً لقرار");
}

TEST_CASE("two columns are read one after the other, a spanning title first", "[pdf][layout]") {
    std::vector<PdfWord> words = column("L", 50, 100, 12);
    auto right = column("R", 300, 100, 12);
    words.insert(words.end(), right.begin(), right.end());
    // A title across the gutter, and a footer across it below both columns.
    for (int k = 0; k < 6; ++k) words.push_back(word("Title" + std::to_string(k), 50 + k * 62, 60, 16));
    words.push_back(word("footer", 240, 400));
    auto lines = page_lines(words, 842);
    REQUIRE(lines.size() == 26);
    CHECK(lines[0].text.rfind("Title0", 0) == 0);
    CHECK(lines[1].text.rfind("L0w0", 0) == 0);
    CHECK(lines[12].text.rfind("L11w0", 0) == 0);
    CHECK(lines[13].text.rfind("R0w0", 0) == 0);
    CHECK(lines[25].text == "footer");
    CHECK(lines[1].column_right < lines[13].column_left);
}

TEST_CASE("one column is read row by row, a footnote call stays on its line", "[pdf][layout]") {
    std::vector<PdfWord> words = {word("first", 50, 100), word("line", 90, 100),
                                  word("second", 50, 114), word("Forum", 50, 128)};
    PdfWord call = word("1", 80, 126, 6); // raised and smaller, touching "Forum"
    call.left = words.back().right;
    words.push_back(call);
    auto lines = page_lines(words, 842);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "first line");
    CHECK(lines[2].text == "Forum\u00B9"); // a superscript digit: the word stays "Forum"
}

TEST_CASE("page numbers and UN symbols are recognised", "[pdf][layout]") {
    for (auto s : {"12", "- 12 -", "Page 12 of 40", "page 3", "12/40", "١٢", "— ٣ —", "صفحة ٣"})
        CHECK(is_page_number(s));
    for (auto s : {"12 June 2021", "Item 12", "Chapter one", "2. The Chair"}) CHECK_FALSE(is_page_number(s));
    CHECK(find_un_symbol("E/ESCWA/SDD/2021/3") == "E/ESCWA/SDD/2021/3");
    CHECK(find_un_symbol("see A/RES/73/195.") == "A/RES/73/195");
    CHECK(find_un_symbol("A/73/PV.60 page 2") == "A/73/PV.60");
    CHECK(find_un_symbol("12/7/26, 3:50 AM") == "");
    CHECK(find_un_symbol("and/or") == "");
}

TEST_CASE("hyphenated words are joined, real hyphens kept", "[pdf][layout]") {
    std::vector<std::string> words = {"follow-up", "migration"};
    CHECK(join_lines("international migra-", "tion today", words) == "international migration today");
    CHECK(join_lines("international migra\u2010", "tion", {}) == "international migration");
    CHECK(join_lines("pre-depar\u2010", "ture", {}) == "pre-departure");
    CHECK(join_lines("a follow-", "up report", words) == "a follow-up report");
    CHECK(join_lines("Thirty-", "Four", {}) == "Thirty- Four");
    CHECK(join_lines("ends here.", "Next", {}) == "ends here. Next");
}

TEST_CASE("running lines go, the first page's symbol is kept", "[pdf][layout]") {
    std::vector<PdfPage> pages;
    for (std::uint32_t n = 1; n <= 4; ++n) {
        PdfPage p;
        p.number = n;
        p.width = 595;
        p.height = 842;
        auto line = [](std::string t, double top) {
            PdfLine l;
            l.text = std::move(t);
            l.top = top;
            l.bottom = top + 12;
            l.size = 10;
            return l;
        };
        p.lines.push_back(line("E/ESCWA/SDD/2021/3", 20));
        p.lines.push_back(line("Report of meeting " + std::to_string(n * 11), 40));
        p.lines.push_back(line("Body text of page " + std::to_string(n), 300));
        p.lines.push_back(line("- " + std::to_string(n) + " -", 810));
        pages.push_back(std::move(p));
    }
    CHECK(remove_running_lines(pages) == "E/ESCWA/SDD/2021/3");
    for (const auto& p : pages) {
        REQUIRE(p.lines.size() == 1);
        CHECK(p.lines[0].text.rfind("Body text", 0) == 0);
    }
}

namespace {

PdfLine rtl_line(std::string text, double left, double right, double top) {
    PdfLine l;
    l.text = std::move(text);
    l.left = left, l.right = right;
    l.top = top, l.bottom = top + 17;
    l.size = 13;
    l.rtl = true;
    l.column_left = 56, l.column_right = 564;
    return l;
}

} // namespace

TEST_CASE("an Arabic paragraph set flush left with a ragged right edge is one block", "[pdf][layout]") {
    // As LibreOffice sets Arabic under a left-to-right paragraph style: every line starts
    // short of the right edge, a paragraph's last line ends short on the right, paragraphs
    // are 17 points apart and lines 6.
    PdfPage p;
    p.number = 1, p.width = 595, p.height = 842;
    p.lines = {rtl_line("2. شارك في الاجتماع ٤٥ مشاركاً يمثلون مؤسسات وطنية", 61, 545, 100),
               rtl_line("الأردن، والبحرين، وتونس، والجزائر، ودولة فلسطين،", 61, 562, 123),
               rtl_line("وموريتانيا، إلى جانب ممثلين عن وكالات الأمم المتحدة", 61, 543, 146),
               rtl_line("بالهجرة.", 57, 101, 169),
               rtl_line("3. افتتحت السفيرة نادية الشربيني، مديرة إدارة", 61, 562, 203),
               rtl_line("الدول العربية، الاجتماع، فأكدت أن المؤسسات الوطنية", 61, 536, 226),
               rtl_line("المسار العربي للهجرة. وأشارت إلى أن العملية", 61, 525, 249),
               rtl_line("بأوضاع العمال المهاجرين في المنطقة.", 57, 263, 272)};
    auto blocks = pdf_blocks({p});
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].text.rfind("2. شارك", 0) == 0);
    CHECK(blocks[0].text.find("وموريتانيا") != std::string::npos);
    CHECK(blocks[0].text.find("بالهجرة.") != std::string::npos);
    CHECK(blocks[1].text.rfind("3. افتتحت", 0) == 0);
    CHECK(blocks[1].text.find("في المنطقة.") != std::string::npos);

    // Set flush right (as Chromium does), the same lines split where a line is short on the
    // left and the next starts further in on the right.
    for (auto& l : p.lines) {
        double width = l.right - l.left;
        l.right = 564, l.left = 564 - width;
    }
    p.lines[1].right = 550; // an indent after a short line ending a sentence
    p.lines[1].text = "سطر جديد.";
    p.lines[0].text = "أول.";
    p.lines[0].left = 400;
    blocks = pdf_blocks({p});
    CHECK(blocks.size() == 3);
}
