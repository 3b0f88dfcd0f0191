// Text rules the document readers share (DOCX, ODT, HTML): one definition each.
#pragma once

#include "ingest/layout.h"

#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// The text of a block as layout.h promises it: valid UTF-8 (bad bytes → U+FFFD), control
/// characters and every run of white space turned into one space, trimmed, soft hyphens and
/// byte-order marks removed, NFC. Pure; thread-safe.
std::string clean_block_text(std::string_view raw);

/// The number inside a list label: "12." → "12", "(a)" → "a", "3.2." → "3.2", "•" → "".
/// Pure.
std::string number_of_label(std::string_view label);

/// The document's language from the two its metadata may give: `latin` (Word's w:val, ODF's
/// fo:language) and `complex` (w:bidi, style:language-complex), which Word and LibreOffice set
/// for every document. `complex` is taken only when the blocks have more Arabic-script letters
/// than Latin ones. Pure.
std::string choose_lang(const std::string &latin, const std::string &complex,
                        const std::vector<Block> &blocks);

/// Appends `block` (when its text is not empty) and then, as note blocks on `note_page`, the
/// notes it called, in order; `notes` is left empty. DOCX and ODT place a footnote or endnote
/// right after the block that calls it.
void append_with_notes(Layout &layout, Block block, std::vector<std::string> &notes, std::uint32_t note_page);

/// True when the block has at least one letter or digit (a block of only spaces, bullets or
/// punctuation is not worth keeping). Pure.
bool has_word_character(std::string_view text);

/// Bounds a reader's recursion over nested elements: pugixml has no depth limit, and a file
/// nesting elements a million deep must not overflow the stack. One per recursive call:
///     Nesting nesting(depth_);
///     if (nesting.too_deep()) return;
class Nesting {
  public:
    static constexpr int max_depth = 200;
    explicit Nesting(int &depth) : depth_(depth) { ++depth_; }
    ~Nesting() { --depth_; }
    Nesting(const Nesting &) = delete;
    Nesting &operator=(const Nesting &) = delete;
    bool too_deep() const { return depth_ > max_depth; }

  private:
    int &depth_;
};

/// The warning a reader gives (once) when it skipped what was nested deeper than max_depth.
inline constexpr std::string_view too_deep_warning =
    "elements nested deeper than 200 levels: the deeper content was skipped";

} // namespace mahdar
