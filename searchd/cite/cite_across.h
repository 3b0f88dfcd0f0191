// Citation across languages (issue 19 item 5): a quote whose source is in another language — a
// French draft of an Arabic statement — is found through the lexicon's translations of its
// words (search/translate.h) and reported as a translation of that passage, never as verbatim,
// with the passage's own citation: the original's.
#pragma once

#include "cite/cite.h"

#include <string_view>
#include <vector>

namespace mahdar {

/// A translated source is accepted when the text's content words (not function words) found
/// translated in it weigh at least this share of them all, each weighing as its rarest
/// translation's inverse document frequency; and at least min_words of them.
inline constexpr double min_translated_share = 0.4;

/// And when that share and its converse — in the passage's best window of about the text's
/// length, the weighed share of its content words that translate the text's (a translation
/// holds few words the text does not; a passage on the same subject, many) — have a geometric
/// mean of at least this. On the UN Parallel Corpus test set (bench/eval_cite_across.py): 0.79
/// of French quotes found as the translation of their Arabic or English source, and 0.19 of
/// quotes whose source is not indexed attributed to another passage (0.93 / 0.36 at 0.4).
inline constexpr double min_translation_score = 0.55;

/// The passages in the other languages than `from` that the text translates best, best first,
/// at most options.max_matches: the weighed share of the text's content words found translated
/// in it (a number, and a word in a language of the same script, is its own translation) at
/// least min_translated_share, and its mean with the converse share (coverage) at least
/// min_translation_score. Empty without a lexicon (the daemon always has one).
std::vector<CiteMatch> cite_across(Context& c, std::string_view text, Lang from, const CiteOptions& options);

} // namespace mahdar
