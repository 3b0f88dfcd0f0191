// A date range as a boolean query over the indexer's date terms (Y year, M month, D day), so
// filtering by date walks a few posting lists instead of reading a value per passage.
#pragma once

#include <xapian.h>

#include <string>

namespace mahdar {

/// Passages dated from `from` to `to` (inclusive, "YYYYMMDD"; empty: unbounded): whole years
/// as Y terms, whole months as M terms, the days at the edges as D terms — only terms the
/// database has. Undated passages never match.
Xapian::Query date_range_query(const Xapian::Database& db, const std::string& from, const std::string& to);

} // namespace mahdar
