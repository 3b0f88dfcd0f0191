// What kind of document a file holds, from its bytes (magic numbers, a zip's member names),
// with the file name only as a hint: the one table from a detected type to its reader is in
// ingest/sources.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mahdar {

enum class FileType { text, jsonl, pdf, docx, odt, html, unsupported };

struct DetectedType {
    FileType type = FileType::unsupported;
    /// For `unsupported`: what the file is and what to do ("legacy Word document (.doc):
    /// convert to .docx or PDF"). For a readable file whose name says another type: a warning
    /// ("named .pdf but holds HTML: read as HTML"). Empty otherwise.
    std::string note;
};

/// The type of a file with these bytes and this name. PDF, DOCX, ODT and HTML are known by
/// their content whatever their name; a file with none of their signatures but named .pdf,
/// .docx, .odt or .html goes to that reader, which says what is wrong with it ("not a zip
/// archive"); text is read only from .txt, .md and .markdown files and JSON Lines from .jsonl
/// files, and only when they are not binary. Pure.
DetectedType detect_type(std::string_view bytes, const std::filesystem::path& name);

/// The lower-case extension of `p` (".pdf"), or "".
std::string lower_extension(const std::filesystem::path& p);

} // namespace mahdar
