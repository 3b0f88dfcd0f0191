// Splitting a text or Markdown report into passages (documented in corpus/README.md).
#pragma once

#include "format/passage.h"

#include <string>
#include <string_view>

namespace mahdar {

/// Splits a UTF-8 report into passages: paragraphs, list items and table rows, each with its
/// first line, its own paragraph number ("6.") and its section heading. Markdown decoration is
/// removed; paragraphs broken by page breaks are joined; running page headers are dropped.
/// The title is the first level-1 heading of 4+ words, else a leading title line, else the
/// first heading of 3+ words, else empty.
/// Passage ids are "<doc_id>:<ordinal>". Pure.
Document split_report(std::string_view text, const std::string& doc_id);

/// "6. Ms. X…" → para "6" and the text after it (Arabic-Indic digits are read too); a passage
/// without such a number is left as it is.
void take_paragraph_number(Passage& p);

/// `text` without Markdown decoration: **bold**, __bold__, [label](target) → label, \( → (.
std::string strip_markdown(std::string_view text);

/// Number of words, as extraction counts them (text/text_scan.h tokens).
std::size_t count_words(std::string_view text);

} // namespace mahdar
