// JSON Lines sources: one passage per line (format in corpus/README.md).
#pragma once

#include "ingest/sources.h"

#include <string>

namespace mahdar {

/// Adds the passages of a JSON Lines text to `src`, grouped into documents by doc_id in order
/// of first appearance. A bad line is skipped with a warning "path:line: reason".
void read_jsonl(SourceFile& src, const std::string& text);

/// Why `id` cannot be a document or passage id, or "" if it can: ids become Xapian terms
/// (245 bytes at most, prefix included) and fields of tab-separated file records.
std::string id_problem(const std::string& id);

} // namespace mahdar
