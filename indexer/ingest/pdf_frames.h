// Where a page's text sits, for telling paragraphs apart (ingest/pdf_blocks.h): the usual
// gap between lines, and each column's frame (the edges of its body lines and the side they
// are flush with), from which a line is seen to be full or indented. Pure functions; thread-safe.
#pragma once

#include "ingest/pdf_layout.h"

#include <vector>

namespace mahdar {

/// The side or sides most of a column's body lines are flush with.
enum class Flush { both, left, right };

/// Where a column's body text sits on a page.
struct Frame {
    double left = 0, right = 0; ///< the outer edges of the column's body lines
    Flush flush = Flush::both;
};

/// The usual gap between consecutive lines of one column on `page`: the lower quartile of the
/// gaps, so that paragraph spacing does not count.
double usual_line_gap(const PdfPage& page);

/// One frame per line of `page`, shared by the lines of one column (same column edges). It is
/// made from the column's body lines (`body[i]` true), flush with a side when at least three of
/// them are (within half their font size of the outermost) and more than twice as many as are
/// flush with the other side; a column without body lines gets its own edges and `both`.
std::vector<Frame> page_frames(const PdfPage& page, const std::vector<bool>& body);

/// True when `line` runs to its column's end side, but for at most a long word: the side
/// opposite to where it starts. A line starts on the side its column is flush with; in a
/// column flush with both sides (justified), or too short to tell, on the side its script
/// starts on. So an Arabic column set flush left with a ragged right edge (LibreOffice's
/// Arabic under a left-to-right paragraph style) shows a paragraph's short last line on the
/// right, as English does.
bool full_line(const PdfLine& line, const Frame& frame);

/// True when `line` starts (see full_line) further in than its column's edge.
bool indented(const PdfLine& line, const Frame& frame);

} // namespace mahdar
