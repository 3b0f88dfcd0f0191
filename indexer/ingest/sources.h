// Reading sources: report files with optional sidecars, and JSON Lines passage files.
#pragma once

#include "common/result.h"
#include "format/passage.h"
#include "ingest/layout.h"

#include <filesystem>
#include <functional>
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
    std::vector<std::string> notes;    ///< "file: note" about a file read in full (named as another type)
    bool unchanged = false;            ///< ReadOptions::unchanged said so: nothing was parsed
};

struct ReadOptions {
    bool ocr = false; ///< OCR PDF pages without a usable text layer (readers.h)
    ReadLimits limits;
    /// Asked with the file's content hash before the file is parsed: true when the index
    /// already holds this content, so the file is not read further (SourceFile::unchanged).
    std::function<bool(const std::string& content_hash)> unchanged;
};

/// Reads one file by the type its bytes show (file_type.h): PDF, DOCX, ODT and HTML through
/// their readers (readers.h), `.jsonl` as JSON Lines passages, `.txt`/`.md` as a UTF-8
/// text/Markdown report; each document may have a `<file>.meta.json` sidecar. The document's
/// UN symbol comes from the sidecar, the file's metadata, its first page or its file name.
/// Never throws for bad input: a file that is unreadable, empty, of an unsupported type or
/// that its reader refuses comes back with `error` set, whose message starts with the reason
/// (layout.h failure_reason()).
SourceFile read_source(const std::filesystem::path& path, const ReadOptions& options = {});

/// The files under `paths`, sorted: every file in a folder (read_source() reports those it
/// cannot read) except hidden files and folders, README files and sidecars; a path named
/// explicitly is kept whatever it is.
std::vector<std::filesystem::path> list_sources(const std::vector<std::filesystem::path>& paths);

/// Whether list_sources({folder}) lists `file`, a path under `folder`, when it is a regular
/// file: the same rules by name alone (no hidden file or folder on the way, not a README,
/// SOURCE or LICENSE file, not a sidecar). For a watcher, which learns of one file at a time.
bool listed_in_folder(const std::filesystem::path& folder, const std::filesystem::path& file);

/// The document a sidecar describes (`a.md` for `a.md.meta.json`); empty for any other path.
std::filesystem::path sidecar_document(const std::filesystem::path& path);


} // namespace mahdar
