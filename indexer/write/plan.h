// What a run of the indexer would do, found without writing: the dry run.
#pragma once

#include "write/index_writer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mahdar {

struct PlannedFile {
    enum Action { index, reindex, unchanged, skip, prune } action = index;
    std::filesystem::path path;
    std::string why; ///< skip: the reason, as the run would report it; reindex: "changed"
};

/// Reads each of `files` as IndexWriter::index() would (so a malformed file is found out) and
/// compares it with what the index at `db_path` holds, opened read-only (absent: empty); with
/// options.prune, the indexed files that are gone come last. Writes nothing, takes no lock.
std::vector<PlannedFile> plan_run(const std::string& db_path, const std::vector<std::filesystem::path>& files,
                                  const IndexOptions& options);

} // namespace mahdar
