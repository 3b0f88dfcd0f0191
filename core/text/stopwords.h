// The stopword list (indexer/data/stopwords.tsv): frequent function words of each language.
// The query parser drops them when other words remain; the index makes word pairs with them
// (schema.h word_pair_prefix) and gives them no stemmed term in their own language.
// The pair words (indexer/data/pair_words.tsv): frequent content words of UN records that also
// make word pairs, as Sphinx's bigram_freq_words do, but are searched like any other word.
#pragma once

#include "text/language.h"

#include <string>

namespace mahdar {

/// True for a normalised word on any language's list ("the", "de", "في").
bool is_stopword(const std::string& normalised_word);

/// True for a normalised word on `lang`'s list ("son" is one in French, not in English).
bool is_stopword(const std::string& normalised_word, Lang lang);

/// True for a word that makes a word pair with each neighbour: a stopword or a pair word.
bool makes_word_pairs(const std::string& normalised_word);

/// A fingerprint of both lists (hex FNV-1a of the files): an index made its word pairs with the
/// lists whose fingerprint it records, and they serve only a searchd with the same lists.
const std::string& stopword_fingerprint();

} // namespace mahdar
