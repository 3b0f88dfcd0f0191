// What a document reader gives: the document's blocks in reading order, before they become
// passages (ingest/layout_document.h turns a Layout into the one document model). Every reader
// takes the file's bytes, never a path, so that each can be fuzzed on its own.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

enum class BlockKind {
    heading,   ///< a heading (level in Block::level); becomes the section of what follows
    paragraph, ///< body text
    item,      ///< a list item
    row,       ///< a table row, its cells joined with " | "
    note,      ///< a footnote or endnote, kept apart from the paragraph that calls it
};

/// One block of text. `text` is UTF-8 in logical order (Arabic as it is read, not as it is
/// drawn), NFC, with the lines of a paragraph joined by single spaces and words hyphenated at
/// a line end joined again.
struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string text;
    /// 1-based page it starts on; 0 when the format has no pages. DOCX and ODT: an estimate
    /// (see Layout::pages).
    std::uint32_t page = 0;
    /// The paragraph's own number when the format numbers it outside the text (Word's automatic
    /// numbering rebuilt from numbering.xml: "12"). Empty otherwise: a number typed into the
    /// text ("12. The Chair said…") stays in `text` and is taken off when passages are made.
    std::string number;
    int level = 0; ///< heading level, 1 = top; 0 for other kinds
};

/// A document as a reader found it.
struct Layout {
    std::vector<Block> blocks;
    std::string title;    ///< from the file's metadata (PDF Info, docProps/core.xml, <title>), or ""
    std::string lang;     ///< from the file's metadata ("ar", "en", "fr", "ar-SA"…), or ""
    std::string symbol;   ///< a UN symbol the file's metadata states, or ""
    /// PDF: number of pages. DOCX and ODT: an estimate from the page breaks the file's last
    /// layout left in it (Word's w:lastRenderedPageBreak, else hard page breaks; LibreOffice's
    /// text:soft-page-break), 0 when it has none. HTML: 0.
    std::uint32_t pages = 0;
    std::vector<std::uint32_t> pages_no_text; ///< PDF pages with no usable text layer
    std::vector<std::string> warnings;        ///< parts skipped, for the run's report ("page 3: …")
};

/// A reader's failure: an Error (ErrorCode::bad_input) whose message is "<reason>: <detail>",
/// the reason a short label the indexer's summary groups files by ("encrypted PDF",
/// "not a zip archive", "no text layer", "unsupported format"…).
inline Error read_failure(std::string_view reason, std::string_view detail) {
    std::string m(reason);
    if (!detail.empty()) {
        m += ": ";
        m += detail;
    }
    return bad_input(std::move(m));
}

/// The reason label of a read_failure() message: the text before the first ": ".
inline std::string_view failure_reason(std::string_view message) {
    return message.substr(0, message.find(": "));
}

/// Limits every reader keeps to, so that no input makes it use unbounded memory or time.
struct ReadLimits {
    std::uint64_t max_unpacked = 256u << 20; ///< bytes a zip member may inflate to (DOCX, ODT)
    std::uint32_t max_pages = 5000;          ///< PDF pages read; the rest reported as a warning
};

} // namespace mahdar
