// Ranking a match counted from bitmaps (match_bits.h) without running Xapian's matcher over it
// again. The matcher would weight every matching passage to pick the page: on the 1M-passage
// benchmark index, ~15 ms of the ~25 ms a one-word query over 222k passages took. Here the wdfs
// of the matching passages come from the posting lists match_bits() walked (or, for lists it
// only skipped through, by skipping through them again), with document lengths from memory.
//
// The weights are those Xapian's matcher gives: BM25Weight with its default parameters (k1 1,
// k2 0, k3 1, b 0.5, min_normlen 0.5) from the same statistics, a SYNONYM weighted as one term
// whose frequency is estimated as Xapian 1.4 estimates it (its terms taken as independent,
// combined two smallest first) and whose wdf is capped at the document length; ties go to the
// lower document id, as Enquire breaks them. So the page is the one get_mset() would give.
#pragma once

#include "facets/match_bits.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace mahdar {

/// What BM25 needs of the documents of one revision.
struct DocLengths {
    const std::vector<std::uint32_t>& lengths; ///< by document id
    double average = 0;                        ///< Xapian's get_avlength()
    Xapian::doccount count = 0;                ///< Xapian's get_doccount()
};

struct RankedHit {
    Xapian::docid id;
    double weight;
};

/// Hits `first` … `first + size - 1` of the documents in `match`, every one of which matches
/// `q`, by descending weight for `q`, equal weights by ascending id. nullopt when `q` holds an
/// operator this does not weigh: anything match_bits() cannot evaluate, and OP_MAX,
/// OP_SCALE_WEIGHT and MatchAll (which the parser does not make for text). `walked`: the lists
/// match_bits() walked whole for `match` (the others are skipped through).
std::optional<std::vector<RankedHit>> rank_match(const Xapian::Database& db, const Xapian::Query& q,
                                                 const DocBits& match, const DocLengths& stats,
                                                 std::size_t first, std::size_t size, const WalkedLists& walked);

} // namespace mahdar
