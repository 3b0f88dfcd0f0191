// What the staff desk's pages ask beyond a search: a cross-tabulation of two facets over a
// search's match (a country × objective table, a speaker's objectives by year), and one
// speaker's profile (names in both scripts, affiliations, dates).
#pragma once

#include "facets/crosstab.h"
#include "search/searcher.h"

#include <cstddef>
#include <string>
#include <vector>

namespace mahdar {

inline constexpr std::size_t default_crosstab_limit = 100;
inline constexpr std::size_t max_crosstab_limit = 1000;

struct CrossRequest {
    SearchRequest search; ///< its q and filters choose the passages; paging and sort unused
    Facet rows = Facet::objective, cols = Facet::year;
    std::size_t limit = default_crosstab_limit; ///< values kept per axis, the most frequent
};

/// Counts the passages search() would match for r.search by pairs of (rows, cols) values.
CrossTable crosstab(Context& c, const CrossRequest& r, const Labels& labels);

/// A value and how many passages have it.
struct Tally {
    std::string value;
    std::size_t count = 0;
};

struct SpeakerProfile {
    std::string name;   ///< the speaker facet value (its filter)
    std::string arabic; ///< the same person's Arabic-script spelling, when linked; else ""
    std::string label;  ///< the name in the interface language
    std::vector<Tally> spellings, affiliations, roles; ///< as the passages write them, most first
    std::size_t passages = 0, documents = 0;
    std::string first_date, last_date; ///< YYYY-MM-DD, "" when no passage is dated
};

/// The profile of the speaker `name` (a facet value, either script, or any spelling a filter
/// by speaker takes): not_found when no passage has that speaker. Reads every passage of the
/// speaker once.
Result<SpeakerProfile> speaker_profile(Context& c, const std::string& name, Lang ui);

} // namespace mahdar
