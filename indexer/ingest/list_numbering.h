// Automatic list numbering as word processors draw it (Word's numbering.xml, ODF list styles,
// HTML <ol>): number formats and the counters of a multi-level list. Pure; no XML here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mahdar {

enum class NumFormat {
    decimal,      ///< 1, 2, 3
    decimal_zero, ///< 01, 02 … 10
    lower_letter, ///< a … z, aa, bb (Word's way: the letter repeated)
    upper_letter, ///< A … Z, AA, BB
    lower_roman,  ///< i, ii, iii
    upper_roman,  ///< I, II, III
    arabic_indic, ///< ١، ٢، ٣ (Word's hindiNumbers)
    bullet,       ///< not a number: the paragraph is a bulleted item
    none,         ///< numbered but the level shows no number of its own
};

/// Word's w:numFmt value ("decimal", "lowerLetter", "upperRoman", "bullet", "none"…); formats
/// not listed in NumFormat (ordinal, cardinalText, arabicAbjad, arabicAlpha, CJK counting…) are
/// read as decimal.
NumFormat word_num_format(std::string_view value);

/// ODF's style:num-format value ("1", "a", "A", "i", "I", ""); others are read as decimal.
NumFormat odf_num_format(std::string_view value);

/// `n` drawn in `format` (0 and numbers above 3999 in roman are drawn in decimal); "" for
/// bullet and none.
std::string format_number(std::uint32_t n, NumFormat format);

/// The counters of one multi-level list (levels 0–8, 0 the outermost).
class ListCounters {
  public:
    static constexpr int levels = 9;

    /// Counts one paragraph at `level`: the level's counter goes up by one, or takes `start`
    /// when it has not counted since the list began or since a paragraph of an outer level
    /// reset it; the deeper levels are reset. Returns the level's new value.
    std::uint32_t count(int level, std::uint32_t start);

    /// The value `level` shows in a multi-level label ("%1.%2"): its counter, or `start` when
    /// it has not counted yet (Word and LibreOffice draw an unused outer level that way).
    std::uint32_t value(int level, std::uint32_t start) const;

    /// The next count() at `level` gives `next` (Word's w:startOverride, ODF's start-value on
    /// a list item); deeper levels are reset.
    void restart(int level, std::uint32_t next);

  private:
    std::array<std::optional<std::uint32_t>, levels> counters_{};
    std::array<std::optional<std::uint32_t>, levels> next_{};
};

} // namespace mahdar
