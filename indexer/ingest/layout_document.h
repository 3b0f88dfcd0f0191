// A reader's Layout (ingest/layout.h) as the one document model (format/passage.h).
#pragma once

#include "format/passage.h"
#include "ingest/layout.h"

#include <string>

namespace mahdar {

/// The document of a layout: a passage per paragraph, item, table row and note, each with its
/// page, its section (the last heading before it) and its paragraph number (the block's own, or
/// one typed at the start of a paragraph: "12. The Chair…"). Headings become sections and the
/// document's headings. The title is the layout's (from the file's metadata) when it has one
/// of 2+ words, else the first level-1 heading, else the first heading of 3+ words.
/// Readers have no source lines: `line` numbers the blocks in reading order, 2 apart, with the
/// items and rows of one list or table 1 apart (extraction reads adjacent lines as a list).
/// Passage ids are "<doc_id>:<ordinal>". Pure.
Document layout_document(const Layout& layout, const std::string& doc_id);

} // namespace mahdar
