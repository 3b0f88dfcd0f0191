// The stopword list (indexer/data/stopwords.tsv): frequent function words of the three
// languages, as one set. The query parser drops them when other words remain; the index makes
// word pairs with them (schema.h word_pair_prefix) and gives them no stemmed term.
#pragma once

#include <string>

namespace mahdar {

/// True for a normalised word on the list ("the", "de", "في"), whatever its language.
bool is_stopword(const std::string& normalised_word);

/// A fingerprint of the list (hex FNV-1a of the file): an index made its word pairs with the
/// list whose fingerprint it records, and they serve only a searchd with the same list.
const std::string& stopword_fingerprint();

} // namespace mahdar
