// The stopword list (indexer/data/stopwords.tsv): frequent function words of each language.
// The query parser drops them when other words remain; the index makes word pairs with them
// (schema.h word_pair_prefix) and gives them no stemmed term in their own language.
#pragma once

#include "language.h"

#include <string>

namespace mahdar {

/// True for a normalised word on any language's list ("the", "de", "في").
bool is_stopword(const std::string& normalised_word);

/// True for a normalised word on `lang`'s list ("son" is one in French, not in English).
bool is_stopword(const std::string& normalised_word, Lang lang);

/// A fingerprint of the list (hex FNV-1a of the file): an index made its word pairs with the
/// list whose fingerprint it records, and they serve only a searchd with the same list.
const std::string& stopword_fingerprint();

} // namespace mahdar
