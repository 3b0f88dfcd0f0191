// From the words poppler finds on a PDF page to lines in reading order: rows, a gutter
// between two columns, words of Arabic lines from drawn (visual) order to logical order.
// Pure functions over small structs, so that they are testable without a PDF.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mahdar {

/// One word as drawn on the page. Coordinates in points, origin top left.
struct PdfWord {
    /// UTF-8. A word with Arabic letters (`rtl`) is in visual order (left to right as drawn),
    /// lam-alef ligatures already turned so that the line's reordering puts them right; any
    /// other word is in reading order.
    std::string text;
    double left = 0, top = 0, right = 0, bottom = 0;
    double size = 0;   ///< font size
    bool bold = false; ///< from the font's name
    bool rtl = false;  ///< has Arabic letters
};

/// One line of text of one column, in logical order.
struct PdfLine {
    std::string text; ///< UTF-8, NFC, Arabic repaired (ingest/arabic_repair.h)
    double left = 0, top = 0, right = 0, bottom = 0;
    double size = 0;  ///< the font size most of its characters have
    bool bold = false; ///< most of its characters are bold
    bool rtl = false;  ///< an Arabic line (right-aligned text reads from the right)
    /// The column the line is in: its left and right edge (the text area on a one-column page).
    double column_left = 0, column_right = 0;
};

/// The lines of one page, in reading order.
struct PdfPage {
    std::uint32_t number = 0; ///< 1-based
    double width = 0, height = 0;
    std::vector<PdfLine> lines;
};

/// The page's lines in reading order: words grouped into rows by their vertical overlap; when
/// a gutter (a vertical band in the middle third that almost no word crosses, with words on
/// both sides in many rows) splits the page, rows that do not cross it are cut in two and
/// read column by column (right column first on an Arabic page), each run of columns ending
/// at the next row that spans the gutter. Rows in the top and bottom 8% of a page of
/// `page_height` points (running headers, footers) span the page.
std::vector<PdfLine> page_lines(std::vector<PdfWord> words, double page_height = 0);

/// The words of one line joined in logical order: Latin lines left to right; a line with
/// Arabic words reordered with ICU's inverse BiDi (Arabic runs read from the right, Latin and
/// digit runs kept) and repaired (ingest/arabic_repair.h).
std::string line_text(const std::vector<PdfWord>& words_left_to_right);

} // namespace mahdar
