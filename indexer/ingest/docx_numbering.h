// Word's automatic numbering (word/numbering.xml) rebuilt: which number a paragraph with
// w:numPr shows, so that "12." drawn by Word becomes Block::number "12".
#pragma once

#include "ingest/list_numbering.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pugi {
class xml_node;
}

namespace mahdar {

/// One level of a w:abstractNum.
struct WordLevel {
    std::uint32_t start = 1;
    NumFormat format = NumFormat::decimal;
    std::string text = "%1."; ///< w:lvlText: "%1." "%1.%2" "(%1)"; %N is level N-1's value
    bool legal = false;       ///< w:isLgl: every level drawn in decimal
};

/// A parsed numbering.xml.
struct WordNumbering {
    struct Num {
        int abstract_id = -1;
        std::map<int, std::uint32_t> start_overrides; ///< ilvl → w:startOverride
        std::map<int, WordLevel> level_overrides;     ///< ilvl → w:lvlOverride/w:lvl
    };
    std::map<int, std::vector<WordLevel>> abstracts; ///< abstractNumId → its levels
    std::map<int, Num> nums;                         ///< numId → w:num
};

/// Reads the w:abstractNum and w:num elements under `numbering` (the w:numbering element).
WordNumbering parse_word_numbering(const pugi::xml_node &numbering);

/// A numbered paragraph's label.
struct WordLabel {
    std::string number; ///< "12", "3.2", "b"; "" for a bullet or a level that shows none
    bool bullet = false;
};

/// Counts numbered paragraphs in document order. Counters belong to the abstract numbering
/// (two w:num of one w:abstractNum continue each other, as in Word); a w:num with a
/// startOverride restarts that level the first time it is used. Not thread-safe.
class WordNumberer {
  public:
    explicit WordNumberer(WordNumbering numbering) : numbering_(std::move(numbering)) {}

    /// The label of the next paragraph numbered with (num_id, ilvl); nullopt when num_id is 0
    /// (numbering switched off) or unknown.
    std::optional<WordLabel> next(int num_id, int ilvl);

  private:
    const WordLevel &level_of(const WordNumbering::Num &num, int ilvl) const;
    std::string number_text(const WordNumbering::Num &num, const ListCounters &counters,
                            int ilvl) const;

    WordNumbering numbering_;
    std::map<int, ListCounters> counters_; ///< abstractNumId → counters
    std::map<int, bool> num_seen_;         ///< numId → used once already
};

} // namespace mahdar
