// What an index holds, for `mahdar-indexer stats`: passages and documents by language, year,
// type and source format, the top speakers, countries and objectives, and the index's size,
// revision and schema.
//
// Cost: passage counts are term frequencies (one walk of each facet prefix's terms, never a
// passage), document figures come from the document and file records (one metadata read per
// document), so an index of 1M passages takes seconds.
#pragma once

#include "common/result.h"
#include "reference/reference_data.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// One row of a breakdown.
struct StatsRow {
    std::string value; ///< "ar", "2023", "meeting summary", "pdf", a speaker key, "MA", "5"; "" = none (undated, no type)
    std::string label; ///< for people: a speaker as displayed, a country's or objective's English name; else ""
    std::uint64_t passages = 0;
    std::uint64_t documents = 0; ///< (not counted for speakers, countries, objectives)
    std::uint64_t files = 0;     ///< (counted for formats only)
};

/// One database of the index (a stub file lists several).
struct ShardStats {
    std::string location; ///< folder, or a remote shard's stub line
    bool remote = false;  ///< nothing below is known of a remote shard
    std::uintmax_t bytes = 0;
    std::string modified; ///< newest file's time, "YYYY-MM-DDTHH:MM:SSZ"
    std::optional<Xapian::rev> revision;
    std::string uuid;
    std::string schema_version; ///< metadata mahdar_schema ("3"); "" when none is recorded
};

struct IndexStats {
    std::string path;
    std::uint64_t passages = 0;
    std::uint64_t documents = 0; ///< distinct parent documents of the passages
    std::uint64_t files = 0;     ///< source files with a record
    std::vector<StatsRow> languages; ///< by code
    std::vector<StatsRow> years;     ///< ascending, then the undated row (value "") if any
    std::vector<StatsRow> types;     ///< most passages first, the untyped row (value "") last
    std::vector<StatsRow> formats;   ///< file extensions ("md", "jsonl"), most passages first
    std::vector<StatsRow> speakers, countries, objectives; ///< the top ones, most passages first
    /// Every database; one for an index folder. Figures from records (documents by language,
    /// year and type; formats; files) cover the local ones only.
    std::vector<ShardStats> shards;
    std::uintmax_t bytes = 0; ///< sum over the local shards
    std::string modified;     ///< latest over the local shards
    std::optional<Xapian::rev> revision; ///< the folder's; none for a stub
    std::string uuid;
    std::string schema_version; ///< the first local shard's
};

struct StatsOptions {
    std::size_t top = 10; ///< speakers, countries and objectives listed
};

/// The statistics of the index at `path` (a folder or a stub file), opened read-only; a
/// writer may be committing meanwhile (the figures are of the revision opened). A path that
/// does not exist, or is not a Xapian database, is an Error (not_found) naming it. Throws
/// Xapian::Error for a damaged index, RecordError for a damaged record.
Result<IndexStats> index_stats(const std::string& path, const ReferenceData& reference,
                               const StatsOptions& options = {});

} // namespace mahdar
