// The unit of search: a passage of a document, with its metadata.
#pragma once

#include "text/language.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// A passage and everything known about it. Strings are UTF-8; `date` is YYYY-MM-DD or empty;
/// countries are ISO 3166-1 alpha-2 codes, sorted and unique; objectives 1..23, sorted.
struct Passage {
    std::string id;          ///< unique across the index
    std::string doc_id;
    std::string doc_title;
    std::string symbol;        ///< the document's UN symbol ("A/73/PV.60"), or empty
    std::uint32_t ordinal = 0; ///< 0-based position in the document
    std::uint32_t line = 0;    ///< 1-based first line in the source file (0 for JSON Lines)
    std::uint32_t page = 0;    ///< 1-based page of a paged source (PDF), else 0
    bool note = false;         ///< a footnote or endnote of the document, not body text
    std::string para;          ///< the document's own paragraph number ("6"), or empty
    std::string section;
    std::string text;
    std::optional<Lang> lang;
    std::string date;
    std::string speaker;
    std::string affiliation;
    std::string role;
    std::vector<std::string> countries;
    std::vector<int> objectives;
};

/// Fields a source states explicitly; extraction never overrides them.
struct GivenFields {
    bool lang = false, date = false, speaker = false, countries = false, objectives = false;
};

/// A heading of a report, with its 1-based line.
struct Heading {
    std::uint32_t line = 0;
    std::string text;
};

/// A document as read from one source (a report file, or the passages of one doc_id in a
/// JSON Lines file).
struct Document {
    std::string doc_id;
    std::string title;
    std::string date; ///< YYYY-MM-DD or empty
    std::optional<Lang> lang;
    std::string symbol;
    std::string version_of; ///< the id of a document this one is a language version of (JSONL, sidecar), or empty
    std::string type;
    std::vector<std::string> organisers;
    std::string source; ///< absolute path of the file it came from
    std::string format; ///< "pdf", "docx", "odt", "html", "text" or "jsonl"
    std::uint32_t pages = 0; ///< pages of a PDF, else 0
    GivenFields given;  ///< document-level fields given by a sidecar
    std::vector<Heading> headings; ///< a report's headings in order (the meeting date may be one)
    std::vector<Passage> passages;
    std::vector<GivenFields> passage_given; ///< parallel to passages (JSON Lines)
};

} // namespace mahdar
