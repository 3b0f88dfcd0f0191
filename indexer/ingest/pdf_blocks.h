// From a PDF's lines (ingest/pdf_layout.h) to blocks: running headers, footers and page
// numbers removed, lines joined into paragraphs (hyphenated words joined again), headings by
// their font, footnotes as notes of their page. Pure functions; thread-safe.
#pragma once

#include "ingest/layout.h"
#include "ingest/pdf_layout.h"

#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// True for a line that is only a page number: "12", "- 12 -", "Page 12 of 40", "12/40",
/// "Page 3", "صفحة ٣", in any decimal digits.
bool is_page_number(std::string_view line);

/// The first UN document symbol in `line` ("A/RES/73/195", "A/73/PV.60", "E/ESCWA/SDD/2021/3",
/// "IOM/2021/12"): a token of capital letters, then at least one "/" part, with a digit. "" if none.
std::string find_un_symbol(std::string_view line);

/// Removes from `pages` the lines at the top or bottom of a page that repeat on most pages
/// (compared with digits masked: running headers and footers) and page numbers there. Returns
/// the UN symbol in the first page's header or footer, "" if none.
std::string remove_running_lines(std::vector<PdfPage>& pages);

/// The document's blocks: paragraphs (lines joined; a paragraph may go on in the next column
/// or page, and is given the page it starts on), headings (a larger font than the body's, or
/// a short bold line; level by size), notes (small lines at a page's foot, each starting with
/// its number).
std::vector<Block> pdf_blocks(const std::vector<PdfPage>& pages);

/// Joins two lines of one paragraph: a word cut by a hyphen at the end of `first` is joined
/// again when the cut is typographic (U+00AD, U+2010) or when `words` (the document's words,
/// lower case) does not know the hyphenated form better ("migra-" + "tion" → "migration",
/// "follow-" + "up" stays "follow-up" when "follow-up" appears elsewhere).
std::string join_lines(std::string_view first, std::string_view second,
                       const std::vector<std::string>& words);

} // namespace mahdar
