// GCM objectives explicitly referenced in a passage.
#pragma once

#include "reference/reference_data.h"
#include "text/language.h"
#include "text/text_scan.h"

#include <string_view>
#include <vector>

namespace mahdar {

/// Finds references to GCM objectives 1..23: an objective word followed by numbers ("Objective
/// 23", "objectives 2, 5, 6, 12 and 18", "objectives 1 (data), 2 (…)", "objectifs 1 et 3",
/// "الأهداف 2 و5 و6", "الهدفين 19 و20", Arabic-Indic digits), ranges ("objectives 5–7",
/// "objectifs 5 à 7", "الأهداف من 7 إلى 9") and ordinals ("twenty-third objective",
/// "huitième objectif", "الهدف الثالث والعشرون"). Numbers that are not objectives are not
/// read: counts before the word ("23 objectives", "10 guiding principles"), decimals ("SDG
/// target 10.7"), symbols ("A/RES/73/195"), dates and "COVID-19". Words, ordinals and list
/// connectors come from the reference data. Immutable after construction; thread-safe.
class ObjectiveMatcher {
  public:
    explicit ObjectiveMatcher(const ReferenceData& data);

    /// Objective numbers referenced in `text`, sorted and unique.
    std::vector<int> find(std::string_view text, Lang lang) const;
    /// The same, for a text already scanned (`t` are the tokens of `text`).
    std::vector<int> find(std::string_view text, const Tokens& t, Lang lang) const;

  private:
    std::size_t read_list(std::string_view text, const Tokens& t, std::size_t i, Lang lang,
                          std::vector<int>& out) const;
    std::size_t read_item(std::string_view text, const Tokens& t, std::size_t i, int& value) const;
    bool is_range_word(const Token& t, Lang lang) const;

    PhraseIndex words_{Article::strip};   ///< payload 1: singular, 2: plural
    std::array<PhraseIndex, 3> ordinals_; ///< payload: number; Arabic ordinals carry ال
    std::array<WordSet, 3> and_, to_, from_;
};

} // namespace mahdar
