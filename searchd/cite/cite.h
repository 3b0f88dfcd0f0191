// Citation lookup: from a pasted sentence to the passage it comes from, with the quote check.
//
// A pipeline like search: parse_cite_request() → cite() → to_json (cite_routes.h). cite() runs
// on the caller's Context (its own Xapian::Database and Analyzer), so it follows the
// ContextPool policy of searcher.h: one Context per thread at a time.
#pragma once

#include "cite/quote_diff.h"
#include "common/result.h"
#include "search/searcher.h"
#include "search/translate.h"

#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// Longest pasted text accepted, in UTF-8 bytes (longer texts: 413 too_long).
inline constexpr std::size_t max_cite_bytes = 8192;

struct CiteRequest {
    std::string text;
    /// The text's language: only passages in it are quoted; when none holds the text, those of
    /// the other languages are searched for one it translates (cite_across.h). Unset: guessed
    /// for that search (text/langid.h), and every passage may be quoted.
    std::optional<Lang> lang;
};

/// Checks the text (present, not blank, at most max_cite_bytes, valid UTF-8) and the optional
/// language code ("" means none). Errors say what is accepted.
Result<CiteRequest> parse_cite_request(std::string text, std::string_view lang);

struct CiteOptions {
    std::size_t query_terms = 24; ///< rarest words of the text used to find candidates
    std::size_t query_pairs = 16; ///< adjacent word pairs (phrases) used to rank them
    std::size_t candidates = 30;  ///< passages aligned with the text
    std::size_t max_matches = 5;
    double min_coverage = 0.5; ///< below this share of words found, no match is returned
    double min_score = 0.45;   ///< nor below this share of the best possible alignment score
    std::size_t min_words = 3; ///< shorter texts cannot name a source
};

/// A passage the text was found in.
struct CiteMatch {
    Passage passage;
    std::string symbol; ///< the document's UN symbol ("A/73/PV.6"), or ""
    int score = 0;      ///< alignment score (see Alignment)
    double coverage = 0;
    bool verbatim = false;
    std::uint32_t span_begin = 0, span_end = 0;         ///< UTF-8 bytes in passage.text
    std::uint32_t span_begin_u16 = 0, span_end_u16 = 0; ///< UTF-16 code units
    std::vector<DiffEntry> diff;
    /// The passage is in another language than the text, which translates it (cite_across.h):
    /// never verbatim, no word-by-word diff, the span is the whole passage.
    bool translation = false;
    std::vector<TranslatedTerm> translated; ///< with `translation`: the text's words found translated
};

struct CiteResult {
    std::vector<CiteMatch> matches;    ///< best first, each above min_coverage and min_score
    std::optional<std::string> reason; ///< why there is no match, when matches is empty
};

/// Finds the passages the text comes from: candidates from an OR query over the text's rarest
/// words and some of its adjacent word pairs (as phrases), each aligned word by word with the text
/// (quote_diff.h) and ranked by alignment score, then coverage, then retrieval rank.
CiteResult cite(Context& c, const CiteRequest& r, const CiteOptions& options = {});

} // namespace mahdar
