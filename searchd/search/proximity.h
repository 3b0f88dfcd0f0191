// Words typed together rank first where they stand together. BM25 weighs each word of
// `objective 21 Morocco` alone, so a passage that says "objective 21" can rank below one that has
// "21" in a table and "objective" two sentences later. Sphinx ranks by the longest run of query
// words in query order first (SPH_RANK_PROXIMITY_BM25); Xapian's idiom is an AND_MAYBE phrase
// that adds the words' weights again where they are adjacent. Here the best hits (a window of
// the ranking, as a rescoring window in Lucene/Elasticsearch) are weighed again by the longest
// run of the query's words they hold in order: weight × (1 + (run − 1) / (words − 1)), so a
// passage with all the words together counts double, as the AND_MAYBE phrase would, and one with
// none together keeps its BM25 weight. Ranks past the window do not move, so pages stay
// consistent.
#pragma once

#include "search/rank.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace mahdar {

/// One word of the query, as the index may hold it at its position (the word as written, its
/// stems and variants), and its place among the query's words: a dropped stopword between two
/// words leaves a gap ("appliquer le Traité": offsets 0 and 2). A word with no terms is a
/// break: an OR, a phrase or a wildcard, which no run crosses.
struct ProximityWord {
    std::vector<std::string> terms;
    unsigned offset = 0;
};

/// The hits ranked in the window (the first `window` of the ranking).
constexpr std::size_t proximity_window = 50;

/// The longest run of `words` in document `id`: how many consecutive query words (no break
/// between) stand in order, each at most one word further than the query puts it (a word, or a
/// word and an article, between). 0 when the document holds none.
unsigned longest_run(const Xapian::Database& db, Xapian::docid id, const std::vector<ProximityWord>& words);

/// Re-weighs `ranked` (the head of a ranking, best first) by longest_run() and sorts it again,
/// equal weights by ascending id. Does nothing with fewer than two words.
void rescore_by_proximity(const Xapian::Database& db, const std::vector<ProximityWord>& words,
                          std::vector<RankedHit>& ranked);

} // namespace mahdar
