// IndexStats for people (a table) and for scripts (JSON). Pure: no index, no files.
#pragma once

#include "commands/index_stats.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace mahdar {

/// The statistics as text: the index's figures, then one block per breakdown with the counts
/// first, right-aligned, and the value last (names of any script and length stay readable).
/// The undated year, untyped documents and files without an extension read "undated",
/// "(no type)", "(none)".
void print_stats_table(const IndexStats& st, std::ostream& out);

/// The statistics as one JSON object, keys in the table's order (README "mahdar-indexer
/// stats"): counts as numbers; the undated year, untyped documents and files without an
/// extension as null values.
nlohmann::ordered_json stats_json(const IndexStats& st);

} // namespace mahdar
