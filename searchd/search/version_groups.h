// Aligned hits collapse (issue 19 item 4): when the English, French and Arabic versions of one
// paragraph all match, they are one result with its language versions, not three.
//
// Grouping reads the alignments the indexer's version pass stored (format/versions.h): a hit
// joins the first group, in rank order, that holds a passage aligned with it and none in its
// language; otherwise it leads a group of its own. The group ranks where its lead ranked.
#pragma once

#include "search/rank.h"

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace mahdar {

/// The ranked hits grouped: `lead` first, then the other versions of its paragraph that match
/// too, by rank.
struct VersionGroup {
    RankedHit lead;
    std::vector<RankedHit> versions;
};

/// The most hits ranked to fill the groups of a page: a page whose groups would need more is
/// served ungrouped (searcher.cpp), which only pages past the first 333 groups do.
inline constexpr std::size_t max_grouped_window = 1000;

/// The hits ranked to fill `groups` groups: each may hold three languages.
inline std::size_t grouped_window(std::size_t groups) { return groups * 3; }

/// The groups `first` … `first + count - 1` of `ranked` (best first, every hit matching
/// `query`), in rank order of their leads. A version of a lead's paragraph that matches `query`
/// but ranks past `ranked` joins its group too, so a group shows the same versions on whatever
/// page size it is read.
std::vector<VersionGroup> group_versions(const Xapian::Database& db, const Xapian::Query& query,
                                         const std::vector<RankedHit>& ranked, std::size_t first, std::size_t count);

} // namespace mahdar
