// Arabic light stemming (light10 semantics, as Lucene's ArabicStemmer).
#pragma once

#include <string>
#include <string_view>

namespace mahdar {

/// Light stem of an Arabic word already passed through normalise_word(): removes the first
/// matching prefix of ال وال بال كال فال لل و (و only from words of 4+ letters; the others only
/// when 2+ letters remain), then each suffix of ها ان ات ون ين يه ه ي in that order while 2+
/// letters remain. Non-Arabic words are returned unchanged. Pure; thread-safe.
std::string arabic_light_stem(std::string_view normalised_word);

} // namespace mahdar
