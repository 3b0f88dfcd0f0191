// Reading sources: report files with optional sidecars, and JSON Lines passage files.
#pragma once

#include "common/result.h"
#include "format/passage.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// What reading one file gave: its documents, or an error saying why it was skipped, plus
/// warnings about parts (JSON Lines lines) that were skipped.
struct SourceFile {
    std::filesystem::path path;
    std::string content_hash; ///< hex FNV-1a of the file and its sidecar
    std::vector<Document> documents;
    std::optional<Error> error;        ///< set (ErrorCode::bad_input): the file was skipped
    std::vector<std::string> warnings; ///< "file:line: reason"
};

/// Reads one file: `.jsonl` as JSON Lines passages, anything else as a UTF-8 text/Markdown
/// report with an optional `<file>.meta.json` sidecar. Never throws for bad input: a file
/// that is unreadable, empty or not UTF-8 comes back with `error` set.
SourceFile read_source(const std::filesystem::path& path);

/// The files under `paths` that read_source() understands (.txt, .md, .jsonl), sorted;
/// README files and sidecars are not sources.
std::vector<std::filesystem::path> list_sources(const std::vector<std::filesystem::path>& paths);


} // namespace mahdar
