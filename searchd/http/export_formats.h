// Writing passages for other tools: a spreadsheet (CSV), scripts (JSON Lines) and reference
// managers (RIS, CSL-JSON). Pure functions of a passage, so a large export is written row by
// row as it streams.
#pragma once

#include "cite/citation_format.h"
#include "format/passage.h"

#include <optional>
#include <string>
#include <string_view>

namespace mahdar {

enum class ExportFormat { csv, jsonl, ris, csl };

/// "csv", "jsonl", "ris", "csl" (CSL-JSON); nullopt for anything else.
std::optional<ExportFormat> parse_export_format(std::string_view name);

/// Content type and file extension of a format.
const char* export_content_type(ExportFormat f);
const char* export_extension(ExportFormat f);

/// What comes before the first row: CSV's byte-order mark (so Excel reads the file as UTF-8
/// and shows Arabic) and header line, CSL-JSON's "[".
std::string export_head(ExportFormat f);

/// One passage; `first` tells CSL-JSON whether a comma goes before it. `link` is the passage's
/// permalink (may be empty).
std::string export_row(ExportFormat f, const Passage& p, const CitationFormatter& citations, const std::string& link,
                       bool first);

/// What comes after the last row: CSL-JSON's "]".
std::string export_tail(ExportFormat f);

/// A CSV field as RFC 4180 quotes it (always quoted: text holds commas and line breaks), with
/// a leading = + - @ neutralised so a spreadsheet does not run it as a formula.
std::string csv_field(std::string_view s);

} // namespace mahdar
