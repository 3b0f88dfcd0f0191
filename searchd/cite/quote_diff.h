// The quote check: a pasted text and a passage as sequences of normalised words, aligned
// word by word, and the differences a writer has to fix.
#pragma once

#include "text/analyzer.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// One word as the quote check compares it.
struct QuoteWord {
    std::string key;             ///< normalised as search does, accents folded, elisions KEPT
    std::uint32_t begin = 0;     ///< UTF-8 byte offset of the word in the original text
    std::uint32_t end = 0;       ///< one past its last byte (a hyphenated word ends after its tail)
    bool after_ellipsis = false; ///< "…" or "..." stands between this word and the one before
};

/// Tells whether a joined word is a real word ("migration" from "migra-\ntion"), so that a
/// compound broken at a line end ("capacity-\nbuilding") stays two words.
using KnownWord = std::function<bool(std::string_view key)>;

/// The words of `text` with their original byte offsets. Keys ignore case, diacritics, tatweel,
/// hamza forms, typographic apostrophes and whitespace; a word hyphenated at a line end is
/// joined when `known` accepts the joined key and the tail starts in lower case (or the head
/// is in capitals). Uses the caller's Analyzer (not thread-safe).
std::vector<QuoteWord> quote_words(std::string_view text, Analyzer& analyzer,
                                   const KnownWord& known);

enum class DiffOp : std::uint8_t { equal, missing, added, changed };

/// Alignment score of one equal word (the best possible score is match_gain × draft words).
inline constexpr int match_gain = 2;

/// "equal", "missing", "added" or "changed".
std::string_view diff_op_name(DiffOp op);

/// A run of the alignment: draft words [draft_begin, draft_end) against source words
/// [source_begin, source_end), as indices into the two word lists. `elided` marks source
/// words the draft left out where it shows an ellipsis.
struct DiffPart {
    DiffOp op = DiffOp::equal;
    std::size_t draft_begin = 0, draft_end = 0;
    std::size_t source_begin = 0, source_end = 0;
    bool elided = false;
};

/// How a draft lies in a source: every draft word is placed (equal, changed or added), the
/// source is cut to the stretch the draft covers.
struct Alignment {
    int score = 0;                ///< +2 per equal word, -1 per changed, added or missing word
    std::size_t equal_words = 0;  ///< draft words found, in order, in the source
    std::size_t elided_words = 0; ///< source words skipped where the draft shows an ellipsis
    double coverage = 0;          ///< equal_words / draft words
    bool verbatim = false;        ///< the draft's words occur contiguously and identically
    std::size_t source_first = 0, source_last = 0; ///< the covered source words [first, last)
    std::vector<DiffPart> parts; ///< in reading order; empty when nothing is equal
};

/// Aligns all of `draft` with the best-matching stretch of `source` (global in the draft,
/// local in the source). Skipping source words where the draft shows an ellipsis costs
/// nothing. Pure; O(draft × source) time, with the source cut to a window around the draft's
/// words when the product is large.
Alignment align_quote(const std::vector<QuoteWord>& draft, const std::vector<QuoteWord>& source);

/// One difference as shown to the writer: the original text of both sides.
struct DiffEntry {
    DiffOp op = DiffOp::equal;
    std::string source; ///< words of the passage's original text ("" when added)
    std::string draft;  ///< words of the pasted text ("" when missing)
    bool elided = false;
};

struct QuoteTexts {
    std::string_view draft;
    const std::vector<QuoteWord>& draft_words;
    std::string_view source;
    const std::vector<QuoteWord>& source_words;
};

/// The alignment's parts with the original text of each side (punctuation between the words
/// of one run included).
std::vector<DiffEntry> describe(const Alignment& a, const QuoteTexts& texts);

/// The UTF-16 code unit offset of UTF-8 byte offset `byte` in `text` (for JavaScript).
std::uint32_t utf16_offset(std::string_view text, std::uint32_t byte);

} // namespace mahdar
