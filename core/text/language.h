// Languages mahdar analyses, and the per-language rules that drive analysis.
#pragma once

#include "common/lang.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace mahdar {


enum class Elision : std::uint8_t { keep, strip };
enum class StemOrder : std::uint8_t { fold_then_stem, stem_then_fold };

/// How words written in Latin script are analysed in a language. Arabic-script words are
/// analysed by the Arabic rules whatever the passage's language.
struct LatinRules {
    Lang lang;
    const char* snowball; ///< Xapian::Stem language name
    Elision elision;      ///< French elided articles (l', d', qu'…) removed
    StemOrder order;      ///< French stems the accented word and folds the stem
};

/// The rules for Latin-script words in `lang`; Arabic passages use English rules for the
/// Latin words they quote (acronyms, names).
const LatinRules& latin_rules(Lang lang);

/// The languages whose rules the indexer may have applied to `word` in a passage of language
/// `passage` (any of the three when nullopt): an Arabic-script word is analysed by the Arabic
/// rules in every passage; a Latin-script word by its passage's rules, and Arabic passages use
/// the English ones. The query side analyses a word under each of these, so that it meets the
/// indexer's decision whatever the passage's language. Never empty.
std::vector<Lang> word_languages(std::string_view word, std::optional<Lang> passage);

} // namespace mahdar
