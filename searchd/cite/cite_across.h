// Citation across languages (issue 19 item 5): a quote whose source is in another language — a
// French draft of an Arabic statement — is found through the lexicon's translations of its
// words (search/translate.h) and reported as a translation of that passage, never as verbatim,
// with the passage's own citation: the original's.
#pragma once

#include "cite/cite.h"

#include <string_view>
#include <vector>

namespace mahdar {

/// A translated source is accepted when at least this share of the text's content words (the
/// words that are not function words) have a translation in it, and at least min_words of them.
inline constexpr double min_translated_share = 0.4;

/// The passages in the other languages than `from` that the text translates best, best first,
/// at most options.max_matches: each one's content words matched through a translation (a
/// number counts as its own translation) over all the text's content words is its coverage,
/// at least min_translated_share. Empty without a lexicon (the daemon always has one).
std::vector<CiteMatch> cite_across(Context& c, std::string_view text, Lang from, const CiteOptions& options);

} // namespace mahdar
