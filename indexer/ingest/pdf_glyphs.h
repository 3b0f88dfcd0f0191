// Glyphs as poppler gives them, before they become PdfWords (ingest/pdf_layout.h), and where
// an Arabic mark drawn as a glyph of its own goes. Pure functions; thread-safe.
#pragma once

#include <vector>

namespace mahdar {

/// One character of a text box: its code point and the box poppler gives it (the pen's
/// advance, not the ink: a mark that does not move the pen has a box of no width).
struct PdfGlyph {
    char32_t c = 0;
    double left = 0, right = 0;
};

/// A run of glyphs of one word as poppler cuts the page's text, in drawing order.
struct PdfRun {
    std::vector<PdfGlyph> glyphs;
    double left = 0, top = 0, right = 0, bottom = 0, size = 0;
    bool bold = false, space_after = false;
};

/// True for an Arabic haraka, tanween or Quranic mark.
bool is_arabic_mark(char32_t c);

/// Runs drawn left to right (visual order) with each Arabic mark after the letter it sits on,
/// as PdfWord wants it. HarfBuzz's visual order (XeTeX's, LibreOffice's) draws a mark before
/// its letter, the one on its right: a mark that does not move the pen, or that follows no
/// letter, is moved after the letter drawn next. Such marks ending a run go to the start of
/// the next run on the line when they are not drawn inside their own run's last letter and
/// that run starts within half an em (poppler cuts a word between a tanween and its alef).
/// A mark that shares its letter's box (one glyph standing for both: Chromium's) stays.
void marks_after_their_letters(std::vector<PdfRun>& runs);

} // namespace mahdar
