// The document readers, one per format: bytes in, a Layout (ingest/layout.h) out. Each reads
// from memory (never a path), keeps to ReadLimits, never throws for bad input and returns a
// read_failure() saying why a file cannot be read.
#pragma once

#include "ingest/layout.h"

#include <string_view>

namespace mahdar {

struct PdfOptions {
    bool ocr = false; ///< OCR the pages without a usable text layer (needs Tesseract)
    ReadLimits limits;
};

/// PDF through poppler's C++ API: text in reading order page by page (two columns read column
/// by column), running headers and footers and page numbers removed, footnotes as notes of
/// their page, Arabic repaired (presentation forms, lam-alef order, visual lines). Failures:
/// "encrypted PDF", "malformed PDF", "no text layer" (every page without usable text, no OCR).
Result<Layout> read_pdf(std::string_view bytes, const PdfOptions& options = {});

/// Office Open XML (.docx) through libzip and pugixml: paragraphs and headings from styles
/// (Heading N, Title, w:outlineLvl), Word's automatic numbering rebuilt (Block::number "12",
/// "3.2", "b"; a bulleted paragraph is an item), tables row by row, footnotes and endnotes as
/// notes ("1 See A/RES/73/195.") right after the block that calls them, tracked deletions and
/// field codes dropped, headers and footers (separate parts) never read. Failures:
/// "not a zip archive" (also empty or truncated files), "malformed DOCX" (no
/// word/document.xml, or XML that does not parse), "too large" (a member over
/// limits.max_unpacked), "damaged zip archive".
Result<Layout> read_docx(std::string_view bytes, const ReadLimits& limits = {});

/// OpenDocument text (.odt) from content.xml, the same way as read_docx: text:h headings,
/// lists numbered from their list styles, tables, text:note as notes. Failures as read_docx's,
/// with "malformed ODT".
Result<Layout> read_odt(std::string_view bytes, const ReadLimits& limits = {});

/// HTML (UN press releases, meeting coverage pages) through libxml2's HTML parser: the main
/// text (<main>, role="main", else the first <article>, else <body>) and its headings, without
/// navigation, scripts, styles, banners, dialogs, asides, headers and footers of the site, or
/// hidden elements. The charset comes from a byte-order mark or the <meta> tag, else UTF-8
/// when valid, else windows-1252. Failure: "no text" (empty, binary, or nothing readable).
Result<Layout> read_html(std::string_view bytes);

/// True when this build has Tesseract (read_pdf's `ocr` can work).
bool ocr_available();

} // namespace mahdar
